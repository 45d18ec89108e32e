import { AlertTarget, burst, BurstFigures, NotifyWorkload, pacedPhase, phaseKeys, warmUp } from './notify-phases';
import { startAlertmanager } from './start-alertmanager';
import { LatencySummary } from './stats';
import { startWebhookSink } from './webhook-sink';

/** Alertmanager in the pair: the same measures as notify, without a delivery log to check (it keeps none per delivery). */
export interface AlertmanagerNotifyResult {
  version: string;
  burst: BurstFigures;
  paced: { latency: LatencySummary; sentPerSecond: number; missing: number };
  /** Alerts the receiver got more than once (must be 0). */
  repeats: number;
  /** Webhook requests over the measured phases: Alertmanager may put several alerts in one. */
  requests: number;
  cpuMsPerAlert: number;
  peakRssMiB: number | undefined;
}

/** A Prometheus-style batch for the rate: 50 alerts a post, 4 posts in flight (the 200 alerts in flight notify gets). */
const BURST_BATCH = 50;
/** 1,000 alerts/s as 10 alerts every 10 ms. */
const PACED_BATCH = 10;

interface AlertmanagerWebhook {
  alerts: { labels: Record<string, string> }[];
}

/**
 * Alertmanager (clustering off, its own storage) given the same incidents as alerts over its API
 * v2, each its own group (`incident` label unique, grouped by `...`), delivering to the same kind
 * of receiver. Its webhook body carries a group's alerts: every alert in every body is counted.
 */
export async function runAlertmanagerNotify(workload: NotifyWorkload): Promise<AlertmanagerNotifyResult> {
  const sink = await startWebhookSink('/alertmanager', (body) => ({ ok: true, keys: (JSON.parse(body) as AlertmanagerWebhook).alerts.map((alert) => alert.labels.incident) }));
  const alertmanager = await startAlertmanager(sink.url);
  try {
    const target: AlertTarget = {
      sink,
      burstBatch: BURST_BATCH,
      pacedBatch: PACED_BATCH,
      send: async (keys) => {
        const startsAt = new Date().toISOString();
        const alerts = keys.map((incident) => ({
          labels: { alertname: 'IncidentOpened', incident, grade: '1', police: 'needed', partner: 'north-herts', category: 'Violence' },
          annotations: { summary: `Assault in progress (${incident})` },
          startsAt,
        }));
        const answer = await fetch(`${alertmanager.baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
        if (!answer.ok) throw new Error(`alertmanager refused ${keys.length} alerts: ${answer.status} ${await answer.text()}`);
      },
    };
    await warmUp(target, phaseKeys('warm', workload.warmup), workload);
    const requestsBefore = sink.counts().requests;
    const cpuBefore = alertmanager.cpuMs();
    const burstFigures = await burst(target, phaseKeys('burst', workload.burst), workload);
    const pacedKeys = phaseKeys('paced', workload.pacedPerSecond * workload.pacedSeconds);
    const paced = await pacedPhase(target, pacedKeys, workload);
    const { repeats, requests } = sink.counts();
    return {
      version: alertmanager.version,
      burst: burstFigures,
      paced: { latency: paced.latency, sentPerSecond: paced.sentPerSecond, missing: paced.missing },
      repeats,
      requests: requests - requestsBefore,
      cpuMsPerAlert: (alertmanager.cpuMs() - cpuBefore) / (workload.burst + pacedKeys.length),
      peakRssMiB: alertmanager.peakRssMiB(),
    };
  } finally {
    await alertmanager.stop();
    await sink.close();
  }
}
