import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand } from '../command-form';
import { GRADES } from '../reference-data';

/** Re-grades with a reason. */
export function RegradeForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="regrade-form"
      title="Re-grade"
      command="regrade"
      incident={incident}
      run={run}
      submitLabel="Re-grade"
      body={(f) => {
        const reason = reasonOf(f);
        return reason ? { grade: Number(f.get('grade')), reason } : 'give a reason (3 characters or more)';
      }}
    >
      <label>
        <span>New grade</span>
        <select name="grade">
          {GRADES.map((g) => (
            <option key={g} value={g} selected={g === incident.grade}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <ReasonField id="regrade" />
    </CommandForm>
  );
}
