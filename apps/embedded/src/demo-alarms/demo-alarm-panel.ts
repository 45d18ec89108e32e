import { connect } from 'node:net';
import { Logger } from '@nestjs/common';
import { signToken } from '@vigil/auth';
import { buildFrame, parseReply } from '../../../ingest/src/alarms';
import { FrameSplitter } from '../../../ingest/src/alarms/dc09/frame-splitter';
import { DEMO_ALARM_ACCOUNTS } from './demo-alarm-accounts';
import { DemoAlarmSignal, demoAlarmScene } from './demo-alarm-scenes';

/** Where the demo panels dial and register. */
export interface DemoAlarmPanelOptions {
  /** Vigil's own HTTP address, for registering the accounts. */
  apiUrl: string;
  /** The demo signing secret: the panels' installer signs in as a control-room operator. */
  authSecret: string;
  dc09TcpPort: number;
  /** Seconds between the starts of two scenes. */
  sceneEverySeconds: number;
}

/**
 * Alarm panels for the demo: registers their accounts, then dials the SIA DC-09 receiver over TCP
 * as a real panel does (one connection per signal, waiting for the receiver's ACK), playing
 * {@link demoAlarmScene}s in turn. Plain (unencrypted) frames: the demo has no installer keys.
 */
export class DemoAlarmPanel {
  private readonly logger = new Logger('DemoAlarms');
  private readonly timers = new Set<NodeJS.Timeout>();
  private sequence = 0;
  private scenes = 0;

  constructor(private readonly options: DemoAlarmPanelOptions) {}

  async start(): Promise<void> {
    await this.registerAccounts();
    const play = () => {
      for (const signal of demoAlarmScene(this.scenes++)) this.later(signal.afterSeconds, () => this.send(signal));
      this.later(this.options.sceneEverySeconds, play);
    };
    this.later(5, play);
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private later(seconds: number, run: () => unknown): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void Promise.resolve(run()).catch((error: Error) => this.logger.warn({ msg: 'demo alarm signal not delivered', error: error.message }));
    }, seconds * 1_000);
    this.timers.add(timer);
  }

  private async registerAccounts(): Promise<void> {
    const token = signToken({ subject: 'demo-alarm-installer', role: 'operator' }, this.options.authSecret, 300);
    for (const { account, ...details } of DEMO_ALARM_ACCOUNTS) {
      const response = await fetch(new URL(`api/alarm-accounts/${account}`, this.options.apiUrl), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(details),
      });
      if (!response.ok) throw new Error(`demo alarm account ${account} not registered: ${response.status} ${await response.text()}`);
    }
  }

  private async send({ account, code, zone }: DemoAlarmSignal): Promise<void> {
    this.sequence = (this.sequence % 9999) + 1;
    const frame = buildFrame({
      id: 'SIA-DCS',
      sequence: String(this.sequence).padStart(4, '0'),
      receiver: '1',
      line: '1',
      account,
      data: `#${account}|Nri1/${code}${zone}`,
      timestamp: new Date(),
    });
    const reply = parseReply(await this.exchange(frame));
    if (!reply.ok) throw new Error(reply.reason);
  }

  /** One TCP exchange: the frame out, the receiver's reply frame back. */
  private exchange(frame: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.options.dc09TcpPort, '127.0.0.1');
      const splitter = new FrameSplitter();
      socket.setTimeout(10_000, () => socket.destroy(new Error('no reply from the alarm receiver in 10 s')));
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        const reply = splitter.push(chunk).find((item) => item.kind === 'frame');
        if (!reply || reply.kind !== 'frame') return;
        socket.end();
        resolve(reply.bytes);
      });
      socket.on('connect', () => socket.write(frame));
    });
  }
}
