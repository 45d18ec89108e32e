import { connect } from 'net';
import { AccountRecord, InMemoryAccountRegister } from './account-register';
import { buildFrame, OutgoingMessage } from './dc09/frame-builder';
import { parseReply } from './dc09/reply-parser';
import { ClassifiedSignal } from './dc09/signal-classifier';
import { Dc09Receiver, Dc09ReceiverOptions } from './dc09-receiver';
import { RejectedFrame, SignalContext } from './receiver-types';
import { eventually } from '../../../../test/support/eventually';
import { TcpPanel, UdpPanel } from './testing/panel-clients';

const T0 = new Date('2026-11-23T12:00:00Z');
const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const record = (account: string, extra: Partial<AccountRecord> = {}): AccountRecord => ({
  account,
  partnerId: 'stevenage',
  site: `Site ${account}`,
  address: 'Town Square',
  zones: { '1': 'Front door' },
  users: {},
  ...extra,
});
const NAK_AT_T0 = '\nC40B0025"NAK"0000R0L0A0[]_12:00:00,11-23-2026\r';
const text = (bytes: Buffer): string => bytes.toString('latin1');

/** A panel message for the fixed test clock; encrypted when a key is given. */
function frame(fields: Partial<OutgoingMessage>, key?: Buffer): Buffer {
  return buildFrame({ id: 'SIA-DCS', sequence: '0001', receiver: '1', line: '1', account: '1234', data: '#1234|Nri1/BA01', timestamp: T0, ...fields }, key);
}

describe('Dc09Receiver over real sockets', () => {
  let receiver: Dc09Receiver;
  let now: Date;
  let tick: () => void;
  let handed: Array<[ClassifiedSignal[], SignalContext]>;
  let rejects: RejectedFrame[];
  let late: Array<[string, Date | undefined]>;
  let restored: string[];
  let onSignals: Dc09ReceiverOptions['onSignals'];
  const panels: Array<{ end(): void }> = [];

  async function start(extra: Partial<Dc09ReceiverOptions> = {}): Promise<Dc09Receiver> {
    const register = new InMemoryAccountRegister([record('1234', { testIntervalSeconds: 60 }), record('2345'), record('5678', { key: KEY })]);
    const started = new Dc09Receiver({
      register,
      host: '127.0.0.1',
      tcpPort: 0,
      udpPort: 0,
      clock: () => now,
      timer: (_ms, onTick) => {
        tick = onTick;
        return () => undefined;
      },
      pad: (n) => 'x'.repeat(n),
      onSignals: (signals, context) => onSignals(signals, context),
      onReject: async (rejected) => void rejects.push(rejected),
      onSupervisionLate: (account, lastSeen) => void late.push([account, lastSeen]),
      onSupervisionRestored: (account) => void restored.push(account),
      ...extra,
    });
    await started.start();
    return started;
  }

  async function tcpPanel(): Promise<TcpPanel> {
    const panel = await TcpPanel.connect(receiver.ports.tcp as number);
    panels.push(panel);
    return panel;
  }

  beforeEach(async () => {
    now = T0;
    handed = [];
    rejects = [];
    late = [];
    restored = [];
    onSignals = async (signals, context) => void handed.push([signals, context]);
    receiver = await start();
  });

  afterEach(async () => {
    panels.splice(0).forEach((panel) => panel.end());
    await receiver.close();
  });

  it('ACKs an alarm and then its restore, each only once onSignals has resolved', async () => {
    const panel = await tcpPanel();
    let release: () => void = () => undefined;
    onSignals = (signals, context) => {
      handed.push([signals, context]);
      return new Promise<void>((resolve) => (release = resolve));
    };
    let replied = false;
    const alarmReply = panel.nextReply().then((reply) => ((replied = true), reply));
    await panel.write(frame({}));
    await eventually(() => expect(handed).toHaveLength(1));
    expect(replied).toBe(false);
    release();
    expect(text(await alarmReply)).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');

    onSignals = async (signals, context) => void handed.push([signals, context]);
    await panel.write(frame({ sequence: '0002', data: '#1234|Nri1/BH01' }));
    expect(text(await panel.nextReply())).toBe('\nD6730014"ACK"0002R1L1#1234[]\r');
    expect(handed.map(([signals]) => signals.map((s) => [s.code, s.qualifier, s.zone, s.classification.subcategory]))).toEqual([
      [['BA', 'new', 1, 'Intruder Alarm']],
      [['BH', 'restore', 1, 'Intruder Alarm']],
    ]);
    expect(handed[0][1]).toEqual(expect.objectContaining({ account: '1234', transport: 'tcp', record: expect.objectContaining({ site: 'Site 1234' }) }));
  });

  it('answers several frames written at once, in order', async () => {
    const panel = await tcpPanel();
    const link = buildFrame({ id: 'NULL', sequence: '0003', line: '2', account: '2345' });
    await panel.write(Buffer.concat([frame({}), frame({ sequence: '0002', data: '#1234|Nri1/BH01' }), link]));
    expect(text(await panel.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
    expect(text(await panel.nextReply())).toBe('\nD6730014"ACK"0002R1L1#1234[]\r');
    expect(parseReply(await panel.nextReply())).toEqual({ ok: true, reply: expect.objectContaining({ id: 'ACK', sequence: '0003', account: '2345' }) });
    expect(handed).toHaveLength(2);
  });

  it('reassembles one frame split across writes', async () => {
    const panel = await tcpPanel();
    const bytes = frame({});
    await panel.write(bytes.subarray(0, 5));
    await panel.write(bytes.subarray(5, 30));
    await panel.write(bytes.subarray(30));
    expect(text(await panel.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
  });

  it('serves two panels at once, each getting its own reply', async () => {
    const [a, b] = await Promise.all([tcpPanel(), tcpPanel()]);
    const fromA = frame({});
    await a.write(fromA.subarray(0, 20));
    await b.write(frame({ receiver: undefined, line: '2', account: '2345', data: '#2345|NBA01' }));
    expect(text(await b.nextReply())).toBe('\n852D0012"ACK"0001L2#2345[]\r');
    await a.write(fromA.subarray(20));
    expect(text(await a.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
    expect(handed.map(([, context]) => context.account).sort()).toEqual(['1234', '2345']);
  });

  it('answers UDP datagrams one for one', async () => {
    const panel = await UdpPanel.open();
    try {
      expect(text(await panel.exchange(receiver.ports.udp as number, frame({})))).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
      expect(handed[0][1].transport).toBe('udp');
      const drifted = frame({ sequence: '0002', timestamp: new Date(T0.getTime() - 3600_000) });
      expect(text(await panel.exchange(receiver.ports.udp as number, drifted))).toBe(NAK_AT_T0);
    } finally {
      await panel.close();
    }
  });

  /** One frame, one reply, on a fresh connection or datagram socket, as a redialling panel would send it. */
  async function exchange(transport: 'tcp' | 'udp', bytes: Buffer): Promise<Buffer> {
    if (transport === 'tcp') {
      const panel = await tcpPanel();
      await panel.write(bytes);
      return panel.nextReply();
    }
    const panel = await UdpPanel.open();
    try {
      return await panel.exchange(receiver.ports.udp as number, bytes);
    } finally {
      await panel.close();
    }
  }

  const replyId = (reply: Buffer, key?: Buffer): string => {
    const parsed = parseReply(reply, key);
    return parsed.ok ? parsed.reply.id : parsed.reason;
  };

  describe.each(['tcp', 'udp'] as const)('resends over %s', (transport) => {
    it('makes one signal of an encrypted resend inside the window, though its timestamp and pad are new', async () => {
      const first = frame({ sequence: '0031', account: '5678', data: '#5678|Nri1/BA04' }, KEY);
      expect(replyId(await exchange(transport, first), KEY)).toBe('ACK');
      now = new Date(T0.getTime() + 15_000);
      const again = buildFrame({ id: 'SIA-DCS', sequence: '0031', receiver: '1', line: '1', account: '5678', data: '#5678|Nri1/BA04', timestamp: now }, KEY, (n) => 'y'.repeat(n));
      expect(again.equals(first)).toBe(false);
      expect(replyId(await exchange(transport, again), KEY)).toBe('ACK');
      const [a, b] = handed.map(([, context]) => context);
      expect(b.messageKey).toBe(a.messageKey);
      expect(b.resend).toBe(true);
    });

    it('makes a new signal of the same plain message repeated after the window', async () => {
      const plain = frame({ sequence: '0032', data: '#1234|Nri1/BA06', timestamp: undefined });
      expect(replyId(await exchange(transport, plain))).toBe('ACK');
      now = new Date(T0.getTime() + 6 * 60_000);
      expect(replyId(await exchange(transport, plain))).toBe('ACK');
      const [a, b] = handed.map(([, context]) => context);
      expect(b.messageKey).not.toBe(a.messageKey);
      expect(b.resend).toBe(false);
    });
  });

  it.each(['tcp', 'udp'] as const)('NAKs input without DC-09 framing over %s, and dead-letters it', async (transport) => {
    expect(text(await exchange(transport, Buffer.from('this is not a parsable event\r\n')))).toBe(NAK_AT_T0);
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'unframed', transport })]));
  });

  it('NAKs an oversize UDP datagram and dead-letters its start', async () => {
    expect(text(await exchange('udp', Buffer.alloc(5000, 0x41)))).toBe(NAK_AT_T0);
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'oversize', transport: 'udp', raw: Buffer.alloc(64, 0x41) })]));
  });

  it.each<[string, Buffer, string]>([
    ['a plain message from a keyed account', frame({ account: '5678', data: '#5678|Nri1/BA01' }), 'key-required'],
    ['a message encrypted with the wrong key', frame({ account: '5678', data: '#5678|Nri1/BA01' }, Buffer.alloc(16, 7)), 'decrypt-failed'],
    ['an encrypted message from an account without a key', frame({}, KEY), 'no-key'],
  ])('NAKs %s, as peer receivers do', async (_name, bytes, code) => {
    expect(text(await exchange('tcp', bytes))).toBe(NAK_AT_T0);
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code })]));
  });

  it('answers an encrypted alarm with an encrypted *ACK that decrypts to the receiver time', async () => {
    const panel = await tcpPanel();
    await panel.write(frame({ sequence: '0003', account: '5678', data: '#5678|Nri1/PA02' }, KEY));
    const reply = await panel.nextReply();
    expect(text(reply)).toBe('\n986B0054"*ACK"0003R1L1#5678[FD5AE2022525B4F4000AA396C55FDF07E0210065BAD3CABFDEDB00557DE4DAC7\r');
    expect(parseReply(reply, KEY)).toEqual({ ok: true, reply: expect.objectContaining({ id: 'ACK', encrypted: true, timestamp: T0 }) });
    expect(handed[0][0]).toEqual([expect.objectContaining({ code: 'PA', classification: expect.objectContaining({ subcategory: 'Personal Attack' }) })]);
  });

  it('NAKs a panel whose clock has drifted, with the receiver time, and hands nothing on', async () => {
    const panel = await tcpPanel();
    await panel.write(frame({ timestamp: new Date(T0.getTime() - 41_000) }));
    expect(text(await panel.nextReply())).toBe(NAK_AT_T0);
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'clock-drift', account: '1234' })]));
    expect(handed).toEqual([]);
  });

  it('NAKs an unknown account and dead-letters the frame', async () => {
    const panel = await tcpPanel();
    const unknown = frame({ account: '9999', data: '#9999|NBA01' });
    await panel.write(unknown);
    expect(text(await panel.nextReply())).toBe(NAK_AT_T0);
    await eventually(() =>
      expect(rejects).toEqual([expect.objectContaining({ code: 'unknown-account', account: '9999', raw: unknown, transport: 'tcp', reason: expect.stringMatching(/9999/) })]),
    );
  });

  it('gives a corrupted CRC a framed NAK and dead-letters it as crc-mismatch', async () => {
    const panel = await tcpPanel();
    const corrupted = frame({});
    corrupted[1] = corrupted[1] === 0x30 ? 0x31 : 0x30;
    await panel.write(corrupted);
    expect(text(await panel.nextReply())).toBe(NAK_AT_T0);
    await eventually(() => expect(rejects).toEqual([expect.objectContaining({ code: 'crc-mismatch', reason: expect.stringMatching(/CRC declared/) })]));
  });

  it('sends no ACK when onSignals rejects, and ACKs the retry once it succeeds', async () => {
    const panel = await tcpPanel();
    onSignals = () => Promise.reject(new Error('bus unavailable'));
    await panel.write(frame({}));
    expect(text(await panel.nextReply())).toBe(NAK_AT_T0);
    onSignals = async (signals, context) => void handed.push([signals, context]);
    await panel.write(frame({}));
    expect(text(await panel.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
    expect(handed).toHaveLength(1);
  });

  it('reports a silent panel once when it goes late, and again when it is back', async () => {
    const panel = await tcpPanel();
    await panel.write(buildFrame({ id: 'NULL', sequence: '0001', line: '1', account: '1234' }));
    await panel.nextReply();
    now = new Date(T0.getTime() + 61_000);
    tick();
    await eventually(() => expect(late).toEqual([['1234', T0]]));
    expect(await receiver.lateAccounts()).toEqual([expect.objectContaining({ account: '1234', overdueSeconds: 1 })]);
    tick();
    await panel.write(buildFrame({ id: 'NULL', sequence: '0002', line: '1', account: '1234' }));
    await panel.nextReply();
    tick();
    await eventually(() => expect(restored).toEqual(['1234']));
    expect(late).toHaveLength(1);
  });

  it('survives garbage, an endless line and an abrupt disconnect, and keeps serving', async () => {
    const noisy = await tcpPanel();
    await noisy.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await noisy.write(Buffer.alloc(100_000, 0x41));
    await noisy.write(Buffer.from('\n0000'));
    noisy.end();
    await eventually(() => expect(rejects.map((r) => r.code)).toEqual(expect.arrayContaining(['unframed', 'oversize'])));
    expect(rejects.every((r) => r.raw.length <= 64)).toBe(true);
    const panel = await tcpPanel();
    await panel.write(frame({}));
    expect(text(await panel.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
  });

  it('answers a panel that half-closes right after its frame, then closes', async () => {
    const panel = await tcpPanel();
    await panel.write(frame({}));
    panel.socket.end();
    expect(text(await panel.nextReply())).toBe('\nD2770014"ACK"0001R1L1#1234[]\r');
    await panel.closed();
  });

  it('shrugs off a panel that disconnects while its alarm is being handed on', async () => {
    const panel = await tcpPanel();
    let release: () => void = () => undefined;
    onSignals = (signals, context) => {
      handed.push([signals, context]);
      return new Promise<void>((resolve) => (release = resolve));
    };
    await panel.write(frame({}));
    await eventually(() => expect(handed).toHaveLength(1));
    panel.end();
    await panel.closed();
    release();
    onSignals = async () => undefined;
    const next = await tcpPanel();
    await next.write(frame({ sequence: '0002', data: '#1234|Nri1/BH01' }));
    expect(text(await next.nextReply())).toBe('\nD6730014"ACK"0002R1L1#1234[]\r');
  });

  it('closes a connection that stays idle', async () => {
    await receiver.close();
    receiver = await start({ idleTimeoutMs: 50 });
    const panel = await tcpPanel();
    await panel.closed();
    expect(panel.socket.destroyed).toBe(true);
  });

  it('stops cleanly on close(): open connections drop and the port refuses new ones', async () => {
    const panel = await tcpPanel();
    const port = receiver.ports.tcp as number;
    await receiver.close();
    await panel.closed();
    const refused = await new Promise<string>((resolve) => connect(port, '127.0.0.1').once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')));
    expect(refused).toBe('ECONNREFUSED');
  });
});
