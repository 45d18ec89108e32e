import type { Incident, IncidentCall } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand, text } from '../command-form';

/** Splits a wrongly joined call out into an incident of its own. */
export function SplitForm({ incident, calls, run }: { incident: Incident; calls: IncidentCall[]; run: RunCommand }) {
  return (
    <CommandForm
      id="split-form"
      title="Split a call out"
      command="split"
      incident={incident}
      run={run}
      submitLabel="Split"
      body={(f) => {
        const reason = reasonOf(f);
        if (!text(f, 'callKey')) return 'choose the call';
        return reason ? { callKey: text(f, 'callKey'), reason } : 'give a reason (3 characters or more)';
      }}
    >
      <label>
        <span>Call</span>
        <select name="callKey" required>
          <option value="">—</option>
          {calls.map((c) => (
            <option key={c.callKey} value={c.callKey}>
              {new Date(c.receivedAt).toLocaleTimeString('en-GB')} {c.source}: {c.summary.slice(0, 60)}
            </option>
          ))}
        </select>
      </label>
      <ReasonField id="split" />
    </CommandForm>
  );
}
