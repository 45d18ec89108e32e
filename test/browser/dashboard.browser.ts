/**
 * The dashboard as a person sees it: `npm start`'s process (demo feed on) in its own namespace and
 * database, Debian's headless Chromium opening the printed link, incidents arriving in the table;
 * then a page opened after more incidents than the replay limit follows `snapshot:required`, then
 * sessions whose token has expired or expires while open. Prints the plain "N passed, N failed"
 * line CI reads. Run with `npm run test:browser`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { signToken } from '@vigil/auth';
import { eventually } from '../support/eventually';
import { sql } from '../support/sql';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOT = join(ROOT, '.bench', 'dashboard.png');
const EXPIRED_SCREENSHOT = join(ROOT, '.bench', 'dashboard-session-expired.png');
const SNAPSHOT_SCREENSHOT = join(ROOT, '.bench', 'dashboard-snapshot.png');
/** Tiny, so that a page opened after a few seconds of the demo feed has missed more than a replay gives. */
const REPLAY_LIMIT = 5;

/**
 * A page that connects when the stream holds more than the replay limit is told `snapshot:required`:
 * it must load every incident from GET /api/incidents (paged), show them, and then go on live.
 */
async function followsSnapshotRequired(browser: Browser, url: string, env: TestEnvironment): Promise<string[]> {
  const failures: string[] = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const snapshotRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/incidents') snapshotRequests.push(request.url());
  });
  try {
    const stored = await eventually(
      async () => {
        const [{ n }] = await sql<{ n: number }>(env.databaseUrl, 'SELECT count(*)::int AS n FROM triage.incident');
        if (n <= REPLAY_LIMIT + 2) throw new Error(`only ${n} incidents so far`);
        return n;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length >= n, stored, { timeout: 15_000 });
    if (!snapshotRequests.some((u) => /limit=500&offset=0/.test(u))) failures.push(`no snapshot was loaded from /api/incidents: ${snapshotRequests.join(', ') || 'no request'}`);
    await page.waitForSelector('#status.live', { timeout: 15_000 });
    const afterSnapshot = await page.locator('#board tbody tr').count();
    await page.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length > n, afterSnapshot, { timeout: 30_000 });
    const references = await page.locator('#board tbody tr td.reference').allInnerTexts();
    if (new Set(references).size !== references.length) failures.push('an incident is shown twice after the snapshot and the stream');
    await page.screenshot({ path: SNAPSHOT_SCREENSHOT });
    console.log(`a page ${stored} incidents behind loaded the snapshot and went on live (${references.length} rows); screenshot ${SNAPSHOT_SCREENSHOT}`);
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await page.close();
  }
  return failures.map((f) => `snapshot:required: ${f}`);
}

/**
 * A police page whose token expires after `ttlSeconds` (at once when negative) must say so and go
 * quiet: no more polling of /api, no socket.io reconnects, however long it then stays open
 * (the page's clock is run a minute ahead instead of waiting a minute).
 */
async function sessionEndsWithToken(browser: Browser, origin: string, secret: string, ttlSeconds: number): Promise<string[]> {
  const failures: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 500 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (/\/(api|socket\.io)\//.test(new URL(request.url()).pathname)) requests.push(request.url());
  });
  try {
    await page.clock.install();
    await page.goto(`${origin}/?token=${signToken({ subject: 'pc-expiring', role: 'police' }, secret, ttlSeconds)}`);
    if (ttlSeconds > 0) await page.waitForSelector('#status.live', { timeout: 15_000 });
    await page.waitForFunction(() => /Session expired — sign in again/.test(document.getElementById('notice')!.textContent ?? ''), undefined, {
      timeout: 15_000 + Math.max(ttlSeconds, 0) * 1000,
    });
    const status = await page.locator('#status').innerText();
    if (status !== 'signed out') failures.push(`status after expiry is "${status}", not "signed out"`);
    if (await page.getByText('cannot reach Vigil').isVisible()) failures.push('the page says "cannot reach Vigil" for an expired session');
    if (await page.getByText('Refused messages: none').isVisible()) failures.push('the page claims "Refused messages: none" for an expired session');
    const before = requests.length;
    await page.clock.runFor(60_000);
    if (requests.length > before) failures.push(`signed-out page still asked Vigil: ${requests.slice(before).join(', ')}`);
    if (ttlSeconds > 0) await page.screenshot({ path: EXPIRED_SCREENSHOT });
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await context.close();
  }
  return failures.map((f) => `token with ttl ${ttlSeconds} s: ${f}`);
}

async function main(): Promise<void> {
  const env = await createTestEnvironment('browser');
  const vigil = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'embedded', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env.env, VIGIL_HTTP_PORT: '0', VIGIL_DEMO: 'on', VIGIL_DEMO_INTERVAL_MS: '300', VIGIL_DASHBOARD_REPLAY_LIMIT: String(REPLAY_LIMIT) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const failures: string[] = [];
  let passed = 0;
  let browser: Browser | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no dashboard URL printed in 60 s:\n${output}`)), 60_000);
      vigil.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Dashboard: (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      vigil.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      vigil.once('exit', (code) => reject(new Error(`vigil exited with ${code}:\n${output}`)));
    });

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(url);
    await page.waitForSelector('#status.live', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length >= 3, undefined, { timeout: 30_000 });
    const before = await page.locator('#board tbody tr').count();
    await page.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length > n, before, { timeout: 30_000 });
    await page.waitForSelector('#sources .source.up', { timeout: 15_000 });
    const sources = await page.locator('#sources').innerText();
    if (!/airwave demo-airwave up/.test(sources)) failures.push(`sources strip does not show the demo Airwave gateway up: ${sources}`);
    const firstRow = await page.locator('#board tbody tr').first().innerText();
    if (!/VIG-\d{4}-\d{6}/.test(firstRow)) failures.push(`first row has no incident reference: ${firstRow}`);
    if (blocked.length > 0) failures.push(`the security headers' CSP blocked part of the page: ${blocked.join('; ')}`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`dashboard showed ${await page.locator('#board tbody tr').count()} incidents arriving live; screenshot ${SCREENSHOT}`);
    if (failures.length === 0) passed += 1;
    const snapshot = await followsSnapshotRequired(browser, url, env);
    failures.push(...snapshot);
    if (snapshot.length === 0) passed += 1;
    for (const ttlSeconds of [-60, 10]) {
      const expired = await sessionEndsWithToken(browser, new URL(url).origin, env.platform.authSecret, ttlSeconds);
      failures.push(...expired);
      if (expired.length === 0) passed += 1;
    }
    console.log(`expired sessions ask to sign in again and stop asking Vigil; screenshot ${EXPIRED_SCREENSHOT}`);
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await browser?.close();
    vigil.kill('SIGTERM');
    await new Promise((resolve) => vigil.once('exit', resolve));
    await env.dispose();
  }
  failures.forEach((f) => console.error(`FAILED: ${f}`));
  console.log(`${passed} passed, ${4 - passed} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
