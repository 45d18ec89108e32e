import {
  airwaveHeartbeatSchema,
  airwaveSdsSchema,
  airwaveStatusSchema,
  CallReceived,
  TETRA_STATUS_EMERGENCY,
} from '@vigil/contracts';
import { z } from 'zod';

/** What one Airwave gateway message turned into. */
export type AirwaveResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'heartbeat'; gatewayId: string; sentAt: string }
  | { kind: 'rejected'; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || '(message)'}: ${issue.message}`;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch (error) {
    return { ok: false, reason: `not UTF-8 JSON: ${(error as Error).message}` };
  }
}

/**
 * Normalises one Airwave gateway message by its kind (`sds`, `status`, `heartbeat`, from the
 * subject). A status of 0 (Emergency) becomes an emergency call, graded first with no wait.
 */
export function normaliseAirwave(kind: string | undefined, bytes: Uint8Array, receivedAt: Date): AirwaveResult {
  const json = parseJson(bytes);
  if (!json.ok) return { kind: 'rejected', reason: json.reason };
  switch (kind) {
    case 'sds': {
      const parsed = airwaveSdsSchema.safeParse(json.value);
      if (!parsed.success) return { kind: 'rejected', reason: `invalid Airwave SDS: ${firstIssue(parsed.error)}` };
      const sds = parsed.data;
      return {
        kind: 'call',
        call: {
          callKey: `airwave:${sds.gatewayId}:${sds.messageId}`,
          source: 'Police Airwaves',
          sourceMessageId: sds.messageId,
          receivedAt: receivedAt.toISOString(),
          occurredAt: sds.occurredAt,
          urgency: 'routine',
          summary: sds.text,
          location: {
            issi: sds.callingIssi,
            ...(sds.called?.kind === 'gssi' ? { talkgroup: sds.called.id } : {}),
            ...(sds.location ? { point: sds.location } : {}),
          },
          raw: json.value,
        },
      };
    }
    case 'status': {
      const parsed = airwaveStatusSchema.safeParse(json.value);
      if (!parsed.success) return { kind: 'rejected', reason: `invalid Airwave status: ${firstIssue(parsed.error)}` };
      const status = parsed.data;
      const emergency = status.status === TETRA_STATUS_EMERGENCY;
      return {
        kind: 'call',
        call: {
          callKey: `airwave:${status.gatewayId}:${status.messageId}`,
          source: 'Police Airwaves',
          sourceMessageId: status.messageId,
          receivedAt: receivedAt.toISOString(),
          occurredAt: status.occurredAt,
          urgency: emergency ? 'emergency' : 'routine',
          summary: emergency
            ? `EMERGENCY status from ISSI ${status.callingIssi}`
            : `Status ${status.status} from ISSI ${status.callingIssi}`,
          categoryHint: { category: 'Police Request' },
          location: { issi: status.callingIssi, ...(status.location ? { point: status.location } : {}) },
          raw: json.value,
        },
      };
    }
    case 'heartbeat': {
      const parsed = airwaveHeartbeatSchema.safeParse(json.value);
      if (!parsed.success) return { kind: 'rejected', reason: `invalid Airwave heartbeat: ${firstIssue(parsed.error)}` };
      return { kind: 'heartbeat', gatewayId: parsed.data.gatewayId, sentAt: parsed.data.sentAt };
    }
    default:
      return { kind: 'rejected', reason: `unknown Airwave message kind "${kind ?? ''}" (expected sds, status or heartbeat)` };
  }
}
