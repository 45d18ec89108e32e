import { z } from 'zod';
import { CallSource } from './reference/taxonomy';
import { UNASSIGNED_PARTNER } from './reference/gazetteer';
import { callReceivedSchema } from './payloads/call-received';
import { incidentChangedSchema, incidentOwnerToken, incidentSchema } from './payloads/incident';
import { deadLetterSchema } from './payloads/dead-letter';
import { sourceStateChangedSchema } from './payloads/source-state';
import { assetOwnerToken, cameraChangedSchema, cameraSchema } from './payloads/camera';
import { faultTicketChangedSchema, faultTicketSchema } from './payloads/fault-ticket';
import { maintenanceWindowChangedSchema } from './payloads/maintenance-window';
import { loanChangedSchema, waitingEntryChangedSchema } from './payloads/loan';
import { notificationPushedSchema } from './payloads/notification';
import { SUBJECTS } from './subjects';

/** Subject token for each call source: lower-case, dot-free, stable. */
export const CALL_SOURCE_TOKENS: Record<CallSource, string> = {
  Controller: 'controller',
  'Police Airwaves': 'airwave',
  'Police Control': 'police-control',
  'Town Link': 'townlink',
  Alarm: 'alarm',
};

/** Every event Vigil's services exchange: CloudEvents type, payload schema and the subject it travels on. */
export const EVENTS = {
  callReceived: {
    type: 'vigil.call.received',
    schema: callReceivedSchema,
    subject: (d: z.infer<typeof callReceivedSchema>) => `call.${CALL_SOURCE_TOKENS[d.source]}.received`,
  },
  incidentOpened: {
    type: 'vigil.incident.opened',
    schema: incidentSchema,
    subject: (d: z.infer<typeof incidentSchema>) => `incident.${incidentOwnerToken(d)}.opened`,
  },
  incidentChanged: {
    type: 'vigil.incident.changed',
    schema: incidentChangedSchema,
    subject: (d: z.infer<typeof incidentChangedSchema>) => `incident.${incidentOwnerToken(d)}.${d.change}`,
  },
  sourceStateChanged: {
    type: 'vigil.source.state-changed',
    schema: sourceStateChangedSchema,
    subject: (d: z.infer<typeof sourceStateChangedSchema>) => `source.${d.partnerId ?? UNASSIGNED_PARTNER}.${d.state}`,
  },
  ticketOpened: {
    type: 'vigil.fault.opened',
    schema: faultTicketSchema,
    subject: (d: z.infer<typeof faultTicketSchema>) => `fault.${assetOwnerToken(d)}.opened`,
  },
  ticketChanged: {
    type: 'vigil.fault.changed',
    schema: faultTicketChangedSchema,
    subject: (d: z.infer<typeof faultTicketChangedSchema>) => `fault.${assetOwnerToken(d)}.${d.change}`,
  },
  cameraChanged: {
    type: 'vigil.camera.changed',
    schema: cameraChangedSchema,
    subject: (d: z.infer<typeof cameraChangedSchema>) => `camera.${assetOwnerToken(d)}.${d.change}`,
  },
  // The camera as it stands, keyed by camera alone: a last-value record for projections (triage's
  // camera places), published beside every cameraChanged of the same version.
  cameraRegisterEntry: {
    type: 'vigil.camera.register-entry',
    schema: cameraSchema,
    subject: (d: z.infer<typeof cameraSchema>) => `register.camera.${d.cameraId}`,
  },
  // A planned maintenance window as it stands, keyed by window alone: a last-value record, so a
  // reader that starts late still learns every window (MAINTENANCE_WINDOWS keeps one per window).
  maintenanceWindowChanged: {
    type: 'vigil.maintenance-window.changed',
    schema: maintenanceWindowChangedSchema,
    subject: (d: z.infer<typeof maintenanceWindowChangedSchema>) => `maintenance.window.${d.windowId}`,
  },
  loanChanged: {
    type: 'vigil.loan.changed',
    schema: loanChangedSchema,
    subject: (d: z.infer<typeof loanChangedSchema>) => `loan.${assetOwnerToken(d)}.${d.change}`,
  },
  loanWaitingChanged: {
    type: 'vigil.loan-waiting.changed',
    schema: waitingEntryChangedSchema,
    subject: (d: z.infer<typeof waitingEntryChangedSchema>) => `loan-waiting.${assetOwnerToken(d)}.${d.change}`,
  },
  // Not an outbox event: notify publishes it as one attempt of a delivery, the delivery id as event id.
  notificationPushed: {
    type: 'vigil.notification.pushed',
    schema: notificationPushedSchema,
    subject: (d: z.infer<typeof notificationPushedSchema>) => SUBJECTS.notification(d.audience),
  },
  deadLetter: {
    type: 'vigil.dead-letter.recorded',
    schema: deadLetterSchema,
    subject: (d: z.infer<typeof deadLetterSchema>) => `dlq.${d.rejectedBy.replace(/[^A-Za-z0-9-]+/g, '.')}`,
  },
} as const;

/** Names of the events in {@link EVENTS}. */
export type EventName = keyof typeof EVENTS;
/** The payload type of an event, so a wrong payload is a compile error. */
export type EventData<N extends EventName> = z.infer<(typeof EVENTS)[N]['schema']>;

/** Finds the event definition for a CloudEvents `type`. */
export function eventByType(type: string): EventName | undefined {
  return (Object.keys(EVENTS) as EventName[]).find((name) => EVENTS[name].type === type);
}
