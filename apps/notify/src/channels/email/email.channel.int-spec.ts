import { freePort } from '@vigil/testing';
import { aPlannedDelivery, logCollector, retryAdvice } from '../../testing/channel-fixtures';
import { SmtpReceiver, startSmtpReceiver } from '../../testing/smtp-receiver';
import type { SendContext } from '../channel';
import { EmailChannel } from './email.channel';
import type { EmailChannelOptions } from './email-options';

/**
 * The e-mail channel against a real SMTP server on a loopback port (smtp-server), whose messages
 * are read back with mailparser as a mail client would. Real: nodemailer's pool, sockets, SMTP.
 */
const TO = ['control-room@herts.police.example', 'duty-inspector@herts.police.example'];
const ACK = 'https://vigil.example.gov.uk/ack/incident%3A5b7c0d7e?sig=abc123';
const SEND: SendContext = { deliveryId: 'd-1', attempt: 1, acknowledgeLinks: { 'incident:5b7c0d7e': ACK } };
const aDelivery = () => aPlannedDelivery('police-control-room', { type: 'email', to: TO, sendResolved: true });
const FROM = 'Vigil CCTV <vigil@cctv.example.gov.uk>';


describe('EmailChannel against a real SMTP server', () => {
  let receiver: SmtpReceiver;
  let channel: EmailChannel;
  const open = (options: Partial<EmailChannelOptions> = {}) => (channel = new EmailChannel({ smtpUrl: receiver.url, from: FROM, timeoutMs: 10_000, ...options }));

  // What the channel logs, kept here rather than printed, so a case can look at it.
  const { logged, install, uninstall } = logCollector();
  beforeAll(install);
  afterAll(uninstall);
  beforeEach(async () => {
    logged.length = 0;
    receiver = await startSmtpReceiver();
  });
  afterEach(async () => {
    channel?.close();
    await receiver.close();
  });

  it('delivers one message a mail client reads: recipients, subject, reference, acknowledge link, delivery header', async () => {
    const result = await open().deliver(aDelivery(), SEND);

    expect(result).toEqual({ ok: true });
    expect(receiver.received).toHaveLength(1);
    const [{ envelope, parsed }] = receiver.received;
    expect(envelope).toEqual({ from: 'vigil@cctv.example.gov.uk', to: TO });
    expect(parsed.to).toMatchObject({ value: TO.map((address) => expect.objectContaining({ address })) });
    expect(parsed.from?.value).toEqual([{ name: 'Vigil CCTV', address: 'vigil@cctv.example.gov.uk' }]);
    expect(parsed.subject).toBe('[Vigil] FIRING grade 1 · INC-2026-000101 · Assault — Hitchin');
    expect(parsed.text).toContain('INC-2026-000101');
    expect(parsed.text).toContain('Fight outside the Market Theatre');
    expect(parsed.text).toContain(`Acknowledge: ${ACK}`);
    expect(parsed.html).toContain(`<a href="${ACK}">Acknowledge</a>`);
    expect(parsed.headers.get('x-vigil-delivery')).toBe('d-1');
    expect(parsed.messageId).toBe('<vigil.d-1@cctv.example.gov.uk>');
  });

  it('sends a retry with the same Message-ID, so the second copy is known for what it is', async () => {
    open();
    await channel.deliver(aDelivery(), SEND);
    await channel.deliver(aDelivery(), { ...SEND, attempt: 2 });

    expect(receiver.received.map((mail) => mail.parsed.messageId)).toEqual(['<vigil.d-1@cctv.example.gov.uk>', '<vigil.d-1@cctv.example.gov.uk>']);
  });

  it('a mailbox the server does not have (550 on RCPT TO) is a dead letter, not retried', async () => {
    receiver.reply({ refuse: 'RCPT TO', code: 550, message: 'No such user here' });

    const result = await open().deliver(aDelivery(), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: false, status: 550, message: expect.stringContaining('No such user here') });
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'unrecoverable' });
    expect(receiver.received).toHaveLength(0);
  });

  it('a message the server took for some addresses counts as delivered (sending again would repeat it), and the log says one was refused', async () => {
    receiver.reply({ refuse: 'RCPT TO', code: 550, message: 'No such user here', onlyRecipient: TO[1] });

    const result = await open().deliver(aDelivery(), SEND);

    expect(result).toEqual({ ok: true });
    expect(receiver.received.map((mail) => mail.envelope.to)).toEqual([[TO[0]]]);
    expect(logged).toEqual([expect.stringContaining('"msg":"e-mail delivered, some recipients refused"')]);
    expect(logged[0]).toContain('"rejectedRecipients":1');
  });

  it('a server that says try later (451) is retried, and the retry gets through', async () => {
    receiver.reply({ refuse: 'RCPT TO', code: 451, message: 'Greylisted, try again later' });
    open();

    const first = await channel.deliver(aDelivery(), SEND);
    expect(first).toMatchObject({ ok: false, recoverable: true, status: 451 });
    expect(retryAdvice(first)).toEqual({ action: 'retry', delayMs: 1000, reason: 'recoverable-failure' });

    expect(await channel.deliver(aDelivery(), { ...SEND, attempt: 2 })).toEqual({ ok: true });
    expect(receiver.received).toHaveLength(1);
  });

  it('a message refused after DATA for good (554) is a dead letter', async () => {
    receiver.reply({ refuse: 'DATA', code: 554, message: 'Message rejected' });

    expect(await open().deliver(aDelivery(), SEND)).toMatchObject({ ok: false, recoverable: false, status: 554 });
  });

  it('nobody listening is worth retrying', async () => {
    const nobodyListens = `smtp://127.0.0.1:${await freePort()}`;

    const result = await open({ smtpUrl: nobodyListens }).deliver(aDelivery(), SEND);

    expect(result).toMatchObject({ ok: false, recoverable: true, message: expect.stringContaining('ECONNREFUSED') });
    expect(retryAdvice(result)).toMatchObject({ action: 'retry', reason: 'recoverable-failure' });
  });

  it('a server that never answers the message times out, worth retrying', async () => {
    receiver.reply('hang');

    const result = await open({ timeoutMs: 300 }).deliver(aDelivery(), SEND);

    expect(result).toEqual({ ok: false, recoverable: true, message: 'ETIMEDOUT: no answer within 300 ms' });
  });

  describe('with a login', () => {
    const credentials = { user: 'vigil', pass: 'sm7p-pa55word-do-not-log' };
    beforeEach(async () => {
      await receiver.close();
      receiver = await startSmtpReceiver(credentials);
    });

    it('logs in and delivers', async () => {
      expect(await open().deliver(aDelivery(), SEND)).toEqual({ ok: true });
      expect(receiver.received).toHaveLength(1);
    });

    it('a wrong password (535) is a dead letter: trying again will not fix it', async () => {
      const wrong = receiver.url.replace(encodeURIComponent(credentials.pass), 'not-the-password');

      const result = await open({ smtpUrl: wrong }).deliver(aDelivery(), SEND);

      expect(result).toMatchObject({ ok: false, recoverable: false, status: 535 });
      expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'unrecoverable' });
    });

    it('logs who was told and how it went, never the password, the addresses or the message', async () => {
      open();
      receiver.reply({ refuse: 'RCPT TO', code: 451 });
      await channel.deliver(aDelivery(), SEND);
      await channel.deliver(aDelivery(), SEND);

      expect(logged).toEqual([expect.stringContaining('"msg":"e-mail not delivered"'), expect.stringContaining('"msg":"e-mail delivered"')]);
      expect(logged.join('\n')).toContain('"receiver":"police-control-room"');
      expect(logged.join('\n')).toContain('"channel":"police-control-room/email/0"');
      expect(logged.join('\n')).toContain(`"server":"smtp://${new URL(receiver.url).host}"`);
      for (const line of logged) {
        expect(line).not.toContain(credentials.pass);
        expect(line).not.toContain('vigil:');
        expect(line).not.toContain('INC-2026-000101');
        expect(line).not.toContain('Fight outside');
        expect(line).not.toContain('control-room@herts');
      }
    });
  });
});
