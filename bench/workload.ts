import { AirwaveSds, TownlinkMemberCall } from '@vigil/contracts';
import { LatencySummary } from './stats';

/** What one bench target measured. */
export interface PhaseResult {
  /** Calls completed per second while sending as fast as the window allows. */
  callsPerSecond: number;
  burstLatency: LatencySummary;
  /** Latency at a steady rate well below capacity: what an operator feels. */
  steadyLatency: LatencySummary;
  /** Latency at a steady rate ten times that: a busy night, below the burst's rate. */
  busyLatency: LatencySummary;
  /** Peak resident memory of the Vigil process, when there is one. */
  peakRssMiB?: number;
  /** CPU time of the Vigil process per call over every phase (warm-up included), where measured. */
  cpuMsPerCall?: number;
}

/** The calls a bench run sends, the same for the baseline and for Vigil. */
export interface Workload {
  warmup: number;
  burst: number;
  window: number;
  steadyCount: number;
  steadyPerSecond: number;
  busyCount: number;
  busyPerSecond: number;
  /** An Airwave SDS; `gatewayId` defaults to the skeleton's gateway. */
  payload(messageId: string, gatewayId?: string): AirwaveSds;
  /** A Town Link member call carrying the same text. */
  townlinkPayload(messageId: string, gatewayId: string): TownlinkMemberCall;
}

const TOWNS = ['Hitchin', 'Stevenage Old Town', 'Borehamwood', 'Hertford', 'Royston', 'Potters Bar'];

/** A realistic SDS per message id; the id is echoed in the text so the dashboard side can find its send time. */
export function benchWorkload(overrides: Partial<Workload> = {}): Workload {
  const town = (messageId: string) => TOWNS[messageId.length % TOWNS.length];
  // Each call its own spot, 200 m or more from every other: triage's correlation looks for open
  // incidents nearby on every call (locks, spatial query) and, as on most of a real night, finds none.
  let calls = 0;
  const spot = () => {
    const n = calls++;
    return { lat: 51.6 + (n % 200) * 0.002, lon: -0.5 + (Math.floor(n / 200) % 200) * 0.003, accuracyM: 10 };
  };
  return {
    warmup: 300,
    burst: 3000,
    window: 200,
    steadyCount: 1000,
    steadyPerSecond: 100,
    busyCount: 3000,
    busyPerSecond: 1000,
    payload: (messageId, gatewayId = 'bench-gw') => ({
      gatewayId,
      messageId,
      occurredAt: new Date().toISOString(),
      callingIssi: 2260101,
      called: { kind: 'gssi', id: 9001 },
      location: spot(),
      text: `[${messageId}] Two males fighting, ${town(messageId)}`,
    }),
    townlinkPayload: (messageId, gatewayId) => ({
      gatewayId,
      messageId,
      occurredAt: new Date().toISOString(),
      scheme: 'Town Link',
      // A different shop each call, as over a night: thousands of calls from one member in minutes
      // would all join one incident, which measures that hot incident, not the adapter.
      memberId: `TL-${messageId}`,
      business: 'Boots',
      town: town(messageId),
      text: `[${messageId}] Shoplifter heading for the bus station`,
    }),
    ...overrides,
  };
}

/** Calls one run of the phases sends, warm-up included. */
export function callsPerRun(workload: Workload): number {
  return workload.warmup + workload.burst + workload.steadyCount + workload.busyCount;
}

/** What the DC-09 measurements send: every panel its own account and TCP connection, one frame in flight each. */
export interface Dc09Workload {
  panels: number;
  /** Measured signals per panel, after the warm-up. */
  signalsPerPanel: number;
  warmupPerPanel: number;
  /** No ACK within this long fails the run: a real panel would give up and resend. */
  replyTimeoutMs: number;
}

/** 50 panels × 60 signals, the default of `npm run bench`. */
export function benchDc09Workload(overrides: Partial<Dc09Workload> = {}): Dc09Workload {
  return { panels: 50, signalsPerPanel: 60, warmupPerPanel: 5, replyTimeoutMs: 10_000, ...overrides };
}

/** What one run of the 50-panel client measured against one receiver. */
export interface Dc09Result {
  /** Measured signals (warm-up excluded). */
  signals: number;
  seconds: number;
  signalsPerSecond: number;
  /** From writing a frame to having parsed its reply. */
  ackLatency: LatencySummary;
  /** Replies, warm-up included, that were not an ACK or could not be parsed. */
  nonAcks: number;
  /** ACKs that did not echo the frame's sequence and account (checked only where the server echoes). */
  unechoed: number;
  /** A few of the non-ACK replies as text, for the report. */
  nonAckSamples: string[];
  peakRssMiB?: number;
  /** CPU time the receiving process spent per signal, warm-up included (where the bench can read it). */
  cpuMsPerSignal?: number;
}
