import type { Incident, Thrive } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** THRIVE's elements in order, as the force's risk assessment names them. */
export const THRIVE_ELEMENTS: ReadonlyArray<readonly [keyof Thrive, string]> = [
  ['threat', 'Threat'],
  ['harm', 'Harm'],
  ['risk', 'Risk'],
  ['investigation', 'Investigation'],
  ['vulnerability', 'Vulnerability'],
  ['engagement', 'Engagement'],
];

/** A THRIVE (re-)assessment; earlier ones stay on the timeline. */
export function ThriveForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="thrive-form"
      title="THRIVE assessment"
      command="thrive"
      incident={incident}
      run={run}
      submitLabel="Save THRIVE"
      body={(f) => Object.fromEntries(THRIVE_ELEMENTS.map(([key]) => [key, text(f, key)]))}
    >
      {THRIVE_ELEMENTS.map(([key, label]) => (
        <label key={key}>
          <span>{label}</span>
          <textarea name={key} maxLength={2000} rows={1} defaultValue={incident.thrive?.[key] ?? ''} />
        </label>
      ))}
    </CommandForm>
  );
}
