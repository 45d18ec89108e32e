import { buildFrame, parseReply } from '../apps/ingest/src/alarms';
import { TcpPanel } from '../apps/ingest/src/alarms/testing/panel-clients';
import { summarise } from './stats';
import { Dc09Result, Dc09Workload } from './workload';

const NON_ACK_SAMPLES = 5;
const FIRST_ACCOUNT = 0xb000;

/** The bench's panel accounts: 4 hex digits each, one per panel. */
export function benchAccounts(workload: Dc09Workload): string[] {
  return Array.from({ length: workload.panels }, (_, i) => (FIRST_ACCOUNT + i).toString(16).toUpperCase());
}

/** How the client judges a reply. */
export interface ReplyCheck {
  /** Whether each ACK must echo the frame's sequence and account, as DC-09 requires of a receiver. */
  echo: boolean;
}

/** Tallies of one panel's exchanges. */
interface Tally {
  latencies: number[];
  nonAcks: number;
  unechoed: number;
  samples: string[];
}

/**
 * Drives a receiver as a fleet of panels would: one TCP connection per account, each panel
 * sending one SIA-DCS burglary signal and waiting for its reply before the next, with an
 * incrementing sequence number and a different zone each time. The warm-up round runs first
 * on every panel; throughput counts only the measured round, which all panels start together.
 */
export async function drivePanels(port: number, accounts: readonly string[], workload: Dc09Workload, check: ReplyCheck): Promise<Dc09Result> {
  const panels = await Promise.all(accounts.map(() => TcpPanel.connect(port)));
  const tally: Tally = { latencies: [], nonAcks: 0, unechoed: 0, samples: [] };
  try {
    const round = (first: number, count: number, measured: boolean) =>
      Promise.all(panels.map((panel, i) => sendSignals(panel, accounts[i], first, count, measured, workload, check, tally)));
    await round(1, workload.warmupPerPanel, false);
    const start = performance.now();
    await round(1 + workload.warmupPerPanel, workload.signalsPerPanel, true);
    const seconds = (performance.now() - start) / 1000;
    const signals = panels.length * workload.signalsPerPanel;
    return {
      signals,
      seconds,
      signalsPerSecond: signals / seconds,
      ackLatency: summarise(tally.latencies),
      nonAcks: tally.nonAcks,
      unechoed: tally.unechoed,
      nonAckSamples: tally.samples,
    };
  } finally {
    panels.forEach((panel) => panel.end());
  }
}

async function sendSignals(
  panel: TcpPanel,
  account: string,
  first: number,
  count: number,
  measured: boolean,
  workload: Dc09Workload,
  check: ReplyCheck,
  tally: Tally,
): Promise<void> {
  for (let seq = first; seq < first + count; seq++) {
    const sequence = String(seq).padStart(4, '0');
    const frame = buildFrame({ id: 'SIA-DCS', sequence, receiver: '1', line: '1', account, data: `#${account}|Nri1/BA${seq}`, timestamp: new Date() });
    const sentAt = performance.now();
    await panel.write(frame);
    const reply = await withTimeout(panel.nextReply(), workload.replyTimeoutMs, `account ${account} sequence ${sequence}`);
    const parsed = parseReply(reply);
    const latency = performance.now() - sentAt;
    if (!parsed.ok || parsed.reply.id !== 'ACK') {
      tally.nonAcks++;
      if (tally.samples.length < NON_ACK_SAMPLES) tally.samples.push(`${account}/${sequence}: ${reply.toString('latin1').trim()}`);
      continue;
    }
    if (check.echo && (parsed.reply.sequence !== sequence || parsed.reply.account !== account)) tally.unechoed++;
    if (measured) tally.latencies.push(latency);
  }
}

// A panel whose ACK never comes would resend; the bench cannot tell that from a lost alarm, so it stops.
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no DC-09 reply within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
