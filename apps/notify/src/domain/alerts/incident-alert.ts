import { CALL_SOURCE_TOKENS, Incident, IncidentChange } from '@vigil/contracts';
import type { Alert, AlertHandling, AlertLabels } from './alert';
import { AlertUpdate, applyChange, isStale } from './alert-update';
import { fingerprintOf } from './fingerprint';
import { PolicePolicy, policeNeed } from './police-need';

/** An incident event as notify reads it: the whole incident and the change (`opened` for the first). */
export interface IncidentEvent {
  incident: Incident;
  change: 'opened' | IncidentChange;
}

/** Why an incident event is or is not worth telling people. */
export type IncidentNotice =
  | 'incident-opened'
  | 'first-seen'
  | 'needs-police'
  | 'regraded-up'
  | 'regraded-down'
  | 'new-call'
  | 'incident-closed'
  | 'incident-merged'
  | 'incident-reopened'
  | 'acknowledged'
  | 'progressed'
  | 'relabelled'
  | 'not-notable';

/** Triage's reasons that mark a call from the Airwave emergency button or emergency status. */
const TETRA_EMERGENCY_REASONS = ['airwave-emergency', 'emergency'];

const HANDLING: Record<Incident['status'], AlertHandling> = { open: 'unacknowledged', acknowledged: 'acknowledged', 'in-progress': 'in-progress', closed: 'done' };

/**
 * What notify makes of an incident event, given the alert it already holds for that incident
 * (null when this is the first it hears of it). Opened, a new call, re-graded to more urgent,
 * newly needing police, closed and reopened are worth telling; acknowledgement and progress only
 * move the handling that escalation watches; everything else (notes, THRIVE, cameras) is not news.
 */
export function alertFromIncidentEvent(previous: Alert | null, event: IncidentEvent, police: PolicePolicy): AlertUpdate {
  const { incident } = event;
  if (isStale(previous, incident.version)) return { action: 'ignore', reason: 'stale-version' };
  const next = incidentAlert(incident, police, previous);
  const notice = incidentNotice(previous, next, event.change);
  return applyChange(previous, next, NOTABLE.has(notice), notice);
}

const NOTABLE = new Set<IncidentNotice>(['incident-opened', 'first-seen', 'needs-police', 'regraded-up', 'new-call', 'incident-closed', 'incident-merged', 'incident-reopened']);

function incidentNotice(previous: Alert | null, next: Omit<Alert, 'notice' | 'noticeVersion'>, change: IncidentEvent['change']): IncidentNotice {
  if (change === 'opened') return 'incident-opened';
  if (change === 'closed' || change === 'merged') return change === 'merged' ? 'incident-merged' : 'incident-closed';
  if (change === 'reopened') return 'incident-reopened';
  if (!previous) return next.status === 'firing' ? 'first-seen' : 'not-notable';
  if (next.labels.police === 'needed' && previous.labels.police !== 'needed') return 'needs-police';
  if (change === 'call-added') return 'new-call';
  if (change === 'regraded') return Number(next.labels.grade) < Number(previous.labels.grade) ? 'regraded-up' : 'regraded-down';
  if (change === 'acknowledged') return 'acknowledged';
  if (change === 'started') return 'progressed';
  if (change === 'relocated' || change === 'reclassified') return 'relabelled';
  return 'not-notable';
}

function incidentAlert(incident: Incident, police: PolicePolicy, previous: Alert | null): Omit<Alert, 'notice' | 'noticeVersion'> {
  const closed = incident.status === 'closed';
  return {
    fingerprint: fingerprintOf.incident(incident.incidentId),
    labels: incidentLabels(incident, police),
    status: closed ? 'resolved' : 'firing',
    handling: HANDLING[incident.status],
    version: incident.version,
    reference: incident.reference,
    summary: incident.summary,
    startsAt: new Date(incident.openedAt),
    endsAt: closed ? new Date(incident.closedAt ?? incident.updatedAt) : null,
    tetraEmergency: (previous?.tetraEmergency ?? false) || isTetraEmergency(incident),
  };
}

function incidentLabels(incident: Incident, police: PolicePolicy): AlertLabels {
  return {
    kind: 'incident',
    partner: incident.partnerId ?? (incident.placement === 'client' ? 'clients' : 'unassigned'),
    ...(incident.town ? { town: incident.town } : {}),
    category: incident.category,
    grade: String(incident.grade),
    source: CALL_SOURCE_TOKENS[incident.callSource],
    state: incident.status,
    ...(policeNeed(incident, police).needed ? { police: 'needed' } : {}),
  };
}

function isTetraEmergency(incident: Incident): boolean {
  return incident.callSource === 'Police Airwaves' && incident.triageReasons.some((reason) => TETRA_EMERGENCY_REASONS.includes(reason));
}
