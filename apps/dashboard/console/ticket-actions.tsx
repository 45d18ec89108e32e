import { useState } from 'preact/hooks';
import type { EngineerReport } from '@vigil/contracts';
import type { TicketCommandBody } from './ticket-api';
import type { HeldTicket } from './ticket-store';

/** Sends a command as of the version on screen; resolves to a problem to show, or null when done. */
export type RunTicketCommand = (body: TicketCommandBody) => Promise<string | null>;

interface Props {
  ticket: HeldTicket;
  /** Who the engineer is, to fill in (the signed-in account until they type their name). */
  engineer: string;
  run: RunTicketCommand;
}

/**
 * The contractor's next step, and only that one: acknowledge a new ticket, say the engineer is on
 * site, then mark it fixed with the engineer's report. Big targets: this is used on a phone, on a ladder.
 */
export function TicketActions({ ticket, engineer, run }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (body: TicketCommandBody) => {
    setBusy(true);
    const error = await run(body);
    setBusy(false);
    setProblem(error);
    return error;
  };
  const field = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();
  const problemLine = problem && (
    <p id="ticket-problem" class="problem" role="alert">
      {problem}
    </p>
  );

  if (ticket.status === 'reported' || ticket.status === 'reopened')
    return (
      <div class="ticket-actions">
        <button type="button" id="acknowledge-ticket" class="big" disabled={busy} onClick={() => void send({ command: 'acknowledge' })}>
          Acknowledge
        </button>
        {problemLine}
      </div>
    );
  if (ticket.status === 'acknowledged')
    return (
      <form
        id="on-site-form"
        class="ticket-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void send({ command: 'on-site', engineer: field(e.currentTarget, 'engineer') });
        }}
      >
        <label>
          <span>Engineer</span>
          <input name="engineer" required maxLength={200} defaultValue={engineer} autoComplete="name" />
        </label>
        <button type="submit" class="big" disabled={busy}>
          On site
        </button>
        {problemLine}
      </form>
    );
  if (ticket.status === 'engineer-on-site')
    return (
      <form
        id="fixed-form"
        class="ticket-actions"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const report: EngineerReport = {
            engineer: field(form, 'engineer'),
            cause: field(form, 'cause'),
            work: field(form, 'work'),
            partsReplaced: field(form, 'parts').split(/[,\n]+/).map((p) => p.trim()).filter(Boolean),
          };
          if (report.cause.length < 3 || report.work.length < 3) return setProblem("the engineer's report needs what was found and what was done");
          void send({ command: 'fixed', report });
        }}
      >
        <h3>Engineer's report</h3>
        <label>
          <span>Engineer</span>
          <input name="engineer" required maxLength={200} defaultValue={engineer} autoComplete="name" />
        </label>
        <label>
          <span>What was found</span>
          <textarea name="cause" required minLength={3} maxLength={2000} rows={2} />
        </label>
        <label>
          <span>What was done</span>
          <textarea name="work" required minLength={3} maxLength={4000} rows={3} />
        </label>
        <label>
          <span>Parts replaced (comma separated)</span>
          <input name="parts" maxLength={2000} autoComplete="off" />
        </label>
        <button type="submit" class="big" disabled={busy}>
          Fixed
        </button>
        {problemLine}
      </form>
    );
  return <p class="muted ticket-actions">{ticket.status === 'fixed' ? 'Fixed: the control room verifies the picture, then the camera returns to service.' : 'Verified: nothing more to do.'}</p>;
}
