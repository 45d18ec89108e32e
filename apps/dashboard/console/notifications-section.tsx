import { useEffect, useState } from 'preact/hooks';
import type { NotifyApi } from './notify-api';
import type { AlertNotifications } from './notify-types';
import { escalationLine } from './escalation-line';
import { deliveryOutcome, londonTimeSeconds } from './notify-format';

/** How often the section asks again while open: deliveries and escalation move without the incident changing. */
const REFRESH_MS = 10_000;

interface Props {
  api: NotifyApi;
  incidentId: string;
  /** The incident's version: a change (a new call, closed) may mean new notifications. */
  version: number;
}

/**
 * Who notify told about the incident, on which channel, why and with what result; where escalation
 * stands, and acknowledging it for whoever notify says may (the police too, as over REST and by link).
 */
export function NotificationsSection({ api, incidentId, version }: Props) {
  const [alert, setAlert] = useState<AlertNotifications | null | string>('loading…');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () =>
    api.incidentNotifications(incidentId).then(
      (found) => setAlert(found),
      (e: Error) => setAlert(`notifications not available (${e.message})`),
    );

  useEffect(() => setProblem(null), [incidentId]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, incidentId, version]);

  const acknowledge = async (fingerprint: string) => {
    setBusy(true);
    const result = await api.acknowledge(fingerprint).catch((e: Error) => ({ kind: 'failed' as const, status: 0, message: e.message, errors: [] }));
    setBusy(false);
    setProblem(result.kind === 'done' ? null : `not acknowledged: ${result.message}`);
    await load();
  };

  return (
    <section class="notifications" aria-labelledby="notifications-title">
      <h3 id="notifications-title">Notifications</h3>
      {typeof alert === 'string' ? (
        <p class="muted">{alert}</p>
      ) : alert === null ? (
        <p class="muted" id="no-notifications">
          No one has been notified.
        </p>
      ) : (
        <>
          {alert.escalation && (
            <div class={`escalation escalation-${alert.escalation.phase}`}>
              <p id="escalation-status">{escalationLine(alert.escalation, alert.acknowledgements)}</p>
              {alert.mayAcknowledge && alert.escalation.phase === 'escalating' && (
                <button type="button" id="acknowledge-alert" disabled={busy} onClick={() => void acknowledge(alert.fingerprint)}>
                  Acknowledge
                </button>
              )}
            </div>
          )}
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
          {alert.deliveries.length === 0 ? (
            <p class="muted">Nothing sent yet{alert.status === 'resolved' ? ': the alert is resolved' : ''}.</p>
          ) : (
            <ol class="deliveries">
              {alert.deliveries.map((d) => (
                <li key={d.id} class={`delivery delivery-${d.state}`} data-delivery-id={d.id}>
                  <div>
                    <strong>{d.receiver}</strong> by {d.channelType} <span class="muted">({d.channel})</span>
                  </div>
                  <div class="muted">
                    {d.reason} · planned {londonTimeSeconds(d.plannedAt)}
                  </div>
                  <div class="delivery-outcome">{deliveryOutcome(d)}</div>
                  {d.attempts.length > 1 && (
                    <details>
                      <summary>Every try ({d.attempts.length})</summary>
                      <ol>
                        {d.attempts.map((a) => (
                          <li key={a.attempt}>
                            {londonTimeSeconds(a.at)} · {a.ok ? 'ok' : 'failed'}
                            {a.status ? ` · HTTP ${a.status}` : ''} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
