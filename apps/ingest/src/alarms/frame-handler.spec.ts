import { AccountRecord, InMemoryAccountRegister } from './account-register';
import { buildFrame } from './dc09/frame-builder';
import { parseReply } from './dc09/reply-parser';
import { ClassifiedSignal } from './dc09/signal-classifier';
import { FrameHandler } from './frame-handler';
import { OutcomeEvent, Origin, ReceiverCallbacks, RejectedFrame, SignalContext } from './receiver-types';
import { ResendWindow } from './resend-window';
import { SupervisionMonitor } from './supervision-monitor';
import { eventually } from '../../../../test/support/eventually';

const NOW = new Date('2026-11-23T12:00:00Z');
const ORIGIN: Origin = { transport: 'tcp', remote: { address: '192.0.2.7', port: 4000 } };
const RECORD: AccountRecord = { account: '1234', partnerId: 'p1', site: 'Bank', address: '1 High St', zones: {}, users: {}, testIntervalSeconds: 60 };
const alarm = buildFrame({ id: 'SIA-DCS', sequence: '0001', line: '0', account: '1234', data: '#1234|NBA01' });
const linkTest = buildFrame({ id: 'NULL', sequence: '0002', line: '0', account: '1234' });

/** A handler wired to hand-written fakes that record every callback. */
function setup(overrides: Partial<ReceiverCallbacks> = {}, register = new InMemoryAccountRegister([RECORD]), clock = () => NOW) {
  const handed: Array<[ClassifiedSignal[], SignalContext]> = [];
  const rejects: RejectedFrame[] = [];
  const outcomes: OutcomeEvent[] = [];
  const monitor = new SupervisionMonitor(register, NOW, {});
  const callbacks: ReceiverCallbacks = {
    onSignals: async (signals, context) => void handed.push([signals, context]),
    onReject: async (rejected) => void rejects.push(rejected),
    onOutcome: (event) => void outcomes.push(event),
    ...overrides,
  };
  const resends = new ResendWindow(300_000);
  const handler = new FrameHandler({ register, callbacks, monitor, clock, resends, decideOptions: { unknownCodePolicy: 'duh' } });
  return { handler, handed, rejects, outcomes, monitor };
}

const replyId = (reply: Buffer): string => {
  const parsed = parseReply(reply);
  return parsed.ok ? parsed.reply.id : parsed.reason;
};

describe('FrameHandler', () => {
  it('hands signals on with their context, then ACKs', async () => {
    const { handler, handed, outcomes } = setup();
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('ACK');
    expect(handed).toEqual([
      [
        [expect.objectContaining({ code: 'BA', zone: 1 })],
        expect.objectContaining({ account: '1234', record: RECORD, raw: alarm, transport: 'tcp', remote: ORIGIN.remote, receivedAt: NOW, messageKey: expect.stringMatching(/^dc09-1234-0001-/), resend: false }),
      ],
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['signals']);
  });

  it('NAKs instead of ACKing when handing on fails', async () => {
    const { handler, outcomes } = setup({ onSignals: () => Promise.reject(new Error('bus down')) });
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('NAK');
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'handoff-failed', reason: expect.stringMatching(/bus down/) })]);
  });

  it('ACKs a link test without calling onSignals, and counts it as a sighting', async () => {
    const { handler, handed, monitor } = setup();
    expect(replyId(await handler.handle(linkTest, ORIGIN))).toBe('ACK');
    expect(handed).toEqual([]);
    expect(await monitor.lateAccounts(new Date(NOW.getTime() + 59_000))).toEqual([]);
  });

  it('dead-letters a refused frame and answers it', async () => {
    const { handler, rejects } = setup();
    const unknown = buildFrame({ id: 'SIA-DCS', sequence: '0001', line: '0', account: '9999', data: 'NBA01' });
    expect(replyId(await handler.handle(unknown, ORIGIN))).toBe('NAK');
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'unknown-account', account: '9999', raw: unknown, transport: 'tcp' })]));
  });

  it('NAKs and dead-letters when the register is unavailable', async () => {
    const register = new InMemoryAccountRegister();
    register.find = () => Promise.reject(new Error('connection refused'));
    const { handler, rejects } = setup({}, register);
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('NAK');
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'register-unavailable', reason: expect.stringMatching(/connection refused/) })]));
  });

  it('still answers when keeping the dead letter fails', async () => {
    const { handler, outcomes } = setup({ onReject: () => Promise.reject(new Error('disk full')) });
    expect(replyId(await handler.handle(Buffer.from('junk'), ORIGIN))).toBe('NAK');
    await eventually(() => expect(outcomes.map((o) => o.reason)).toContainEqual(expect.stringMatching(/dead letter not kept: disk full/)));
  });

  it('still answers when the outcome hook throws', async () => {
    const { handler } = setup({
      onOutcome: () => {
        throw new Error('logger broken');
      },
    });
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('ACK');
  });

  it.each<[string, number, boolean, string]>([
    ['a resend a minute later', 60_000, true, 'resend'],
    ['the same message after the resend window', 300_000, false, 'signals'],
  ])('hands on %s under the right message key', async (_name, laterMs, sameKey, outcome) => {
    let now = NOW;
    const { handler, handed, outcomes } = setup({}, undefined, () => now);
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('ACK');
    now = new Date(NOW.getTime() + laterMs);
    expect(replyId(await handler.handle(alarm, ORIGIN))).toBe('ACK');
    const [first, second] = handed.map(([, context]) => context);
    expect(second.messageKey === first.messageKey).toBe(sameKey);
    expect(second.resend).toBe(sameKey);
    expect(outcomes.map((o) => o.outcome)).toEqual(['signals', outcome]);
  });

  it('reports garbage and answers it with a NAK', async () => {
    const { handler, rejects } = setup();
    expect(replyId(handler.garbage({ kind: 'garbage', reason: 'before-lf', length: 3, preview: Buffer.from('abc') }, ORIGIN))).toBe('NAK');
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'unframed', reason: expect.stringMatching(/3 byte/), raw: Buffer.from('abc') })]));
  });
});
