import {
  AirwaveCall,
  airwaveCallSchema,
  airwaveHeartbeatSchema,
  AirwaveSds,
  airwaveSdsSchema,
  AirwaveStatus,
  airwaveStatusSchema,
  CallReceived,
  TETRA_STATUS_EMERGENCY,
} from '@vigil/contracts';
import { checkGatewayPayload, CheckedPayload, decodeGatewayPayload, impersonation } from '../gateway-payload';

/** What one Airwave gateway message turned into. */
export type AirwaveResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'heartbeat'; gatewayId: string; sentAt: string }
  /** `impersonation` when the payload names a gateway other than its sender. */
  | { kind: 'rejected'; reason: string; impersonation?: true };

type AirwaveMessage = AirwaveSds | AirwaveStatus | AirwaveCall;
type CallDetails = Pick<CallReceived, 'urgency' | 'summary' | 'categoryHint' | 'location'>;

/**
 * Normalises one Airwave gateway message by its kind (`sds`, `status`, `call`, `heartbeat`, from
 * the subject). Emergency status 0 and emergency call set-ups become emergency calls, graded first
 * with no wait. `gatewayId` is the sender's proven identity (its subject or HTTP credential): a
 * payload naming another gateway is refused, and the call key is built from the sender.
 */
export function normaliseAirwave(kind: string | undefined, gatewayId: string, bytes: Uint8Array, receivedAt: Date): AirwaveResult {
  const json = decodeGatewayPayload(bytes);
  if (!json.ok) return { kind: 'rejected', reason: json.reason };
  switch (kind) {
    case 'sds':
      return toCall(gatewayId, checkGatewayPayload(airwaveSdsSchema, json.value, 'Airwave SDS'), sdsDetails, json.value, receivedAt);
    case 'status':
      return toCall(gatewayId, checkGatewayPayload(airwaveStatusSchema, json.value, 'Airwave status'), statusDetails, json.value, receivedAt);
    case 'call':
      return toCall(gatewayId, checkGatewayPayload(airwaveCallSchema, json.value, 'Airwave call'), callSetUpDetails, json.value, receivedAt);
    case 'heartbeat': {
      const heartbeat = checkGatewayPayload(airwaveHeartbeatSchema, json.value, 'Airwave heartbeat');
      if (!heartbeat.ok) return { kind: 'rejected', reason: heartbeat.reason };
      const impostor = impersonation(heartbeat.data.gatewayId, gatewayId);
      if (impostor) return impostor;
      return { kind: 'heartbeat', gatewayId: heartbeat.data.gatewayId, sentAt: heartbeat.data.sentAt };
    }
    default:
      return { kind: 'rejected', reason: `unknown Airwave message kind "${kind ?? ''}" (expected sds, status, call or heartbeat)` };
  }
}

function toCall<M extends AirwaveMessage>(
  gatewayId: string,
  checked: CheckedPayload<M>,
  details: (message: M) => CallDetails,
  raw: unknown,
  receivedAt: Date,
): AirwaveResult {
  if (!checked.ok) return { kind: 'rejected', reason: checked.reason };
  const message = checked.data;
  const impostor = impersonation(message.gatewayId, gatewayId);
  if (impostor) return impostor;
  return {
    kind: 'call',
    call: {
      callKey: `airwave:${gatewayId}:${message.messageId}`,
      source: 'Police Airwaves',
      sourceMessageId: message.messageId,
      receivedAt: receivedAt.toISOString(),
      occurredAt: message.occurredAt,
      ...details(message),
      raw,
    },
  };
}

function sdsDetails(sds: AirwaveSds): CallDetails {
  return { urgency: 'routine', summary: sds.text, location: radioLocation(sds) };
}

function statusDetails(status: AirwaveStatus): CallDetails {
  const emergency = status.status === TETRA_STATUS_EMERGENCY;
  return {
    urgency: emergency ? 'emergency' : 'routine',
    summary: emergency ? `EMERGENCY status from ISSI ${status.callingIssi}` : `Status ${status.status} from ISSI ${status.callingIssi}`,
    categoryHint: { category: 'Police Request' },
    location: { issi: status.callingIssi, ...(status.location ? { point: status.location } : {}) },
  };
}

function callSetUpDetails(call: AirwaveCall): CallDetails {
  const parties = `from ISSI ${call.callingIssi}${calledParty(call)}`;
  // No category for an emergency: the button press says nothing about what is happening.
  if (call.emergency) return { urgency: 'emergency', summary: `EMERGENCY call ${parties}`, location: radioLocation(call) };
  return {
    urgency: 'routine',
    summary: `${call.callType === 'group' ? 'Group' : 'Individual'} call ${parties}`,
    categoryHint: { category: 'Police Request' },
    location: radioLocation(call),
  };
}

/** Names the called party by its own identity kind: a gateway may report a group call to an ISSI. */
function calledParty(message: AirwaveMessage): string {
  if (!message.called) return '';
  return message.called.kind === 'gssi' ? ` to talkgroup ${message.called.id}` : ` to ISSI ${message.called.id}`;
}

function radioLocation(message: AirwaveMessage): CallDetails['location'] {
  return {
    issi: message.callingIssi,
    ...(message.called?.kind === 'gssi' ? { talkgroup: message.called.id } : {}),
    ...(message.location ? { point: message.location } : {}),
  };
}
