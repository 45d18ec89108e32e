import { z } from 'zod';

/** The largest gateway message accepted: every contract field together stays far below it, so more is a fault, not a call. */
export const MAX_GATEWAY_PAYLOAD_BYTES = 64 * 1024;

/**
 * How deeply a gateway message may nest. Contract messages nest two levels; a deeper one would be
 * kept whole in the call's `raw` and overflow the stack of `JSON.stringify` when published.
 */
export const MAX_GATEWAY_PAYLOAD_DEPTH = 32;

/** A gateway message body read as JSON, or why it could not be. */
export type DecodedPayload = { ok: true; value: unknown } | { ok: false; reason: string };

/** A gateway message checked against its contract, or why it failed. */
export type CheckedPayload<T> = { ok: true; data: T } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const LONGEST_KEY_SHOWN = 40;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Reads a gateway message body: at most 64 KiB of strict UTF-8 JSON, nested no deeper than 32
 * levels, with no text Postgres refuses (U+0000, unpaired surrogates), since the whole message is
 * stored as the call's `raw` and would otherwise fail every insert downstream.
 */
export function decodeGatewayPayload(bytes: Uint8Array): DecodedPayload {
  if (bytes.byteLength > MAX_GATEWAY_PAYLOAD_BYTES) {
    return { ok: false, reason: `payload too large: ${bytes.byteLength} bytes, over the 64 KiB limit` };
  }
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return { ok: false, reason: `not UTF-8 JSON: ${(error as Error).message}` };
  }
  const problem = unstorable(value);
  return problem ? { ok: false, reason: problem } : { ok: true, value };
}

/** Checks a decoded message against its contract; `what` names the message in the reason ("Airwave SDS"). */
export function checkGatewayPayload<S extends z.ZodType>(schema: S, value: unknown, what: string): CheckedPayload<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: `invalid ${what}: ${describeZodError(parsed.error)}` };
}

/** A message refused because its payload names a gateway other than its sender. */
export interface Impersonation {
  kind: 'rejected';
  reason: string;
  impersonation: true;
}

/**
 * Why a message is refused when its payload names a gateway other than the one it came from, or
 * undefined when they agree. The sender's identity is vouched for by NATS permissions on its
 * subject (or by its HTTP secret), never by what the payload says, so a gateway speaks only for itself.
 */
export function impersonation(claimedGatewayId: string, gatewayId: string): Impersonation | undefined {
  if (claimedGatewayId === gatewayId) return undefined;
  const reason = `payload names gateway "${claimedGatewayId}" but came from gateway "${gatewayId}": a gateway speaks only for itself`;
  return { kind: 'rejected', reason, impersonation: true };
}

/** One readable reason for a zod failure, `path: message` of its first issue; the sender fixes one thing at a time. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** A value met while walking a payload; the parent link spells its path only when a reason needs it. */
interface Visit {
  value: unknown;
  depth: number;
  key?: string;
  parent?: Visit;
}

/** Walks the value without recursion, so a hostile nesting cannot overflow the stack here either. */
function unstorable(root: unknown): string | undefined {
  const stack: Visit[] = [{ value: root, depth: 0 }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, depth } = visit;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `text at ${formatPath(pathOf(visit))} ${problem}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_GATEWAY_PAYLOAD_DEPTH) {
      return `payload nested deeper than ${MAX_GATEWAY_PAYLOAD_DEPTH} levels at ${formatPath(pathOf(visit))}`;
    }
    for (const [key, child] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return `key in ${formatPath(pathOf(visit))} ${problem}`;
      stack.push({ value: child, depth: depth + 1, key, parent: visit });
    }
  }
  return undefined;
}

function pathOf(visit: Visit): string[] {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains U+0000, which Postgres cannot store';
  if (UNPAIRED_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate, which Postgres cannot store';
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(message)';
  return path
    .map(String)
    .map((key) => (key.length > LONGEST_KEY_SHOWN ? `${key.slice(0, LONGEST_KEY_SHOWN)}…` : key))
    .join('.');
}
