import { useEffect, useRef, useState } from 'preact/hooks';
import type { FaultTicket, Incident, IncidentCall, TimelineEntry } from '@vigil/contracts';
import type { TicketApi } from './ticket-api';
import type { Abilities } from './permissions';
import type { IncidentApi, IncidentCommand } from './incident-api';
import type { RunCommand } from './command-form';
import { formatWaited, isOverdue } from './board-order';
import { Conflict, ConflictNotice } from './conflict-notice';
import { CallList, Timeline } from './incident-history';
import { IncidentRecord } from './incident-record';
import { Place } from './incident-row';
import { STATUS_LABELS } from './reference-data';
import { QuickActions } from './commands/quick-actions';
import { AssignForm } from './commands/assign-form';
import { RegradeForm } from './commands/regrade-form';
import { ReclassifyForm } from './commands/reclassify-form';
import { LocateForm } from './commands/locate-form';
import { NoteForm } from './commands/note-form';
import { PoliceReferenceForm } from './commands/police-reference-form';
import { CamerasForm } from './commands/cameras-form';
import { ThriveForm } from './commands/thrive-form';
import { MonitoringForm } from './commands/monitoring-form';
import { MergeForm } from './commands/merge-form';
import { SplitForm } from './commands/split-form';
import { CloseForm } from './commands/close-form';
import { ReopenForm } from './commands/reopen-form';
import { ReportFaultForm } from './commands/report-fault-form';
import type { NotifyApi } from './notify-api';
import { NotificationsSection } from './notifications-section';

interface Props {
  incident: Incident;
  api: IncidentApi;
  abilities: Abilities;
  me: string;
  now: number;
  /** Keeps an incident the server answered with (a command's result, a 409's current). */
  keep: (incident: Incident) => void;
  find: (reference: string) => Incident | undefined;
  /** Faults' API, for reporting a camera fault; null when the role reports none. */
  tickets: TicketApi | null;
  keepTicket: (ticket: FaultTicket) => void;
  /** Notify's API, for who was told of the incident; null when the role sees no notifications. */
  notify: NotifyApi | null;
  onClose: () => void;
}

/** One incident in full: its record, calls and timeline, and the commands the user's role allows. */
export function IncidentPane({ incident, api, abilities, me, now, keep, find, tickets, keepTicket, notify, onClose }: Props) {
  const [calls, setCalls] = useState<IncidentCall[] | string>('loading…');
  const [timeline, setTimeline] = useState<TimelineEntry[] | string>('loading…');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [incident.incidentId]);
  useEffect(() => setConflict(null), [incident.incidentId]);
  // Reload the history whenever the incident changes: a new version means a new timeline entry.
  useEffect(() => {
    api.calls(incident.incidentId).then(setCalls, (e: Error) => setCalls(`calls not available (${e.message})`));
    api.timeline(incident.incidentId).then(setTimeline, (e: Error) => setTimeline(`timeline not available (${e.message})`));
  }, [api, incident.incidentId, incident.version]);

  const send = async (command: IncidentCommand, body: object, seen: Incident): Promise<string | null> => {
    // A note never conflicts (the contract gives it no version); everything else is as of what the operator saw.
    const sent = command === 'notes' ? body : { ...body, version: seen.version };
    const result = await api.command(incident.incidentId, command, sent);
    if (result.kind === 'done') {
      if (result.incident) keep(result.incident);
      setConflict(null);
      return null;
    }
    if (result.kind === 'stale') {
      keep(result.stale.current);
      setConflict({ command, body, seen, current: result.stale.current });
      return `not saved: ${incident.reference} changed meanwhile (see above)`;
    }
    return `not saved: ${result.message}${result.status ? ` (${result.status})` : ''}`;
  };
  const run: RunCommand = (command, body, seen) => send(command, body, seen).catch((e: Error) => e.message);

  const overdue = isOverdue(incident, now);
  return (
    <aside id="pane" aria-labelledby="pane-title" data-incident-id={incident.incidentId} data-version={incident.version}>
      <div class="pane-head">
        <h2 id="pane-title" tabIndex={-1} ref={heading}>
          <span class={`grade grade-${incident.grade}`}>{incident.grade}</span> {incident.reference}
        </h2>
        <button type="button" class="quiet close-pane" onClick={onClose} aria-label="Close incident pane (Esc)">
          ✕
        </button>
      </div>
      <p class="pane-status">
        <span class={`status-chip status-${incident.status}`} id="pane-status">
          {STATUS_LABELS[incident.status]}
        </span>{' '}
        {incident.assignee ? <>with <strong id="pane-assignee">{incident.assignee}</strong></> : <span class="muted">nobody has it</span>} · waited{' '}
        {formatWaited((incident.closedAt ? Date.parse(incident.closedAt) : now) - Date.parse(incident.openedAt))}
        {overdue && <span class="overdue-flag"> · overdue</span>} · v{incident.version}
      </p>
      <p>
        <strong>{incident.category}</strong>
        {incident.subcategory && ` / ${incident.subcategory}`} · <Place incident={incident} />
        {incident.partnerId && ` · ${incident.partnerId}`} · {incident.callSource}
      </p>
      <p class="summary">{incident.summary}</p>
      {incident.triageReasons.length > 0 && <p class="muted">Triage: {incident.triageReasons.join('; ')}</p>}

      {conflict && (
        <ConflictNotice
          conflict={conflict}
          onReapply={() => void run(conflict.command as IncidentCommand, conflict.body, conflict.current).then((problem) => problem === null && setConflict(null))}
          onDismiss={() => setConflict(null)}
        />
      )}

      {abilities.acts && incident.status !== 'closed' && (
        <div class="commands">
          <QuickActions incident={incident} me={me} run={run} />
          <AssignForm incident={incident} run={run} />
          <RegradeForm incident={incident} run={run} />
          <ReclassifyForm incident={incident} run={run} />
          <LocateForm incident={incident} run={run} />
          <CamerasForm incident={incident} run={run} />
          <ThriveForm incident={incident} run={run} />
          <MonitoringForm incident={incident} run={run} />
          <MergeForm incident={incident} run={run} find={find} />
          <SplitForm incident={incident} calls={typeof calls === 'string' ? [] : calls} run={run} />
          <CloseForm incident={incident} run={run} />
        </div>
      )}
      {abilities.acts && incident.status === 'closed' && <ReopenForm incident={incident} run={run} />}
      {abilities.recordsPoliceReference && incident.status !== 'closed' && <PoliceReferenceForm incident={incident} run={run} />}
      {abilities.addsNotes && <NoteForm incident={incident} run={run} />}
      {abilities.reportsFaults && tickets && <ReportFaultForm incident={incident} api={tickets} keep={keepTicket} />}
      {!abilities.acts && (
        <p class="muted read-only">
          {abilities.recordsPoliceReference ? 'You may add notes and the police reference' : 'You may add notes'}; control-room operators work incidents.
        </p>
      )}

      <IncidentRecord incident={incident} />
      {notify && <NotificationsSection api={notify} incidentId={incident.incidentId} version={incident.version} />}
      <CallList calls={calls} />
      <Timeline entries={timeline} />
    </aside>
  );
}
