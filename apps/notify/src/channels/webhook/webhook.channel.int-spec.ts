import { freePort } from '@vigil/testing';
import { aPlannedDelivery, logCollector, retryAdvice } from '../../testing/channel-fixtures';
import { anAlert } from '../../testing/notify-fixtures';
import { startWebhookReceiver, WebhookReceiver } from '../../testing/webhook-receiver';
import { WebhookChannel } from './webhook.channel';
import type { WebhookPayload } from './webhook-payload';

/**
 * The webhook channel against a real HTTP receiver on a loopback port (node:http), which verifies
 * each signature as a partner's system would. Real: fetch, sockets, the receiver. Nothing mocked.
 */
const SECRET = 'test-secret-of-32-or-more-characters-0123456789';
const SECRETS = { POLICE_WEBHOOK_SECRET: SECRET, STALE_WEBHOOK_SECRET: 'an-old-secret-of-32-or-more-characters-000000' };


const aDelivery = (url: string, secretRef = 'POLICE_WEBHOOK_SECRET') =>
  aPlannedDelivery('police-control-room', { type: 'webhook', url, secretRef, sendResolved: true }, [anAlert({ fingerprint: 'incident:5b7c0d7e', reference: 'INC-2026-000101' })]);
const SEND = { deliveryId: 'd-1', attempt: 1, acknowledgeLinks: {} };

describe('WebhookChannel against a real receiver', () => {
  let receiver: WebhookReceiver;
  // A generous timeout for answering receivers: a loaded CI machine once took over 300 ms to answer a
  // loopback 200. Only the hanging-receiver case uses a short one, which it is there to exceed.
  const channel = new WebhookChannel({ secrets: SECRETS, timeoutMs: 10_000 });
  const impatientChannel = new WebhookChannel({ secrets: SECRETS, timeoutMs: 300 });

  // What the channel logs, kept here rather than printed, so a case can look at it.
  const { logged, install, uninstall } = logCollector();
  beforeAll(install);
  afterAll(uninstall);
  beforeEach(async () => {
    logged.length = 0;
    receiver = await startWebhookReceiver(SECRET);
  });
  afterEach(() => receiver.close());

  it('delivers a signed JSON body the receiver verifies (200)', async () => {
    const result = await channel.deliver(aDelivery(receiver.url), SEND);

    expect(result).toEqual({ ok: true });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.signature).toEqual({ ok: true });
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body) as WebhookPayload;
    expect(payload).toMatchObject({ version: '1', deliveryId: 'd-1', receiver: 'police-control-room', status: 'firing', reason: 'first-notification' });
    expect(request.headers['x-vigil-delivery']).toBe('d-1');
    expect(payload.alerts).toEqual([expect.objectContaining({ fingerprint: 'incident:5b7c0d7e', reference: 'INC-2026-000101', status: 'firing' })]);
  });

  it('a body signed with a secret the receiver does not hold is refused by it, and not retried', async () => {
    const result = await channel.deliver(aDelivery(receiver.url, 'STALE_WEBHOOK_SECRET'), SEND);

    expect(receiver.received[0].signature).toEqual({ ok: false, reason: 'bad-signature' });
    expect(result).toMatchObject({ ok: false, recoverable: false, status: 401 });
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'client-error' });
  });

  it('a 500 is worth retrying with backoff, and the retry gets through', async () => {
    receiver.reply({ status: 500 });

    const first = await channel.deliver(aDelivery(receiver.url), SEND);
    expect(first).toMatchObject({ ok: false, recoverable: true, status: 500 });
    expect(retryAdvice(first)).toEqual({ action: 'retry', delayMs: 1000, reason: 'recoverable-failure' });

    expect(await channel.deliver(aDelivery(receiver.url), SEND)).toEqual({ ok: true });
    expect(receiver.received).toHaveLength(2);
  });

  it('a 429 with Retry-After in seconds waits as long as the receiver asks', async () => {
    receiver.reply({ status: 429, headers: { 'Retry-After': '120' } });

    const result = await channel.deliver(aDelivery(receiver.url), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, status: 429, retryAfterMs: 120_000 });
    expect(retryAdvice(result)).toEqual({ action: 'retry', delayMs: 120_000, reason: 'retry-after' });
  });

  it('a 503 with Retry-After as an HTTP date waits until then', async () => {
    const until = new Date(Date.now() + 90_000);
    receiver.reply({ status: 503, headers: { 'Retry-After': until.toUTCString() } });

    const result = await channel.deliver(aDelivery(receiver.url), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, status: 503 });
    const wait = (result as { retryAfterMs?: number }).retryAfterMs;
    // The date has whole seconds and the request took a little time: within two seconds of 90.
    expect(wait).toBeGreaterThan(88_000);
    expect(wait).toBeLessThanOrEqual(90_000);
  });

  it('a 404 is not worth retrying: it stays a dead letter', async () => {
    receiver.reply({ status: 404 });

    const result = await channel.deliver(aDelivery(receiver.url), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: false, status: 404 });
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'client-error' });
  });

  it('a receiver that never answers times out, worth retrying', async () => {
    receiver.reply('hang');

    const result = await impatientChannel.deliver(aDelivery(receiver.url), SEND);

    expect(result).toEqual({ ok: false, recoverable: true, message: 'ETIMEDOUT: no response within 300 ms' });
    expect(retryAdvice(result)).toMatchObject({ action: 'retry', reason: 'recoverable-failure' });
  });

  it('a refused connection is worth retrying', async () => {
    const nobodyListens = `http://127.0.0.1:${await freePort()}/vigil/alerts`;

    const result = await channel.deliver(aDelivery(nobodyListens), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, message: expect.stringMatching(/^ECONNREFUSED/) });
    expect(retryAdvice(result)).toMatchObject({ action: 'retry', reason: 'recoverable-failure' });
  });

  it('a secret missing from the config fails without sending, as a dead letter', async () => {
    const result = await channel.deliver(aDelivery(receiver.url, 'UNKNOWN_WEBHOOK_SECRET'), SEND);

    expect(result).toEqual({ ok: false, recoverable: false, message: 'webhook secret UNKNOWN_WEBHOOK_SECRET is not configured' });
    expect(receiver.received).toHaveLength(0);
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'unrecoverable' });
  });

  it('logs who was told and how it went, never the secret or the body', async () => {
    receiver.reply({ status: 500 });

    await channel.deliver(aDelivery(receiver.url), SEND);
    await channel.deliver(aDelivery(receiver.url), SEND);

    expect(logged).toEqual([expect.stringContaining('"msg":"webhook not delivered"'), expect.stringContaining('"msg":"webhook delivered"')]);
    expect(logged.join('\n')).toContain('"receiver":"police-control-room"');
    for (const line of logged) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain('INC-2026-000101');
      expect(line).not.toContain(receiver.received[0].body.slice(0, 40));
    }
  });
});
