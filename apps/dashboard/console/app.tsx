import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Incident, SnapshotRequiredNotice } from '@vigil/contracts';
import { openBoard, pinGradeOne } from './board-order';
import { FilterBar } from './filter-bar';
import { GradeOneAlert } from './grade-one-alert';
import { HeaderBar } from './header-bar';
import { IncidentApi, SignedOutError } from './incident-api';
import { IncidentBoard } from './incident-board';
import { IncidentFilter, matchesFilter } from './incident-filter';
import { IncidentPane } from './incident-pane';
import { IncidentStore } from './incident-store';
import { isTyping } from './keyboard-shortcuts';
import { FeedStatus, LiveFeed } from './live-feed';
import { MachineryStrip } from './machinery-strip';
import { NotifyApi } from './notify-api';
import { RoutingRulesView } from './routing-rules-view';
import { SilencesView } from './silences-view';
import { NotificationTray } from './notification-tray';
import { abilitiesOf } from './permissions';
import { SearchView } from './search-view';
import { Claims, forgetToken, signInUrl, whoLabel } from './session';
import { ShortcutsHelp } from './shortcuts-help';
import { SignInPanel } from './sign-in-panel';
import { useNow } from './use-now';
import { FaultBoard } from './fault-board';
import { TicketApi } from './ticket-api';
import { TicketPane } from './ticket-pane';
import { useTickets } from './use-tickets';

/** How long a newly arrived row is highlighted. */
const FRESH_MS = 4000;

/** The console's sections: the incidents (board or search), and notify's silences and rules. */
type Section = 'incidents' | 'silences' | 'rules';
const SECTION_LABELS: Record<Section, string> = { incidents: 'Incidents', silences: 'Silences', rules: 'Notification rules' };

interface Props {
  token: string | null;
  claims: Claims | null;
}

/** The operator console: session, live feed, board, search and incident pane, and the keyboard. */
export function App({ token, claims }: Props) {
  const abilities = abilitiesOf(claims?.role);
  const usable = !!claims && claims.exp * 1000 > Date.now();
  const [status, setStatus] = useState<FeedStatus>(token ? { kind: 'connecting', text: 'connecting…' } : { kind: 'down', text: 'not signed in' });
  const [notice, setNotice] = useState<string | null>(
    !token ? 'Open the dashboard link that `npm start` printed (it carries a sign-in token).' : claims?.role === 'contractor' ? 'Contractor accounts see camera faults, not incidents: there is nothing for you on this board.' : null,
  );
  const [signedOut, setSignedOut] = useState(false);
  const [loginUrl, setLoginUrl] = useState<string | null>(null);
  const [, setRevision] = useState(0);
  const [filter, setFilter] = useState<IncidentFilter>({});
  const [view, setView] = useState<'board' | 'search'>('board');
  const [section, setSection] = useState<Section>('incidents');
  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  // Keys can come faster than renders: j j k must move from where the last key left the selection.
  const selectedRef = useRef<string | null>(null);
  const setSelectedId = (id: string | null) => {
    selectedRef.current = id;
    setSelectedIdState(id);
  };
  const [paneId, setPaneId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [withdrawnNotice, setWithdrawnNotice] = useState<string | null>(null);
  const [soundOn, setSoundOn] = useState(false);
  const now = useNow();

  const store = useRef(new IncidentStore()).current;
  const arrivals = useRef(new Map<string, number>()).current;
  const alert = useRef<GradeOneAlert | null>(null);
  const feed = useRef<LiveFeed | null>(null);
  const signedOutRef = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Every sign that the session is over (a 401, a refused or expired socket) ends here: forget the
  // token, stop polling and reconnecting, and ask the person to sign in again.
  const askToSignIn = (reason: string) => {
    if (signedOutRef.current) return;
    signedOutRef.current = true;
    forgetToken();
    feed.current?.stop();
    setSignedOut(true);
    setPaneId(null);
    setStatus({ kind: 'down', text: 'signed out' });
    setNotice(`Session expired — sign in again (${reason}).`);
    void signInUrl().then(setLoginUrl);
  };
  const api = useMemo(() => (token ? new IncidentApi(token, askToSignIn) : null), [token]);
  const keep = (incident: Incident) => store.upsert(incident) && setRevision(store.revision);
  // Faults beside incidents: the control room watches the contractor's tickets and reports faults from an incident.
  const notifyApi = useMemo(() => (token && abilities.seesNotifications ? new NotifyApi(token, askToSignIn) : null), [token]);
  const ticketApi = useMemo(() => (token && abilities.reportsFaults ? new TicketApi(token, askToSignIn) : null), [token]);
  const faults = useTickets(abilities.seesFaultBoard ? token : null, ticketApi, { status: () => undefined, signedOut: askToSignIn });
  const [faultId, setFaultId] = useState<string | null>(null);
  const faultTicket = faultId ? faults.store.ticket(faultId) : undefined;

  useEffect(() => {
    alert.current = new GradeOneAlert();
    const settle = () => alert.current?.settle();
    window.addEventListener('focus', settle);
    // With no session at all, the sign-in button replaces the hint about `npm start` links.
    if (!usable)
      void signInUrl().then((url) => {
        setLoginUrl(url);
        if (url && !token) setNotice(null);
      });
    return () => window.removeEventListener('focus', settle);
  }, []);

  useEffect(() => {
    if (!token || !api || !abilities.seesIncidents) return;
    let snapshotArrivals: Set<string> | null = null;
    const reloadSnapshot = async (required: SnapshotRequiredNotice) => {
      snapshotArrivals = new Set();
      try {
        const snapshot = await api.listAll({}, 'open');
        store.replaceWithSnapshot(snapshot, snapshotArrivals);
        setRevision(store.revision);
        feed.current?.resume(required.resumeFrom);
      } catch (error) {
        if (!(error instanceof SignedOutError) && !signedOutRef.current) feed.current?.retryLater();
      } finally {
        snapshotArrivals = null;
      }
    };
    feed.current = new LiveFeed(token, {
      incident: (incident, arrivedLive) => {
        const before = store.get(incident.incidentId);
        if (!store.upsert(incident)) return;
        snapshotArrivals?.add(incident.incidentId);
        if (arrivedLive) arrivals.set(incident.incidentId, Date.now());
        const becameGradeOne = incident.grade === 1 && before?.grade !== 1 && incident.status !== 'closed';
        if (arrivedLive && becameGradeOne) {
          alert.current?.raise(incident.reference);
          setAnnouncement(`Grade 1: ${incident.reference}, ${incident.category}, ${incident.town ?? 'needs a location'}`);
        }
        setRevision(store.revision);
      },
      withdrawn: ({ incidentId, version }) => {
        const gone = store.withdraw(incidentId, version);
        if (!gone) return;
        arrivals.delete(incidentId);
        setPaneId((open) => (open === incidentId ? null : open));
        if (selectedRef.current === incidentId) setSelectedId(null);
        const text = `${gone.reference} was moved out of your area and is no longer shown.`;
        setWithdrawnNotice(text);
        setAnnouncement(text);
        setRevision(store.revision);
      },
      snapshotRequired: (required) => void reloadSnapshot(required),
      status: (s) => !signedOutRef.current && setStatus(s),
      signedOut: askToSignIn,
    });
    return () => feed.current?.stop();
  }, [token]);

  const board = openBoard(store.all()).filter((i) => matchesFilter(i, filter));
  const { pinned, routine } = pinGradeOne(board);
  const order = [...pinned, ...routine];
  const freshIds = new Set([...arrivals].filter(([, at]) => now - at < FRESH_MS).map(([id]) => id));
  const paneIncident = paneId && section === 'incidents' ? store.get(paneId) : undefined;

  const open = (incident: Incident) => {
    keep(incident);
    setSelectedId(incident.incidentId);
    setPaneId(incident.incidentId);
  };
  const focusRow = (incidentId: string) => document.querySelector<HTMLButtonElement>(`tr[data-incident-id="${incidentId}"] button.open`)?.focus();
  const acknowledge = async (incident: Incident) => {
    if (!api || !abilities.acts || incident.status !== 'open') return;
    const result = await api.command(incident.incidentId, 'acknowledge', { version: incident.version }).catch(() => null);
    if (result?.kind === 'done') {
      if (result.incident) keep(result.incident);
      setAnnouncement(`Acknowledged ${incident.reference}`);
    } else if (result?.kind === 'stale') {
      keep(result.stale.current);
      setAnnouncement(`${incident.reference} changed meanwhile and was not acknowledged: it is now ${result.stale.current.status}`);
    } else if (result) setAnnouncement(`${incident.reference} not acknowledged: ${result.message}`);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && paneId) {
        setPaneId(null);
        if (selectedId) setTimeout(() => focusRow(selectedId));
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || !abilities.seesIncidents || section !== 'incidents') return;
      const at = order.findIndex((i) => i.incidentId === selectedRef.current);
      const selected = order[at];
      if (event.key === 'j' || event.key === 'k') {
        const next = order[Math.min(Math.max(at + (event.key === 'j' ? 1 : -1), 0), order.length - 1)];
        if (next) {
          setSelectedId(next.incidentId);
          focusRow(next.incidentId);
        }
      } else if (event.key === 'Enter' && selected && !(event.target instanceof HTMLButtonElement)) open(selected);
      else if (event.key === 'a' && selected) void acknowledge(selected);
      else if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === '?') setHelpOpen((o) => !o);
      else return;
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const live = !!token && !signedOut && abilities.seesIncidents;
  return (
    <>
      <HeaderBar
        who={claims ? whoLabel(claims) : ''}
        status={status}
        canSignOut={usable && !signedOut}
        onSignOut={() => {
          forgetToken();
          location.replace(location.pathname);
        }}
        sound={
          live
            ? {
                on: soundOn,
                toggle: () => {
                  if (soundOn) alert.current?.disableSound();
                  else alert.current?.enableSound();
                  setSoundOn(!soundOn);
                },
              }
            : null
        }
      />
      <main class={[paneIncident ? 'with-pane' : '', abilities.seesFaultBoard ? 'with-faults' : ''].filter(Boolean).join(' ')}>
        <p id="notice" hidden={!notice}>
          {notice}
        </p>
        <SignInPanel loginUrl={loginUrl} />
        {token && usable && !signedOut && <NotificationTray token={token} now={now} signedOut={askToSignIn} />}
        {live && api && abilities.seesMachinery && <MachineryStrip api={api} />}
        {live && api && notifyApi && (
          <div class="views sections" role="tablist" aria-label="Console sections">
            {(Object.keys(SECTION_LABELS) as Section[]).map((id) => (
              <button type="button" role="tab" key={id} id={`tab-${id}`} aria-selected={section === id} aria-controls={`section-${id}`} onClick={() => setSection(id)}>
                {SECTION_LABELS[id]}
              </button>
            ))}
          </div>
        )}
        {live && notifyApi && section === 'silences' && (
          <div id="section-silences" role="tabpanel" aria-labelledby="tab-silences">
            <SilencesView api={notifyApi} manages={abilities.managesAlerts} announce={setAnnouncement} />
          </div>
        )}
        {live && notifyApi && section === 'rules' && (
          <div id="section-rules" role="tabpanel" aria-labelledby="tab-rules">
            <RoutingRulesView api={notifyApi} edits={abilities.editsRouting} announce={setAnnouncement} />
          </div>
        )}
        {live && api && section === 'incidents' && (
          <div id="section-incidents" role={notifyApi ? 'tabpanel' : undefined} aria-labelledby={notifyApi ? 'tab-incidents' : undefined}>
            <div class="toolbar">
              <FilterBar filter={filter} onChange={setFilter} showPartner={abilities.filtersByPartner} searchRef={searchRef} view={view} onView={setView} />
              <ShortcutsHelp open={helpOpen} onToggle={setHelpOpen} />
            </div>
            {withdrawnNotice && (
              <p class="withdrawn-notice">
                {withdrawnNotice}{' '}
                <button type="button" onClick={() => setWithdrawnNotice(null)}>
                  Dismiss
                </button>
              </p>
            )}
            <div class="workspace">
              {view === 'board' ? (
                <IncidentBoard pinned={pinned} routine={routine} now={now} selectedId={selectedId} freshIds={freshIds} filtered={Object.values(filter).some((v) => v !== undefined && v !== '')} onOpen={open} onSelect={(i) => setSelectedId(i.incidentId)} />
              ) : (
                <SearchView api={api} filter={filter} onOpen={open} />
              )}
              {paneIncident && (
                <IncidentPane
                  incident={paneIncident}
                  api={api}
                  abilities={abilities}
                  me={claims?.sub ?? ''}
                  now={now}
                  keep={keep}
                  find={(reference) => store.findByReference(reference)}
                  tickets={ticketApi}
                  keepTicket={faults.keep}
                  notify={notifyApi}
                  onClose={() => {
                    setPaneId(null);
                    if (selectedId) setTimeout(() => focusRow(selectedId));
                  }}
                />
              )}
              {!paneIncident && abilities.seesFaultBoard && ticketApi && (
                <div class="fault-column">
                  {faultTicket ? (
                    <TicketPane ticket={faultTicket} store={faults.store} api={ticketApi} now={now} engineer="" works={false} run={async () => 'operators do not work tickets'} onClose={() => setFaultId(null)} />
                  ) : (
                    <FaultBoard tickets={faults.store.allTickets()} now={now} onOpen={(t) => setFaultId(t.ticketId)} />
                  )}
                </div>
              )}
            </div>
          </div>
        )}
        <div id="announce" class="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </main>
    </>
  );
}
