import type { HeldTicket } from './ticket-store';
import { TicketCard } from './ticket-card';
import { byDeadline, deadlineState, isOnBoard } from './ticket-order';

interface Props {
  tickets: HeldTicket[];
  now: number;
  onOpen: (ticket: HeldTicket) => void;
}

/** The control room's view of the contractor's open tickets, live beside the incident board: soonest deadline first, breaches in red. */
export function FaultBoard({ tickets, now, onOpen }: Props) {
  const board = tickets.filter(isOnBoard).sort(byDeadline);
  const breached = board.filter((t) => deadlineState(t, now) === 'breached').length;
  return (
    <section id="fault-board" aria-label="Camera faults, soonest deadline first">
      <h2>
        Camera faults ({board.length}){breached > 0 && <span class="breach-flag"> · {breached} breached</span>}
      </h2>
      <ol class="ticket-list">
        {board.map((t) => (
          <TicketCard key={t.ticketId} ticket={t} now={now} selected={false} onOpen={onOpen} />
        ))}
      </ol>
      {board.length === 0 && <p class="muted">No camera faults open.</p>}
    </section>
  );
}
