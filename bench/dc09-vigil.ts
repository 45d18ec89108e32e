import { drivePanels } from './dc09-panels';
import { StartedVigil } from './start-vigil';
import { Dc09Result, Dc09Workload } from './workload';

const REGISTRATIONS_IN_FLIGHT = 8;

/** The account an operator would register for each bench panel. */
function accountBody(account: string): string {
  return JSON.stringify({ partnerId: 'north-herts', site: `Boots ${account}`, address: '12 High Street, Hitchin', zones: { '3': 'Rear door' } });
}

/**
 * Vigil's DC-09 receiver over TCP: registers one account per panel over the REST API, checks
 * the register lists them all, then drives the receiver with the panel client. Each ACK
 * follows the account lookup in Postgres and the JetStream publish of the alarm's call.
 */
export async function runDc09Vigil(vigil: StartedVigil, accounts: readonly string[], workload: Dc09Workload): Promise<Dc09Result> {
  vigil.resetPeakRss();
  await registerAccounts(vigil, accounts);
  const result = await drivePanels(vigil.dc09.tcp, accounts, workload, { echo: true });
  return { ...result, peakRssMiB: vigil.peakRssMiB() };
}

async function registerAccounts(vigil: StartedVigil, accounts: readonly string[]): Promise<void> {
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
