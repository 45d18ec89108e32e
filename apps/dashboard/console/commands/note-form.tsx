import type { Incident } from '@vigil/contracts';
import { CommandForm, RunCommand, text } from '../command-form';

/** Adds a note (partners too, on their own incidents). */
export function NoteForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm id="note-form" title="Add a note" command="notes" incident={incident} run={run} submitLabel="Add note" body={(f) => (text(f, 'text') ? { text: text(f, 'text') } : 'write the note')}>
      <label>
        <span>Note</span>
        <textarea name="text" required maxLength={4000} rows={3} />
      </label>
    </CommandForm>
  );
}
