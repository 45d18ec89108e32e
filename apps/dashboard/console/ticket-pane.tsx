import { useEffect, useRef } from 'preact/hooks';
import { CameraHistory } from './camera-history';
import type { TicketApi } from './ticket-api';
import { RunTicketCommand, TicketActions } from './ticket-actions';
import { CAMERA_STATUS_LABELS, ownerLabel, SYMPTOM_LABELS, TICKET_STATUS_LABELS } from './ticket-labels';
import { deadlineState, formatCountdown } from './ticket-order';
import type { HeldTicket, TicketStore } from './ticket-store';

interface Props {
  ticket: HeldTicket;
  store: TicketStore;
  api: TicketApi;
  now: number;
  engineer: string;
  /** Whether this user works tickets (the contractor): else the pane only reads. */
  works: boolean;
  run: RunTicketCommand;
  onClose: () => void;
}

/** One ticket in full: both deadlines counting down, its cameras and their state, the next step, and each camera's fault history. */
export function TicketPane({ ticket, store, api, now, engineer, works, run, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [ticket.ticketId]);
  const state = deadlineState(ticket, now);
  const clock = (label: string, c: HeldTicket['response']) => (
    <div>
      <dt>{label}</dt>
      <dd>
        {c.metAt ? `met ${new Date(c.metAt).toLocaleTimeString('en-GB')}` : formatCountdown(Date.parse(c.dueAt), now)} <span class="muted">(due {new Date(c.dueAt).toLocaleString('en-GB')})</span>
        {c.breached && <strong class="breach-flag"> · breached</strong>}
      </dd>
    </div>
  );
  return (
    <aside id="ticket-pane" class={`deadline-${state}`} aria-labelledby="ticket-title" data-ticket-id={ticket.ticketId} data-version={ticket.version}>
      <div class="pane-head">
        <h2 id="ticket-title" tabIndex={-1} ref={heading}>
          {ticket.reference}
        </h2>
        <button type="button" class="quiet close-pane" onClick={onClose} aria-label="Close ticket (Esc)">
          ✕
        </button>
      </div>
      <p>
        <span id="ticket-status" class={`ticket-status ticket-status-${ticket.status}`}>
          {TICKET_STATUS_LABELS[ticket.status]}
        </span>{' '}
        · <span class={`severity severity-${ticket.severity}`}>{ticket.severity}</span> · {SYMPTOM_LABELS[ticket.symptom]} · v{ticket.version}
      </p>
      <dl class="facts clocks">
        {clock('Attend', ticket.response)}
        {clock('Fix', ticket.fix)}
      </dl>
      {works && <TicketActions ticket={ticket} engineer={engineer} run={run} />}
      <dl class="facts">
        <dt>Cameras</dt>
        <dd>
          {ticket.cameraIds.map((id) => {
            const camera = store.camera(id);
            return (
              <span key={id} class="camera-chip">
                {id}
                {camera && ` (${CAMERA_STATUS_LABELS[camera.status]})`}{' '}
              </span>
            );
          })}
        </dd>
        <dt>Where</dt>
        <dd>
          {ticket.town ?? '—'} · site {ticket.siteId ?? '—'} · {ownerLabel(ticket)}
        </dd>
        <dt>Reported</dt>
        <dd>
          {new Date(ticket.reportedAt).toLocaleString('en-GB')} by {ticket.reportedBy}
        </dd>
        {ticket.description && (
          <>
            <dt>Description</dt>
            <dd>{ticket.description}</dd>
          </>
        )}
        {ticket.engineerReport && (
          <>
            <dt>Engineer's report</dt>
            <dd id="engineer-report">
              {ticket.engineerReport.engineer}: {ticket.engineerReport.cause} — {ticket.engineerReport.work}
              {ticket.engineerReport.partsReplaced.length > 0 && ` (parts: ${ticket.engineerReport.partsReplaced.join(', ')})`}
            </dd>
          </>
        )}
      </dl>
      {ticket.cameraIds.slice(0, 3).map((id) => (
        <CameraHistory key={id} api={api} cameraId={id} version={ticket.version} />
      ))}
    </aside>
  );
}
