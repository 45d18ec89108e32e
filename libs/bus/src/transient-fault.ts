/** A fault of the world, not of the message: a dependency that is down, which waiting will cure. */
export interface TransientFault {
  /** `postgres` or `nats`; a readiness check and a metric label. */
  dependency: string;
  reason: string;
}

// SQLSTATE class 08 (connection exception) and the server shutting down or starting up.
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// What pg and pg-pool say when a socket dies or a connection cannot be had in time.
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;
// nats.js error codes: request timed out, connection gone or going, no stream listening (503).
const NATS_UNAVAILABLE_CODES = new Set(['TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DRAINING', 'CONNECTION_REFUSED', 'CONNECTION_TIMEOUT', 'DISCONNECT', '503']);

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: string;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * Tells "a dependency is unreachable" from "this message fails": the first is waited out without
 * spending the message's delivery budget, the second is retried a few times and dead-lettered.
 * Returns null for anything not known to be transient.
 */
export function transientFaultOf(error: unknown): TransientFault | null {
  for (let current = error as ErrorLike | undefined, depth = 0; current && depth < 5; depth++) {
    const found = classify(current);
    if (found) return found;
    current = (current.driverError ?? current.cause) as ErrorLike | undefined;
  }
  return null;
}

function classify(error: ErrorLike): TransientFault | null {
  const code = typeof error.code === 'string' ? error.code : '';
  const reason = error.message || code;
  if (error.name === 'NatsError') return NATS_UNAVAILABLE_CODES.has(code) ? { dependency: 'nats', reason } : null;
  if (PG_CONNECTION_CLASS.test(code) || PG_UNAVAILABLE_CODES.has(code)) return { dependency: 'postgres', reason };
  // nats.js wraps its own socket errors in NatsError, so a bare socket error here comes from pg.
  if (SOCKET_CODES.has(code)) return { dependency: 'postgres', reason };
  if (PG_CONNECTION_MESSAGES.test(error.message ?? '')) return { dependency: 'postgres', reason };
  return null;
}
