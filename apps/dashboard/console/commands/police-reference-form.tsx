import type { Incident } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** Records the force's own incident number. */
export function PoliceReferenceForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="police-reference-form"
      title="Police reference"
      command="police-reference"
      incident={incident}
      run={run}
      submitLabel="Save reference"
      body={(f) => (text(f, 'policeReference') ? { policeReference: text(f, 'policeReference') } : 'give the police reference')}
    >
      <label>
        <span>Police reference</span>
        <input name="policeReference" required maxLength={100} defaultValue={incident.policeReference ?? ''} autoComplete="off" />
      </label>
    </CommandForm>
  );
}
