import { decideRetry, DEFAULT_RETRY_POLICY, RetryDecision } from '../../domain';
import { NOW } from '../../testing/notify-fixtures';
import { classifySmtpFailure, SmtpFailure } from './smtp-failure';

describe('classifySmtpFailure', () => {
  it.each<[string, SmtpFailure, boolean]>([
    ['421 service closing', { code: 'EENVELOPE', responseCode: 421, command: 'MAIL FROM', message: 'Service not available' }, true],
    ['450 mailbox busy', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO', message: 'Mailbox busy' }, true],
    ['451 greylisted', { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', message: 'Try again later' }, true],
    ['452 out of storage', { code: 'EMESSAGE', responseCode: 452, command: 'DATA', message: 'Insufficient storage' }, true],
    ['454 authentication unavailable for now', { code: 'EAUTH', responseCode: 454, command: 'AUTH PLAIN', message: 'Temporary authentication failure' }, true],
    ['503 bad sequence (the session, not the message)', { code: 'EPROTOCOL', responseCode: 503, command: 'RCPT TO', message: 'Bad sequence of commands' }, true],
    ['550 mailbox unavailable', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', message: 'No such user' }, false],
    ['553 address not allowed', { code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM', message: 'Sender address rejected' }, false],
    ['554 message refused', { code: 'EMESSAGE', responseCode: 554, command: 'DATA', message: 'Rejected as spam' }, false],
    ['535 bad credentials', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', message: 'Invalid login' }, false],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:2525' }, true],
    ['a dropped connection', { code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, true],
    ['a timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, true],
    ['a pool at its limit', { code: 'EMAXLIMIT', message: 'Resource limit reached' }, true],
    ['a DNS server that did not answer', { code: 'EDNS', originalCode: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN mail.example' }, true],
    ['a host that does not exist', { code: 'EDNS', originalCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND mial.example' }, false],
    ['a certificate error', { code: 'ETLS', message: 'self-signed certificate' }, false],
    ['credentials missing', { code: 'ENOAUTH', message: 'Missing credentials for "PLAIN"' }, false],
    ['no code at all', { message: 'something odd' }, false],
  ])('%s → recoverable: %s', (_case, failure, recoverable) => {
    expect(classifySmtpFailure(failure)).toMatchObject({ ok: false, recoverable });
  });

  it.each<[string, SmtpFailure, RetryDecision]>([
    ['451 is retried with backoff', { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', message: 'Try again later' }, { action: 'retry', delayMs: 1000, reason: 'recoverable-failure' }],
    ['550 is a dead letter, as a client error', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', message: 'No such user' }, { action: 'dead-letter', reason: 'unrecoverable' }],
    ['a refused connection is retried', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, { action: 'retry', delayMs: 1000, reason: 'recoverable-failure' }],
  ])('%s', (_case, failure, decision) => {
    expect(decideRetry(classifySmtpFailure(failure), 1, NOW, NOW, DEFAULT_RETRY_POLICY)).toEqual(decision);
  });

  it('says the code, reply and command in the message a dead letter keeps', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', message: 'No such user' })).toEqual({
      ok: false,
      recoverable: false,
      status: 550,
      message: 'EENVELOPE 550 on RCPT TO: No such user',
    });
  });
});
