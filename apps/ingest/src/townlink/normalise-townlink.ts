import {
  CallReceived,
  townlinkHeartbeatSchema,
  TownlinkMemberCall,
  townlinkMemberCallSchema,
  TownlinkPanic,
  townlinkPanicSchema,
  TownlinkRadioState,
  townlinkRadioStateSchema,
} from '@vigil/contracts';
import { checkGatewayPayload, CheckedPayload, decodeGatewayPayload, impersonation } from '../gateway-payload';

/** What one Town Link / Pub Link base-station message turned into. */
export type TownlinkResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'radio-state'; change: TownlinkRadioState }
  | { kind: 'heartbeat'; gatewayId: string; baseStation?: string; sentAt: string }
  /** `impersonation` when the payload names a gateway other than its sender. */
  | { kind: 'rejected'; reason: string; impersonation?: true };

/**
 * Normalises one business-radio message by its kind (`member-call`, `panic`, `radio-state`,
 * `heartbeat`, from the subject). Both schemes are the partnership's "Town Link" call source, so
 * the scheme is named in the summary; a panic press becomes an emergency call. `gatewayId` is the
 * sender's proven identity (its subject or HTTP credential): a payload naming another gateway is
 * refused, and the call key is built from the sender.
 */
export function normaliseTownlink(kind: string | undefined, gatewayId: string, bytes: Uint8Array, receivedAt: Date): TownlinkResult {
  const json = decodeGatewayPayload(bytes);
  if (!json.ok) return { kind: 'rejected', reason: json.reason };
  switch (kind) {
    case 'member-call':
      return fromSender(gatewayId, checkGatewayPayload(townlinkMemberCallSchema, json.value, 'Town Link member call'), (data) => ({
        kind: 'call',
        call: memberCall(data, json.value, receivedAt),
      }));
    case 'panic':
      return fromSender(gatewayId, checkGatewayPayload(townlinkPanicSchema, json.value, 'Town Link panic'), (data) => ({
        kind: 'call',
        call: panicCall(data, json.value, receivedAt),
      }));
    case 'radio-state':
      return fromSender(gatewayId, checkGatewayPayload(townlinkRadioStateSchema, json.value, 'Town Link radio state'), (change) => ({
        kind: 'radio-state',
        change,
      }));
    case 'heartbeat':
      return fromSender(gatewayId, checkGatewayPayload(townlinkHeartbeatSchema, json.value, 'Town Link heartbeat'), ({ baseStation, sentAt }) => ({
        kind: 'heartbeat',
        gatewayId,
        ...(baseStation ? { baseStation } : {}),
        sentAt,
      }));
    default:
      return rejected(`unknown Town Link message kind "${kind ?? ''}" (expected member-call, panic, radio-state or heartbeat)`);
  }
}

/** Accepts a checked payload only from the gateway it names; after this the two ids are equal. */
function fromSender<T extends { gatewayId: string }>(gatewayId: string, checked: CheckedPayload<T>, accept: (data: T) => TownlinkResult): TownlinkResult {
  if (!checked.ok) return rejected(checked.reason);
  return impersonation(checked.data.gatewayId, gatewayId) ?? accept(checked.data);
}

function rejected(reason: string): TownlinkResult {
  return { kind: 'rejected', reason };
}

function memberCall(message: TownlinkMemberCall, raw: unknown, receivedAt: Date): CallReceived {
  return {
    ...callFields(message, raw, receivedAt),
    urgency: 'routine',
    summary: `${message.scheme} ${message.business} (member ${message.memberId}): ${message.text}`,
  };
}

function panicCall(message: TownlinkPanic, raw: unknown, receivedAt: Date): CallReceived {
  return {
    ...callFields(message, raw, receivedAt),
    urgency: 'emergency',
    summary: `PANIC button: ${message.business}, ${message.town} (${message.scheme} member ${message.memberId}, radio ${message.radioId})`,
  };
}

/** The town goes as sent: triage resolves it against the gazetteer, so one place owns that spelling. */
function callFields(message: TownlinkMemberCall | TownlinkPanic, raw: unknown, receivedAt: Date): Omit<CallReceived, 'urgency' | 'summary'> {
  return {
    callKey: `townlink:${message.gatewayId}:${message.messageId}`,
    source: 'Town Link',
    sourceMessageId: message.messageId,
    receivedAt: receivedAt.toISOString(),
    occurredAt: message.occurredAt,
    location: { town: message.town, radioMember: message.memberId },
    raw,
  };
}
