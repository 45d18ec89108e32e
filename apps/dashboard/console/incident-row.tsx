import type { Incident } from '@vigil/contracts';
import { formatWaited, isOverdue } from './board-order';
import { STATUS_LABELS } from './reference-data';

interface Props {
  incident: Incident;
  now: number;
  selected: boolean;
  /** The board's one row reachable with Tab. */
  tabStop: boolean;
  fresh: boolean;
  onOpen: (incident: Incident) => void;
  onSelect: (incident: Incident) => void;
}

/** One incident on the board: grade, reference (opens the pane), how long it has waited, where, who has it. */
export function IncidentRow({ incident, now, selected, tabStop, fresh, onOpen, onSelect }: Props) {
  const overdue = isOverdue(incident, now);
  const classes = [`grade-row-${incident.grade}`, selected ? 'selected' : '', fresh ? 'new' : '', overdue ? 'overdue' : ''].filter(Boolean).join(' ');
  return (
    <tr class={classes} data-incident-id={incident.incidentId} data-version={incident.version} onClick={() => onOpen(incident)}>
      <td class="grade-cell">
        <span class={`grade grade-${incident.grade}`} title={`Grade ${incident.grade}`}>
          {incident.grade}
        </span>
      </td>
      <td class="reference">
        <button type="button" class="open" tabIndex={tabStop ? 0 : -1} onFocus={() => onSelect(incident)} onClick={(e) => (e.stopPropagation(), onOpen(incident))}>
          {incident.reference}
        </button>
      </td>
      <td class="waited">
        <span class="waited-time">{formatWaited(now - Date.parse(incident.openedAt))}</span>
        {overdue && <span class="overdue-flag"> overdue</span>}
      </td>
      <td class="category">
        {incident.category}
        {incident.subcategory && <div class="sub">{incident.subcategory}</div>}
      </td>
      <td class="town">
        <Place incident={incident} />
      </td>
      <td class="partner">{incident.partnerId ?? 'unassigned'}</td>
      <td class="incident-status">
        <span class={`status-chip status-${incident.status}`}>{STATUS_LABELS[incident.status]}</span>
        {incident.assignee && <div class="sub assignee">{incident.assignee}</div>}
      </td>
      <td class="call-source">{incident.callSource}</td>
      <td class="summary">{incident.summary}</td>
    </tr>
  );
}

/** Town, or the labels the control room needs instead: a client's site, or no place yet. */
export function Place({ incident }: { incident: Incident }) {
  if (incident.placement === 'unplaced') return <span class="label needs-location">needs a location</span>;
  if (incident.placement === 'client')
    return (
      <>
        <span class="label client-site">client site</span> {incident.clientName ?? ''}
      </>
    );
  return <>{incident.town ?? '—'}</>;
}
