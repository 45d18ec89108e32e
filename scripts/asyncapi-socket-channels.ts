/**
 * The dashboard's socket.io events for the AsyncAPI document: one channel per event name in
 * SOCKET_EVENTS (a new event without an entry here is a compile error), its payload schema built
 * from the contracts' own zod schemas, and whether the dashboard sends it or receives it.
 */
import { z } from 'zod';
import {
  cameraChangedSchema,
  incidentChangedSchema,
  incidentSchema,
  notificationPushedSchema,
  SOCKET_EVENTS,
  TICKET_CHANGES,
  TicketAudience,
  ticketForAudienceSchema,
} from '@vigil/contracts';

/** The dashboard's socket.io endpoint, as a server of the document. */
export const DASHBOARD_SERVER = {
  host: 'localhost:3000',
  pathname: '/socket.io/',
  protocol: 'ws',
  title: 'Dashboard (socket.io 4)',
  summary:
    "The dashboard's socket.io endpoint on its HTTP port. The token goes in the socket.io auth payload ({ auth: { token } }); a refused one ends in connect_error 'unauthorised: <reason>'. Each socket joins the rooms its role allows and is sent only what they may see.",
};

type SocketEventName = (typeof SOCKET_EVENTS)[keyof typeof SOCKET_EVENTS];

interface SocketChannel {
  /** `send`: the dashboard sends it to browsers; `receive`: browsers send it to the dashboard. */
  action: 'send' | 'receive';
  title: string;
  summary: string;
  schema: z.ZodType;
}

const streamSeq = z.number().int().min(1).describe('Position in the stream the push came from; a reconnecting client resumes after the highest it saw.');
const snapshotNotice = z.object({
  reason: z.enum(['gap-over-limit', 'position-expired', 'position-unknown']),
  resumeFrom: z.number().int().min(0),
  missed: z.number().int().min(0),
});
const AUDIENCES = ['maintenance', 'owner', 'police'] as const satisfies readonly TicketAudience[];
/** TicketPush: the ticket in one audience's view (restricted fields absent), what changed and the stream position. */
const ticketPush = ticketForAudienceSchema
  .extend({
    change: z.enum(['opened', ...TICKET_CHANGES]),
    changedBy: z.string(),
    changeReason: z.string().nullable(),
    audience: z.enum(AUDIENCES).describe('maintenance: the contractor and operators (everything); owner: the partner whose camera it is (no contract, severityReason, reopenCount, warning points); police: as owner, and no engineerReport.'),
    streamSeq,
  });

const SOCKET_CHANNELS: Record<SocketEventName, SocketChannel> = {
  'incident:opened': { action: 'send', title: 'Incident opened', summary: 'A new incident the socket may see (police and operators: all; a partner: its own).', schema: incidentSchema.extend({ streamSeq }) },
  'incident:changed': { action: 'send', title: 'Incident changed', summary: 'Any later change; the client keeps the highest version per incident.', schema: incidentChangedSchema.extend({ streamSeq }) },
  'incident:withdrawn': {
    action: 'send',
    title: 'Incident withdrawn',
    summary: 'The incident moved where this socket may not see it; sent instead of the change that moved it.',
    schema: z.object({ incidentId: z.uuid(), version: z.number().int().min(1), streamSeq }),
  },
  'incidents:resume': { action: 'receive', title: 'Resume incidents', summary: 'Asks for every incident event after a position of the incident stream the client already has.', schema: z.number().int().min(0) },
  'snapshot:required': {
    action: 'send',
    title: 'Incident snapshot required',
    summary: 'Sent instead of a replay the server will not or cannot give: reload GET /api/incidents, then resume after resumeFrom.',
    schema: snapshotNotice,
  },
  'session:expired': { action: 'send', title: 'Session expired', summary: 'Sent just before the server disconnects a socket whose token has expired.', schema: z.object({ reason: z.string() }) },
  'ticket:changed': {
    action: 'send',
    title: 'Fault ticket opened or changed',
    summary: "A contractor's ticket in the view of the socket's audience. Contractor and operators get every ticket; police every ticket without the contract's internals or the engineer's report; a partner its own cameras' tickets with the report, without the contract's internals; a client's ticket never reaches a partner. Never sent to a socket for incidents only: the contractor gets no incident event.",
    schema: ticketPush,
  },
  'camera:changed': {
    action: 'send',
    title: 'Camera changed',
    summary: 'A camera of the register changed (registered, updated, out of public view while faulty, back in service once verified): to the same rooms as its tickets.',
    schema: cameraChangedSchema.extend({ streamSeq }),
  },
  'tickets:snapshot-required': {
    action: 'send',
    title: 'Ticket snapshot required',
    summary: 'Like snapshot:required, for the faults stream: reload GET /api/tickets?board=open, then resume after resumeFrom.',
    schema: snapshotNotice,
  },
  'notification:pushed': {
    action: 'send',
    title: 'Notification pushed',
    summary:
      "A notification notify sent to the socket's audience, as it travels on notification.<audience>: police get the police's; operators and the supervisor the police's and the control room's; a partner its own; the contractor its own. Never another partner's or the contractor's to police, nor the reverse. Live only, never replayed; acknowledge an alert with POST /api/notify/alerts/{fingerprint}/acknowledge.",
    schema: notificationPushedSchema,
  },
  'tickets:resume': { action: 'receive', title: 'Resume tickets', summary: 'Asks for every ticket and camera change after a position of the faults stream the client already has.', schema: z.number().int().min(0) },
};

/** Channels, operations and messages of the socket.io events, to merge into the document; `jsonSchema` is the document's own converter. */
export function socketChannels(jsonSchema: (schema: z.ZodType) => Record<string, unknown>): {
  channels: Record<string, unknown>;
  operations: Record<string, unknown>;
  messages: Record<string, unknown>;
} {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [event, entry] of Object.entries(SOCKET_CHANNELS) as [SocketEventName, SocketChannel][]) {
    const id = `socket${event.split(/[:-]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}`;
    messages[id] = { name: event, title: entry.title, summary: entry.summary, contentType: 'application/json', payload: jsonSchema(entry.schema) };
    channels[id] = {
      address: event,
      title: entry.title,
      description: `socket.io event "${event}" on the dashboard's default namespace.`,
      servers: [{ $ref: '#/servers/dashboard' }],
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`${entry.action}${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: entry.action,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      title: entry.action === 'send' ? 'The dashboard emits' : 'A browser emits',
      summary: entry.summary,
    };
  }
  return { channels, operations, messages };
}
