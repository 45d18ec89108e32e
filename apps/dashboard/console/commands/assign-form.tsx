import type { Incident } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** Gives the incident to a named operator. */
export function AssignForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm id="assign-form" title="Assign to…" command="assign" incident={incident} run={run} submitLabel="Assign" body={(f) => (text(f, 'assignee') ? { assignee: text(f, 'assignee') } : 'name the operator')}>
      <label>
        <span>Operator</span>
        <input name="assignee" required maxLength={200} autoComplete="off" />
      </label>
    </CommandForm>
  );
}
