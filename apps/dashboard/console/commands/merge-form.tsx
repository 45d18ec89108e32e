import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand, text } from '../command-form';

/** Merges this incident into another (by reference); this one closes as merged. */
export function MergeForm({ incident, run, find }: { incident: Incident; run: RunCommand; find: (reference: string) => Incident | undefined }) {
  return (
    <CommandForm
      id="merge-form"
      title="Merge into another incident"
      command="merge"
      incident={incident}
      run={run}
      submitLabel="Merge"
      body={(f) => {
        const into = find(text(f, 'into'));
        if (!into) return `no open incident ${text(f, 'into')} on this board`;
        if (into.incidentId === incident.incidentId) return 'an incident cannot be merged into itself';
        const reason = reasonOf(f);
        return reason ? { intoIncidentId: into.incidentId, intoVersion: into.version, reason } : 'give a reason (3 characters or more)';
      }}
    >
      <label>
        <span>Into reference</span>
        <input name="into" required placeholder="VIG-2026-…" autoComplete="off" />
      </label>
      <ReasonField id="merge" />
    </CommandForm>
  );
}
