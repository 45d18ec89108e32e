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
import { checkGatewayPayload, decodeGatewayPayload } from '../gateway-payload';

/** What one Town Link / Pub Link base-station message turned into. */
export type TownlinkResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'radio-state'; change: TownlinkRadioState }
  | { kind: 'heartbeat'; gatewayId: string; baseStation?: string; sentAt: string }
  | { kind: 'rejected'; reason: string };

/**
 * Normalises one business-radio message by its kind (`member-call`, `panic`, `radio-state`,
 * `heartbeat`, from the subject). Both schemes are the partnership's "Town Link" call source, so
 * the scheme is named in the summary; a panic press becomes an emergency call.
 */
export function normaliseTownlink(kind: string | undefined, bytes: Uint8Array, receivedAt: Date): TownlinkResult {
  const json = decodeGatewayPayload(bytes);
  if (!json.ok) return { kind: 'rejected', reason: json.reason };
  switch (kind) {
    case 'member-call': {
      const checked = checkGatewayPayload(townlinkMemberCallSchema, json.value, 'Town Link member call');
      return checked.ok ? { kind: 'call', call: memberCall(checked.data, json.value, receivedAt) } : rejected(checked.reason);
    }
    case 'panic': {
      const checked = checkGatewayPayload(townlinkPanicSchema, json.value, 'Town Link panic');
      return checked.ok ? { kind: 'call', call: panicCall(checked.data, json.value, receivedAt) } : rejected(checked.reason);
    }
    case 'radio-state': {
      const checked = checkGatewayPayload(townlinkRadioStateSchema, json.value, 'Town Link radio state');
      return checked.ok ? { kind: 'radio-state', change: checked.data } : rejected(checked.reason);
    }
    case 'heartbeat': {
      const checked = checkGatewayPayload(townlinkHeartbeatSchema, json.value, 'Town Link heartbeat');
      if (!checked.ok) return rejected(checked.reason);
      const { gatewayId, baseStation, sentAt } = checked.data;
      return { kind: 'heartbeat', gatewayId, ...(baseStation ? { baseStation } : {}), sentAt };
    }
    default:
      return rejected(`unknown Town Link message kind "${kind ?? ''}" (expected member-call, panic, radio-state or heartbeat)`);
  }
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
