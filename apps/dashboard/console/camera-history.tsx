import { useEffect, useState } from 'preact/hooks';
import type { FaultTicket } from '@vigil/contracts';
import type { TicketApi } from './ticket-api';
import { SYMPTOM_LABELS, TICKET_STATUS_LABELS } from './ticket-labels';

/** A camera's fault history from faults (newest first): what failed, when, and what the engineer found and did. */
export function CameraHistory({ api, cameraId, version }: { api: TicketApi; cameraId: string; version?: number }) {
  const [history, setHistory] = useState<FaultTicket[] | string>('loading…');
  useEffect(() => {
    api.history(cameraId).then(setHistory, (e: Error) => setHistory(`history not available (${e.message})`));
  }, [api, cameraId, version]);
  return (
    <section class="camera-history" aria-label={`Fault history of camera ${cameraId}`}>
      <h3>Fault history of {cameraId}</h3>
      {typeof history === 'string' ? (
        <p class="muted">{history}</p>
      ) : history.length === 0 ? (
        <p class="muted">No faults recorded.</p>
      ) : (
        <ol>
          {history.map((t) => (
            <li key={t.ticketId}>
              <strong>{t.reference}</strong> · {new Date(t.reportedAt).toLocaleString('en-GB')} · {SYMPTOM_LABELS[t.symptom]} · {TICKET_STATUS_LABELS[t.status]}
              {t.engineerReport && (
                <div class="muted">
                  {t.engineerReport.engineer}: {t.engineerReport.cause} — {t.engineerReport.work}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
