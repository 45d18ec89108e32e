import { useEffect, useMemo, useState } from 'preact/hooks';
import type { NotificationPushed, PushedAlert } from '@vigil/contracts';
import { SignedOutError } from './api-client';
import { AcknowledgeState, canAcknowledge, noticeText, reasonText, waitingCount, whenText, withArrival } from './notification-list';
import { NotifyApi } from './notify-api';
import { shareSocket } from './vigil-socket';

interface Props {
  token: string;
  now: number;
  signedOut: (reason: string) => void;
}

/** An element id from a delivery and an alert's place in it (fingerprints hold ':'). */
const statusId = (deliveryId: string, index: number) => `ack-${deliveryId.replace(/[^A-Za-z0-9_-]/g, '_')}-${index}`;

/**
 * The notifications notify pushed to this person's consoles (their role's, or their partner's),
 * newest first: what, why and when, and an Acknowledge button for each firing alert nobody has
 * taken yet. Live only: what arrived before the page opened is on the boards, not here.
 * Collapsible, so the board keeps the screen; usable by keyboard, and at phone width.
 */
export function NotificationTray({ token, now, signedOut }: Props) {
  const [tray, setTray] = useState<NotificationPushed[]>([]);
  const [open, setOpen] = useState(true);
  const [states, setStates] = useState<ReadonlyMap<string, AcknowledgeState>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const api = useMemo(() => new NotifyApi(token, signedOut), [token]);

  useEffect(() => {
    const { socket, release } = shareSocket(token);
    const arrived = (notification: NotificationPushed) => {
      setTray((held) => withArrival(held, notification));
      const first = notification.alerts[0];
      if (first) setAnnouncement(`Notification: ${reasonText(notification.reason)}, ${first.reference}, ${first.summary}`);
    };
    socket.on('notification:pushed', arrived);
    return () => {
      socket.off('notification:pushed', arrived);
      release();
    };
  }, [token]);

  const setState = (fingerprint: string, state: AcknowledgeState) => setStates((held) => new Map(held).set(fingerprint, state));
  const acknowledge = async (alert: PushedAlert, focusId: string) => {
    setState(alert.fingerprint, { kind: 'sending' });
    try {
      const state = await api.acknowledgeFromTray(alert.fingerprint);
      setState(alert.fingerprint, state);
      setAnnouncement(state.kind === 'acknowledged' ? `Acknowledged ${alert.reference}` : `${alert.reference}: ${'message' in state ? state.message : ''}`);
      // The button is gone once it worked or was refused: keep the keyboard where the person was.
      if (state.kind !== 'failed') setTimeout(() => document.getElementById(focusId)?.focus());
    } catch (error) {
      if (!(error instanceof SignedOutError)) setState(alert.fingerprint, { kind: 'failed', message: `Not acknowledged: ${(error as Error).message}` });
    }
  };

  const settled = new Set([...states].filter(([, state]) => state.kind === 'acknowledged' || state.kind === 'refused').map(([fingerprint]) => fingerprint));
  const waiting = waitingCount(tray, settled);
  return (
    <section id="notifications" class="notification-tray" aria-labelledby="notifications-title">
      <h2 id="notifications-title">
        <button type="button" class="tray-toggle" aria-expanded={open} aria-controls="notification-list" onClick={() => setOpen(!open)}>
          Notifications <span class={waiting > 0 ? 'waiting' : 'muted'}>{waiting > 0 ? `${waiting} to acknowledge` : `${tray.length} received`}</span>
        </button>
      </h2>
      <div id="notification-list" hidden={!open}>
        {tray.length === 0 ? (
          <p class="muted">Nothing yet. What Vigil sends you appears here, newest first.</p>
        ) : (
          <ol class="notifications" aria-label="Notifications, newest first">
            {tray.map((notification) => (
              <li key={notification.deliveryId} class="notification" data-delivery-id={notification.deliveryId}>
                <p class="notification-why">
                  <strong>{reasonText(notification.reason)}</strong> · <time dateTime={notification.sentAt}>{whenText(notification.sentAt, now)}</time>
                </p>
                <ul class="notification-alerts">
                  {notification.alerts.map((alert, index) => (
                    <NotifiedAlert key={alert.fingerprint} alert={alert} now={now} state={states.get(alert.fingerprint)} statusId={statusId(notification.deliveryId, index)} onAcknowledge={acknowledge} />
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}

interface AlertProps {
  alert: PushedAlert;
  now: number;
  state: AcknowledgeState | undefined;
  statusId: string;
  onAcknowledge: (alert: PushedAlert, focusId: string) => void;
}

/** One alert of a notification: reference, summary, what changed, and its acknowledgement. */
function NotifiedAlert({ alert, now, state, statusId, onAcknowledge }: AlertProps) {
  const place = alert.labels.town ?? alert.labels.site ?? '';
  return (
    <li class={`notified-alert ${alert.status}`} data-fingerprint={alert.fingerprint}>
      <p class="notified-what">
        <strong>{alert.reference}</strong>
        {alert.tetraEmergency && <span class="badge emergency">TETRA emergency</span>}
        {alert.labels.grade && <span class={`badge grade-${alert.labels.grade}`}>Grade {alert.labels.grade}</span>} {alert.summary}
      </p>
      <p class="muted notified-detail">
        {noticeText(alert.notice)}
        {place && ` · ${place}`}
        {alert.status === 'resolved' ? ` · resolved${alert.endsAt ? ` ${whenText(alert.endsAt, now)}` : ''}` : ` · since ${whenText(alert.startsAt, now)}`}
      </p>
      {state?.kind === 'acknowledged' ? (
        <p id={statusId} tabIndex={-1} class="ack-done">
          Acknowledged by you
        </p>
      ) : state?.kind === 'refused' ? (
        <p id={statusId} tabIndex={-1} class="ack-refused">
          {state.message}
        </p>
      ) : canAcknowledge(alert) ? (
        <>
          {/* aria-disabled rather than disabled: a disabled button drops the keyboard focus while the request runs. */}
          <button type="button" class="acknowledge" aria-disabled={state?.kind === 'sending'} onClick={() => state?.kind !== 'sending' && onAcknowledge(alert, statusId)}>
            {state?.kind === 'sending' ? 'Acknowledging…' : 'Acknowledge'}
            <span class="visually-hidden"> {alert.reference}</span>
          </button>
          {state?.kind === 'failed' && (
            <p class="ack-failed" role="alert">
              {state.message}
            </p>
          )}
        </>
      ) : (
        alert.status === 'firing' && <p class="muted">Already {alert.handling.replace('-', ' ')}</p>
      )}
    </li>
  );
}
