import { useEffect, useState } from 'preact/hooks';
import type { Camera } from '@vigil/contracts';
import { CameraHistory } from './camera-history';
import type { TicketApi } from './ticket-api';
import { CAMERA_STATUS_LABELS, ownerLabel } from './ticket-labels';
import type { TicketStore } from './ticket-store';

/**
 * Cameras not in service (faulty, out of public view, in maintenance), live from the feed over
 * the register's list, and any camera's fault history by its id.
 */
export function CamerasView({ api, store, revision }: { api: TicketApi; store: TicketStore; revision: number }) {
  const [listed, setListed] = useState<Camera[] | string>('loading…');
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    api.cameras().then(
      (all) => setListed(all.filter((c) => c.status !== 'in-service' && c.status !== 'decommissioned')),
      (e: Error) => setListed(`cameras not available (${e.message})`),
    );
  }, [api]);
  // The feed's copy is newer than the list's: a camera fixed since leaves it, a new fault joins it.
  const byId = new Map<string, Camera>(typeof listed === 'string' ? [] : listed.map((c) => [c.cameraId, c]));
  for (const camera of store.allCameras()) byId.set(camera.cameraId, camera);
  const down = [...byId.values()].filter((c) => c.status !== 'in-service' && c.status !== 'decommissioned').sort((a, b) => a.cameraId.localeCompare(b.cameraId));
  return (
    <section id="cameras" aria-label="Cameras not in service" data-revision={revision}>
      <form
        class="camera-lookup"
        onSubmit={(e) => {
          e.preventDefault();
          const id = String(new FormData(e.currentTarget).get('cameraId') ?? '').trim();
          if (id) setChosen(id);
        }}
      >
        <label>
          <span>Camera id</span>
          <input name="cameraId" autoComplete="off" placeholder="NH-014" />
        </label>
        <button type="submit">Fault history</button>
      </form>
      {typeof listed === 'string' && <p class="muted">{listed}</p>}
      <ul class="camera-list">
        {down.map((c) => (
          <li key={c.cameraId}>
            <button type="button" class="quiet camera-row" aria-pressed={chosen === c.cameraId} onClick={() => setChosen(c.cameraId)}>
              <span>
                <strong>{c.cameraId}</strong> {c.location}
              </span>
              <span>
                <span class={`camera-status camera-status-${c.status}`}>{CAMERA_STATUS_LABELS[c.status]}</span> {c.town} · {ownerLabel(c)}
              </span>
            </button>
          </li>
        ))}
        {typeof listed !== 'string' && down.length === 0 && <li class="muted">Every camera is in service.</li>}
      </ul>
      {chosen && <CameraHistory api={api} cameraId={chosen} />}
    </section>
  );
}
