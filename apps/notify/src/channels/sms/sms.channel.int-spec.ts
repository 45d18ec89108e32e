import { freePort } from '@vigil/testing';
import { aPlannedDelivery, logCollector, retryAdvice } from '../../testing/channel-fixtures';
import { SmsGateway, startSmsGateway } from '../../testing/sms-gateway';
import type { SendContext } from '../channel';
import { SmsChannel } from './sms.channel';

/**
 * The SMS/pager channel against a real HTTP gateway on a loopback port (node:http) that checks the
 * bearer token as a provider would. Real: fetch, sockets, the gateway. Nothing mocked.
 */
const TOKEN = 'sms-gateway-token-do-not-log-0123456789';
const NUMBERS = ['+447700900123', '07700900456'];
const ACK = 'https://vigil.example.gov.uk/ack/incident%3A5b7c0d7e?sig=abc123';
const aDelivery = () => aPlannedDelivery('duty-inspector', { type: 'sms', to: NUMBERS, sendResolved: true });
const SEND: SendContext = { deliveryId: 'd-1', attempt: 1, acknowledgeLinks: { 'incident:5b7c0d7e': ACK } };


describe('SmsChannel against a real gateway', () => {
  let gateway: SmsGateway;
  // A generous timeout for answering gateways (a loaded CI machine can take over 300 ms on loopback);
  // only the hanging-gateway case uses a short one, which it is there to exceed.
  const channel = (url = gateway.url, token = TOKEN, timeoutMs = 10_000) => new SmsChannel({ gatewayUrl: url, token, timeoutMs });

  // What the channel logs, kept here rather than printed, so a case can look at it.
  const { logged, install, uninstall } = logCollector();
  beforeAll(install);
  afterAll(uninstall);
  beforeEach(async () => {
    logged.length = 0;
    gateway = await startSmsGateway(TOKEN);
  });
  afterEach(() => gateway.close());

  it('sends the numbers, one short text with the reference and acknowledge link, the token and the idempotency key (200)', async () => {
    const result = await channel().deliver(aDelivery(), SEND);

    expect(result).toEqual({ ok: true });
    expect(gateway.received).toHaveLength(1);
    const [request] = gateway.received;
    expect(request.authorised).toBe(true);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['idempotency-key']).toBe('d-1');
    expect(request.payload).toEqual({ to: NUMBERS, deliveryId: 'd-1', text: `VIGIL G1 INC-2026-000101 Assault Hitchin: Fight outside the Market Theatre - ack: ${ACK}` });
    expect(request.payload.text.length).toBeLessThanOrEqual(160);
  });

  it('sends a retry with the same idempotency key, so the gateway can drop the second', async () => {
    await channel().deliver(aDelivery(), SEND);
    await channel().deliver(aDelivery(), { ...SEND, attempt: 2 });

    expect(gateway.received.map((request) => request.headers['idempotency-key'])).toEqual(['d-1', 'd-1']);
  });

  it('a 429 with Retry-After waits as long as the gateway asks', async () => {
    gateway.reply({ status: 429, headers: { 'Retry-After': '30' } });

    const result = await channel().deliver(aDelivery(), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, status: 429, retryAfterMs: 30_000 });
    expect(retryAdvice(result)).toEqual({ action: 'retry', delayMs: 30_000, reason: 'retry-after' });
  });

  it('a 503 is worth retrying, and the retry gets through', async () => {
    gateway.reply({ status: 503 });

    const first = await channel().deliver(aDelivery(), SEND);
    expect(first).toMatchObject({ ok: false, recoverable: true, status: 503 });
    expect(retryAdvice(first)).toEqual({ action: 'retry', delayMs: 1000, reason: 'recoverable-failure' });

    expect(await channel().deliver(aDelivery(), { ...SEND, attempt: 2 })).toEqual({ ok: true });
  });

  it('a 400 (a number the gateway will never take) is a dead letter', async () => {
    gateway.reply({ status: 400 });

    const result = await channel().deliver(aDelivery(), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: false, status: 400 });
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'client-error' });
  });

  it('a token the gateway does not know (401) is a dead letter', async () => {
    const result = await channel(gateway.url, 'a-revoked-token').deliver(aDelivery(), SEND);

    expect(gateway.received[0].authorised).toBe(false);
    expect(result).toMatchObject({ ok: false, recoverable: false, status: 401 });
  });

  it('a gateway that never answers times out, worth retrying', async () => {
    gateway.reply('hang');

    expect(await channel(gateway.url, TOKEN, 300).deliver(aDelivery(), SEND)).toEqual({ ok: false, recoverable: true, message: 'ETIMEDOUT: no response within 300 ms' });
  });

  it('nobody listening is worth retrying', async () => {
    const result = await channel(`http://127.0.0.1:${await freePort()}/v1/messages`).deliver(aDelivery(), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, message: expect.stringMatching(/^ECONNREFUSED/) });
  });

  it('logs who was told and how it went, never the token, the numbers or the text', async () => {
    gateway.reply({ status: 503 });
    await channel().deliver(aDelivery(), SEND);
    await channel().deliver(aDelivery(), SEND);

    expect(logged).toEqual([expect.stringContaining('"msg":"sms not sent"'), expect.stringContaining('"msg":"sms sent to gateway"')]);
    expect(logged.join('\n')).toContain('"receiver":"duty-inspector"');
    expect(logged.join('\n')).toContain('"channel":"duty-inspector/sms/0"');
    for (const line of logged) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('+447700900123');
      expect(line).not.toContain('INC-2026-000101');
      expect(line).not.toContain(ACK);
    }
  });
});
