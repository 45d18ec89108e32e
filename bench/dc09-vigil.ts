import { drivePanels } from './dc09-panels';
import { StartedIngest } from './start-ingest';
import { Dc09Result, Dc09Workload } from './workload';

const REGISTRATIONS_IN_FLIGHT = 8;

/** The account an operator would register for each bench panel. */
function accountBody(account: string): string {
  return JSON.stringify({ partnerId: 'north-herts', site: `Boots ${account}`, address: '12 High Street, Hitchin', zones: { '3': 'Rear door' } });
}

/**
 * Vigil's DC-09 receiver over TCP, in ingest running as its own process: registers one account
 * per panel over the REST API, checks the register lists them all, then drives the receiver
 * with the panel client. Each ACK follows the account lookup (cached) and the JetStream publish
 * of the alarm's call.
 */
export async function runDc09Vigil(vigil: StartedIngest, accounts: readonly string[], workload: Dc09Workload): Promise<Dc09Result> {
  vigil.resetPeakRss();
  await registerAccounts(vigil, accounts);
  const cpuBefore = vigil.cpuMs();
  const result = await drivePanels(vigil.dc09.tcp, accounts, workload, { echo: true });
  const sent = accounts.length * (workload.warmupPerPanel + workload.signalsPerPanel);
  return { ...result, peakRssMiB: vigil.peakRssMiB(), cpuMsPerSignal: (vigil.cpuMs() - cpuBefore) / sent };
}

async function registerAccounts(vigil: StartedIngest, accounts: readonly string[]): Promise<void> {
  const headers = { Authorization: `Bearer ${vigil.policeToken}`, 'Content-Type': 'application/json' };
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const response = await fetch(`${vigil.baseUrl}/api/alarm-accounts/${account}`, { method: 'PUT', headers, body: accountBody(account) });
      if (!response.ok) throw new Error(`registering alarm account ${account}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: REGISTRATIONS_IN_FLIGHT }, worker));

  const listed = await fetch(`${vigil.baseUrl}/api/alarm-accounts`, { headers });
  if (!listed.ok) throw new Error(`listing alarm accounts: ${listed.status} ${await listed.text()}`);
  const known = new Set(((await listed.json()) as Array<{ account: string }>).map((row) => row.account));
  const missing = accounts.filter((account) => !known.has(account));
  if (missing.length > 0) throw new Error(`alarm accounts not registered: ${missing.join(', ')}`);
}
