import type { Incident } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** Records the cameras used (the whole list, comma or space separated). */
export function CamerasForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="cameras-form"
      title="Cameras used"
      command="cameras"
      incident={incident}
      run={run}
      submitLabel="Save cameras"
      body={(f) => ({ cameras: [...new Set(text(f, 'cameras').split(/[\s,]+/).filter(Boolean))] })}
    >
      <label>
        <span>Camera ids</span>
        <input name="cameras" defaultValue={incident.cameras.join(', ')} autoComplete="off" />
      </label>
    </CommandForm>
  );
}
