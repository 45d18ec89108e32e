import type { Incident } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** Closes the incident with its outcome, as the partnership's statistics count it. */
export function CloseForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="close-form"
      title="Close with outcome"
      command="close"
      incident={incident}
      run={run}
      submitLabel="Close incident"
      body={(f) => {
        const arrests = Number(text(f, 'arrests') || '0');
        if (!Number.isInteger(arrests) || arrests < 0 || arrests > 1000) return 'arrests: a whole number from 0';
        return {
          outcome: {
            arrests,
            policeAttended: f.get('policeAttended') === 'on',
            footageRequested: f.get('footageRequested') === 'on',
            noFurtherAction: f.get('noFurtherAction') === 'on',
            summary: text(f, 'summary') || null,
          },
        };
      }}
    >
      <label>
        <span>Arrests</span>
        <input name="arrests" type="number" inputMode="numeric" min={0} max={1000} step={1} defaultValue="0" />
      </label>
      <fieldset>
        <legend>Outcome</legend>
        <label class="check">
          <input type="checkbox" name="policeAttended" /> Police attended
        </label>
        <label class="check">
          <input type="checkbox" name="footageRequested" /> Footage requested
        </label>
        <label class="check">
          <input type="checkbox" name="noFurtherAction" /> No further action (NFA)
        </label>
      </fieldset>
      <label>
        <span>What happened</span>
        <textarea name="summary" maxLength={4000} rows={2} />
      </label>
    </CommandForm>
  );
}
