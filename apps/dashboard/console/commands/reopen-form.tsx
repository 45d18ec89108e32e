import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand } from '../command-form';

/** Reopens a closed incident, with a reason. */
export function ReopenForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm id="reopen-form" title="Reopen" command="reopen" incident={incident} run={run} submitLabel="Reopen" body={(f) => {
      const reason = reasonOf(f);
      return reason ? { reason } : 'give a reason (3 characters or more)';
    }}>
      <ReasonField id="reopen" />
    </CommandForm>
  );
}
