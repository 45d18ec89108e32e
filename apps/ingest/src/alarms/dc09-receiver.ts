import { Socket as UdpSocket } from 'dgram';
import { createServer, Server, Socket } from 'net';
import { AccountRegister } from './account-register';
import { PadSource } from './dc09/aes-cbc';
import { ClockWindow } from './dc09/clock-window';
import { UnknownCodePolicy } from './dc09/decide';
import { FrameHandler } from './frame-handler';
import { ReceiverCallbacks } from './receiver-types';
import { ResendWindow } from './resend-window';
import { LateAccount } from './supervision';
import { SupervisionMonitor } from './supervision-monitor';
import { serveConnection } from './tcp-connection';
import { bindUdp } from './udp-endpoint';

/** Runs `tick` every `ms` until the returned function is called; injectable so tests drive time. */
export type Timer = (ms: number, tick: () => void) => () => void;

const realTimer: Timer = (ms, tick) => {
  const handle = setInterval(tick, ms);
  handle.unref();
  return () => clearInterval(handle);
};

/** Configuration of a {@link Dc09Receiver}. Ports may be 0 (tests); null turns a transport off. */
export interface Dc09ReceiverOptions extends ReceiverCallbacks {
  register: AccountRegister;
  host?: string;
  tcpPort: number | null;
  udpPort: number | null;
  unknownCodePolicy?: UnknownCodePolicy;
  clockWindow?: ClockWindow;
  /** A connection silent this long is closed; default 120 s. */
  idleTimeoutMs?: number;
  /** A transmission heard again within this is a resend (one call); after it, a new signal. Default 5 min. */
  resendWindowMs?: number;
  maxFrameBytes?: number;
  maxConnections?: number;
  maxPendingFrames?: number;
  supervisionCheckMs?: number;
  supervisionGraceSeconds?: number;
  clock?: () => Date;
  timer?: Timer;
  pad?: PadSource;
}

/** The ports actually bound, once started. */
export interface BoundPorts {
  tcp?: number;
  udp?: number;
}

/** SIA DC-09 receiver on TCP and UDP: answers every frame, acknowledging only what the caller has taken. */
export class Dc09Receiver {
  private readonly clock: () => Date;
  private readonly monitor: SupervisionMonitor;
  private readonly handler: FrameHandler;
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private udp?: UdpSocket;
  private stopTimer?: () => void;
  private bound: BoundPorts = {};

  constructor(private readonly options: Dc09ReceiverOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.monitor = new SupervisionMonitor(
      options.register,
      this.clock(),
      { onLate: options.onSupervisionLate, onRestored: options.onSupervisionRestored, onError: options.onError },
      options.supervisionGraceSeconds,
    );
    this.handler = new FrameHandler({
      register: options.register,
      callbacks: options,
      monitor: this.monitor,
      resends: new ResendWindow(options.resendWindowMs ?? 300_000),
      clock: this.clock,
      decideOptions: {
        unknownCodePolicy: options.unknownCodePolicy ?? 'duh',
        clockWindow: options.clockWindow,
        pad: options.pad,
      },
    });
  }

  /** The bound ports (useful when 0 was asked for). */
  get ports(): BoundPorts {
    return { ...this.bound };
  }

  /** Binds the sockets and starts the supervision timer. */
  async start(): Promise<BoundPorts> {
    const host = this.options.host ?? '0.0.0.0';
    const maxFrameBytes = this.options.maxFrameBytes ?? 4096;
    if (this.options.tcpPort !== null) this.bound.tcp = await this.listenTcp(host, this.options.tcpPort, maxFrameBytes);
    if (this.options.udpPort !== null) {
      const limits = { maxFrameBytes, maxInFlight: this.options.maxPendingFrames ?? 256 };
      const onError = (error: Error): void => this.options.onError?.(error, 'udp socket');
      this.udp = await bindUdp(host, this.options.udpPort, this.handler, limits, this.clock, onError);
      this.bound.udp = this.udp.address().port;
    }
    const timer = this.options.timer ?? realTimer;
    this.stopTimer = timer(this.options.supervisionCheckMs ?? 30_000, () => void this.checkSupervision());
    return this.ports;
  }

  /** Supervised accounts overdue at `now`. */
  lateAccounts(now: Date = this.clock()): Promise<LateAccount[]> {
    return this.monitor.lateAccounts(now);
  }

  /** One supervision pass (the timer calls this); reports accounts going late or coming back. */
  async checkSupervision(): Promise<void> {
    try {
      await this.monitor.check(this.clock());
    } catch (error) {
      this.options.onError?.(error, 'supervision check');
    }
  }

  /** Stops listening, drops open connections and stops the timer. */
  async close(): Promise<void> {
    this.stopTimer?.();
    this.sockets.forEach((socket) => socket.destroy());
    const closing: Promise<void>[] = [];
    if (this.server) closing.push(new Promise((resolve) => this.server?.close(() => resolve())));
    if (this.udp) closing.push(new Promise((resolve) => this.udp?.close(() => resolve())));
    await Promise.all(closing);
    this.server = undefined;
    this.udp = undefined;
  }

  private async listenTcp(host: string, port: number, maxFrameBytes: number): Promise<number> {
    const limits = {
      maxFrameBytes,
      idleTimeoutMs: this.options.idleTimeoutMs ?? 120_000,
      maxPendingFrames: this.options.maxPendingFrames ?? 32,
    };
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      serveConnection(socket, this.handler, limits);
    });
    server.maxConnections = this.options.maxConnections ?? 1000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => this.options.onError?.(error, 'tcp server'));
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }
}
