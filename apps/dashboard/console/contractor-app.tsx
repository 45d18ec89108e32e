import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CamerasView } from './cameras-view';
import { HeaderBar } from './header-bar';
import { NotificationTray } from './notification-tray';
import type { FeedStatus } from './live-feed';
import { Claims, forgetToken, whoLabel } from './session';
import { SitesView } from './sites-view';
import { TicketApi, TicketCommandBody } from './ticket-api';
import { TicketCard } from './ticket-card';
import { byDeadline, deadlineState, isOnBoard } from './ticket-order';
import { TicketPane } from './ticket-pane';
import { useNow } from './use-now';
import { useTickets } from './use-tickets';

type View = 'tickets' | 'cameras' | 'sites';

/**
 * The maintenance contractor's console: tickets, cameras and sites, never an incident. Tickets by
 * soonest deadline with live countdowns; the next step of the chosen one (acknowledge, on site,
 * fixed with the engineer's report), and the notifications Vigil sends the contractor. Works at phone width and by keyboard (Tab, Enter, Esc).
 */
export function ContractorApp({ token, claims }: { token: string; claims: Claims }) {
  const [status, setStatus] = useState<FeedStatus>({ kind: 'connecting', text: 'connecting…' });
  const [notice, setNotice] = useState<string | null>(null);
  const [view, setView] = useState<View>('tickets');
  const [openId, setOpenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const signedOut = useRef(false);
  const now = useNow();

  const askToSignIn = (reason: string) => {
    if (signedOut.current) return;
    signedOut.current = true;
    forgetToken();
    setStatus({ kind: 'down', text: 'signed out' });
    setNotice(`Session expired — sign in again (${reason}).`);
  };
  const api = useMemo(() => new TicketApi(token, askToSignIn), [token]);
  const { store, revision, keep } = useTickets(token, api, {
    status: (s) => !signedOut.current && setStatus(s),
    signedOut: askToSignIn,
    arrived: (t) => t.change === 'opened' && setAnnouncement(`New ticket ${t.reference}: ${t.cameraIds.join(', ')}`),
  });

  useEffect(() => {
    document.title = 'Vigil — contractor console';
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openId) {
        const id = openId;
        setOpenId(null);
        setTimeout(() => document.querySelector<HTMLButtonElement>(`li[data-ticket-id="${id}"] button`)?.focus());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openId]);

  const board = store.allTickets().filter(isOnBoard).sort(byDeadline);
  const breached = board.filter((t) => deadlineState(t, now) === 'breached').length;
  const open = openId ? store.ticket(openId) : undefined;

  const run = async (body: TicketCommandBody): Promise<string | null> => {
    if (!open) return 'no ticket open';
    const result = await api.command(open.ticketId, open.version, body).catch((e: Error) => ({ kind: 'failed' as const, status: 0, message: e.message }));
    if (result.kind === 'done') {
      keep(result.ticket);
      setAnnouncement(`${result.ticket.reference}: ${result.ticket.status}`);
      return null;
    }
    if (result.kind === 'stale') {
      keep(result.current);
      return `not saved: ${open.reference} changed meanwhile; it is now ${result.current.status}`;
    }
    return `not saved: ${result.message}${result.status ? ` (${result.status})` : ''}`;
  };

  const tab = (id: View, label: string) => (
    <button type="button" role="tab" id={`tab-${id}`} aria-selected={view === id} aria-controls={`view-${id}`} onClick={() => setView(id)}>
      {label}
    </button>
  );
  return (
    <>
      <HeaderBar
        title="contractor console"
        who={whoLabel(claims)}
        status={status}
        canSignOut={!signedOut.current}
        onSignOut={() => {
          forgetToken();
          location.replace(location.pathname);
        }}
        sound={null}
      />
      <main id="contractor" class={open ? 'with-pane' : ''}>
        <p id="notice" hidden={!notice}>
          {notice}
        </p>
        {!signedOut.current && <NotificationTray token={token} now={now} signedOut={askToSignIn} />}
        <div class="views contractor-tabs" role="tablist" aria-label="Contractor views">
          {tab('tickets', `Tickets (${board.length})`)}
          {tab('cameras', 'Cameras')}
          {tab('sites', 'Sites')}
        </div>
        {view === 'tickets' && (
          <div class="workspace" id="view-tickets" role="tabpanel" aria-labelledby="tab-tickets">
            <section id="tickets" aria-label="Open tickets, soonest deadline first">
              <p class="muted board-summary">
                {board.length} open{breached > 0 && <strong class="breach-flag"> · {breached} breached</strong>}
              </p>
              <ol class="ticket-list">
                {board.map((t) => (
                  <TicketCard key={t.ticketId} ticket={t} now={now} selected={t.ticketId === openId} onOpen={(x) => setOpenId(x.ticketId)} />
                ))}
              </ol>
              {board.length === 0 && <p id="no-tickets">No open tickets. New faults appear here as they are reported.</p>}
            </section>
            {open && (
              <TicketPane
                ticket={open}
                store={store}
                api={api}
                now={now}
                engineer={claims.sub}
                works
                run={run}
                onClose={() => {
                  const id = open.ticketId;
                  setOpenId(null);
                  setTimeout(() => document.querySelector<HTMLButtonElement>(`li[data-ticket-id="${id}"] button`)?.focus());
                }}
              />
            )}
          </div>
        )}
        {view === 'cameras' && (
          <div id="view-cameras" role="tabpanel" aria-labelledby="tab-cameras">
            <CamerasView api={api} store={store} revision={revision} />
          </div>
        )}
        {view === 'sites' && (
          <div id="view-sites" role="tabpanel" aria-labelledby="tab-sites">
            <SitesView api={api} revision={revision} />
          </div>
        )}
        <div id="announce" class="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </main>
    </>
  );
}
