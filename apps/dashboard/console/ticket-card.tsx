import type { HeldTicket } from './ticket-store';
import { deadlineState, formatCountdown, nextDeadline } from './ticket-order';
import { SYMPTOM_LABELS, TICKET_STATUS_LABELS } from './ticket-labels';

interface Props {
  ticket: HeldTicket;
  now: number;
  selected: boolean;
  onOpen: (ticket: HeldTicket) => void;
}

const CLOCK_LABELS = { response: 'attend', fix: 'fix' } as const;

/** One ticket on the board: its live countdown (red when breached, amber from the warning), camera, symptom and status. The whole card is one button. */
export function TicketCard({ ticket, now, selected, onOpen }: Props) {
  const next = nextDeadline(ticket);
  const state = deadlineState(ticket, now);
  return (
    <li class={`ticket deadline-${state}${selected ? ' selected' : ''}`} data-ticket-id={ticket.ticketId} data-version={ticket.version} data-deadline={state}>
      <button type="button" class="ticket-open" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(ticket)}>
        <span class="ticket-line">
          <strong class="ticket-reference">{ticket.reference}</strong>
          <span class={`severity severity-${ticket.severity}`}>{ticket.severity}</span>
          <span class="countdown" role="timer">
            {next ? `${CLOCK_LABELS[next.clock]}: ${formatCountdown(next.dueAt, now)}` : ticket.status === 'fixed' ? 'awaiting verification' : 'done'}
          </span>
        </span>
        <span class="ticket-where">{[ticket.cameraIds.join(', '), SYMPTOM_LABELS[ticket.symptom], ticket.town ?? ticket.siteId].filter(Boolean).join(' · ')}</span>
        <span class={`ticket-status ticket-status-${ticket.status}`}>{TICKET_STATUS_LABELS[ticket.status]}</span>
      </button>
    </li>
  );
}
