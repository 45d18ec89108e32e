import { connect } from 'nats';
import { createTestEnvironment } from '../test/support/test-environment';
import { sql } from '../test/support/sql';
import { AlertmanagerNotifyResult, runAlertmanagerNotify } from './notify-alertmanager';
import { NotifyWorkload } from './notify-phases';
import { runVigilNotify, VigilNotifyResult } from './notify-vigil';
import { ALERTMANAGER_BIN, alertmanagerInstalled } from './start-alertmanager';

/** The notify section's figures: Alertmanager's (or why it was skipped) and Vigil's, from one run. */
export interface NotifyResult {
  workload: NotifyWorkload;
  natsServerVersion: string;
  postgresVersion: string;
  alertmanager: AlertmanagerNotifyResult | { skipped: string };
  /** Notify's figures, or why it could not be measured (the run then fails after the report is written). */
  vigil: VigilNotifyResult | { failed: string };
}

/** Whether the baseline ran. */
export const alertmanagerRan = (result: NotifyResult['alertmanager']): result is AlertmanagerNotifyResult => !('skipped' in result);

/** Whether notify was measured. */
export const vigilMeasured = (result: NotifyResult['vigil']): result is VigilNotifyResult => !('failed' in result);

/**
 * Alertmanager first when installed (the baseline, on a machine nothing else of the bench loads),
 * then notify alone in its own process, in a namespace and database of its own: notify takes its
 * routing file only when no routing is stored, and a Vigil measured before would have stored one.
 */
export async function runNotifyPair(workload: NotifyWorkload): Promise<NotifyResult> {
  const alertmanager = alertmanagerInstalled()
    ? await runAlertmanagerNotify(workload)
    : { skipped: `${ALERTMANAGER_BIN} is not installed (Debian package prometheus-alertmanager)` };
  const env = await createTestEnvironment('benchnotify');
  try {
    await env.provisionStreams();
    // A notify that stops delivering is a finding for the report, not a reason to lose every other section's figures.
    const vigil = await runVigilNotify(env.env, env.natsUrl, env.namespace, env.databaseUrl, workload).catch((error: Error) => ({ failed: error.message }));
    return { workload, ...(await versions(env.natsUrl, env.databaseUrl)), alertmanager, vigil };
  } finally {
    await env.dispose();
  }
}

async function versions(natsUrl: string, databaseUrl: string): Promise<Pick<NotifyResult, 'natsServerVersion' | 'postgresVersion'>> {
  const nc = await connect({ servers: natsUrl, name: 'bench-versions' });
  const natsServerVersion = nc.info?.version ?? 'unknown';
  await nc.close();
  const [{ server_version }] = await sql<{ server_version: string }>(databaseUrl, 'SHOW server_version');
  return { natsServerVersion, postgresVersion: server_version };
}
