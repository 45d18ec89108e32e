import type { DeliveryResult } from '../../domain';

/** What the channel knows of a failed send: nodemailer's error code, the server's reply code if it gave one, and the command it answered. */
export interface SmtpFailure {
  /** nodemailer's code: `EENVELOPE`, `EAUTH`, `ECONNECTION`, `ESOCKET`, `ETIMEDOUT`, `EDNS`, `ETLS`… */
  code?: string;
  /** The SMTP reply code (421, 451, 550, 535…) when the server refused something. */
  responseCode?: number;
  /** The command the server answered (`RCPT TO`, `DATA`, `AUTH PLAIN`…). */
  command?: string;
  /** The socket's own code behind an `ESOCKET` or `EDNS` (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`). */
  originalCode?: string;
  message: string;
}

/** Failures before or without a reply that a later attempt may get past: the connection, not the message. */
const TRANSIENT_CODES = ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EMAXLIMIT'];

/** DNS answers that mean "not now" rather than "no such host". */
const TRANSIENT_DNS = ['EAI_AGAIN', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL'];

/**
 * How the e-mail channel reads a failed send, by RFC 5321's reply classes: a 4yz reply (421
 * closing, 450/451 try later, 452 out of storage, 454 auth unavailable for now) is transient and
 * worth retrying; a 5yz reply (550 mailbox unavailable, 553 bad address, 554, 535 bad credentials)
 * will be given again and goes to the dead letters. 503 "bad sequence of commands" is the one 5yz
 * that says the session, not the message, was wrong (as nodemailer's `isPermanentResponseCode`
 * holds), so a new connection may get through. Without a reply: a dropped or refused connection,
 * a timeout or a DNS server that did not answer is retried; a TLS or certificate error, an unknown
 * host, missing credentials or a malformed message is not.
 */
export function classifySmtpFailure(failure: SmtpFailure): DeliveryResult {
  const { responseCode } = failure;
  const message = describe(failure);
  if (responseCode !== undefined && responseCode >= 400) {
    const recoverable = responseCode < 500 || responseCode === 503;
    return { ok: false, recoverable, status: responseCode, message };
  }
  const code = failure.code;
  const recoverable = code !== undefined && (TRANSIENT_CODES.includes(code) || (code === 'EDNS' && TRANSIENT_DNS.includes(failure.originalCode ?? '')));
  return { ok: false, recoverable, message };
}

/** "EENVELOPE 550 on RCPT TO: …": enough for the dead letter to say what went wrong where. */
function describe({ code, responseCode, command, message }: SmtpFailure): string {
  const where = [code, responseCode, command && `on ${command}`].filter(Boolean).join(' ');
  return where ? `${where}: ${message}` : message;
}
