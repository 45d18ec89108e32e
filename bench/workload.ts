import { AirwaveSds } from '@vigil/contracts';
import { LatencySummary } from './stats';

/** What one bench target measured. */
export interface PhaseResult {
  /** Calls completed per second while sending as fast as the window allows. */
  callsPerSecond: number;
  burstLatency: LatencySummary;
  /** Latency at a steady rate well below capacity: what an operator feels. */
  steadyLatency: LatencySummary;
  /** Peak resident memory of the Vigil process, when there is one. */
  peakRssMiB?: number;
}

/** The calls a bench run sends, the same for the baseline and for Vigil. */
export interface Workload {
  warmup: number;
  burst: number;
  window: number;
  steadyCount: number;
  steadyPerSecond: number;
  payload(messageId: string): AirwaveSds;
}

const TOWNS = ['Hitchin', 'Stevenage Old Town', 'Borehamwood', 'Hertford', 'Royston', 'Potters Bar'];

/** A realistic SDS per message id; the id is echoed in the text so the dashboard side can find its send time. */
export function benchWorkload(overrides: Partial<Workload> = {}): Workload {
  return {
    warmup: 300,
    burst: 3000,
    window: 200,
    steadyCount: 1000,
    steadyPerSecond: 100,
    payload: (messageId) => ({
      gatewayId: 'bench-gw',
      messageId,
      occurredAt: new Date().toISOString(),
      callingIssi: 2260101,
      called: { kind: 'gssi', id: 9001 },
      text: `[${messageId}] Fight outside the bus station, ${TOWNS[messageId.length % TOWNS.length]}`,
    }),
    ...overrides,
  };
}
