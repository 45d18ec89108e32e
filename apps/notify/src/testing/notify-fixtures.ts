/** Events and alerts for notify's unit specs: a plausible whole payload with the fields a case changes. */
import type { FaultTicket, Incident, SourceStateChanged } from '@vigil/contracts';
import type { Alert } from '../domain/alerts/alert';

/** The specs' clock: a Saturday night in Hitchin. */
export const NOW = new Date('2026-11-28T23:00:00Z');

/** `NOW` moved by whole seconds (negative for the past). */
export const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** An open grade 3 theft in Hitchin, version 1; override what the case is about. */
export function anIncident(fields: Partial<Incident> = {}): Incident {
  return {
    incidentId: '5b7c0d7e-6a4f-4e62-9d7c-0f3f5d1e2a01',
    reference: 'INC-2026-000101',
    category: 'Theft',
    subcategory: 'Shoplifting',
    partnerId: 'north-herts',
    town: 'Hitchin Town Centre',
    callSource: 'Town Link',
    grade: 3,
    status: 'open',
    summary: 'Two males running out of Boots with stock',
    receivedAt: at(-600).toISOString(),
    openedAt: at(-600).toISOString(),
    triageReasons: ['townlink-member', 'radio-member', 'category-grade', 'nothing-open-here'],
    placement: 'partner',
    clientName: null,
    assignee: null,
    policeReference: null,
    cameras: [],
    thrive: null,
    monitoring: [],
    outcome: null,
    callCount: 1,
    lastCallAt: at(-600).toISOString(),
    respondBy: null,
    closedAt: null,
    mergedInto: null,
    updatedAt: at(-600).toISOString(),
    version: 1,
    ...fields,
  };
}

const clock = { dueAt: at(3600).toISOString(), warnAt: at(2880).toISOString(), metAt: null, warned: false, breached: false };

/** A reported emergency no-video ticket on one Hitchin camera, version 1. */
export function aTicket(fields: Partial<FaultTicket> = {}): FaultTicket {
  return {
    ticketId: '9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    reference: 'FLT-2026-000123',
    partnerId: 'north-herts',
    clientName: null,
    town: 'Hitchin Town Centre',
    scope: 'camera',
    siteId: 'hitchin-market',
    cameraIds: ['NH-014'],
    symptom: 'no-video',
    severity: 'emergency',
    severityReason: 'loss-of-image',
    origin: 'health-watchdog',
    description: null,
    status: 'reported',
    reportedBy: 'faults',
    reportedAt: at(-300).toISOString(),
    contract: 'north-herts-2026',
    response: clock,
    fix: clock,
    engineerReport: null,
    verifiedAt: null,
    reopenCount: 0,
    updatedAt: at(-300).toISOString(),
    version: 1,
    ...fields,
  };
}

/** The Hitchin Town Link gateway gone quiet. */
export function aSourceChange(fields: Partial<SourceStateChanged> = {}): SourceStateChanged {
  return {
    sourceKind: 'townlink',
    sourceId: 'tl-hitchin',
    partnerId: 'north-herts',
    state: 'late',
    previousState: 'up',
    lastSeen: at(-180).toISOString(),
    changedAt: at(0).toISOString(),
    reason: 'no heartbeat for 180 s',
    ...fields,
  };
}

/** A firing grade 3 incident alert; override labels and fields per case. */
export function anAlert(fields: Partial<Omit<Alert, 'labels'>> & { labels?: Partial<Alert['labels']> } = {}): Alert {
  const { labels, ...rest } = fields;
  return {
    fingerprint: 'incident:a1',
    status: 'firing',
    handling: 'unacknowledged',
    version: 1,
    noticeVersion: 1,
    notice: 'incident-opened',
    reference: 'INC-2026-000101',
    summary: 'Theft at Boots',
    startsAt: at(-600),
    endsAt: null,
    tetraEmergency: false,
    ...rest,
    labels: { kind: 'incident', partner: 'north-herts', town: 'Hitchin Town Centre', category: 'Theft', grade: '3', source: 'townlink', state: 'open', ...labels },
  };
}
