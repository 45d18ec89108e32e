import type { Incident } from '@vigil/contracts';
import { diffIncident } from './field-diff';

/** A command refused because the incident moved on: what the operator saw, what it is now, and the choice. */
export interface Conflict {
  command: string;
  body: object;
  seen: Incident;
  current: Incident;
}

interface Props {
  conflict: Conflict;
  onReapply: () => void;
  onDismiss: () => void;
}

/** Shows the fields another change altered between the version the operator saw and the current one, and offers to re-apply. */
export function ConflictNotice({ conflict, onReapply, onDismiss }: Props) {
  const changes = diffIncident(conflict.seen, conflict.current);
  return (
    <section id="conflict" class="conflict" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">
        Not saved: {conflict.current.reference} changed since you looked (version {conflict.seen.version} → {conflict.current.version})
      </h3>
      {changes.length ? (
        <table class="diff">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">You saw</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field} data-field={c.field}>
                <th scope="row">{c.label}</th>
                <td class="was">{c.seen}</td>
                <td class="now">{c.current}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No field you can see changed (a note or a call was added).</p>
      )}
      <div class="actions">
        <button type="button" id="reapply" onClick={onReapply}>
          Re-apply my {conflict.command} on version {conflict.current.version}
        </button>
        <button type="button" class="quiet" onClick={onDismiss}>
          Keep it as it is now
        </button>
      </div>
    </section>
  );
}
