/**
 * The dashboard as a person sees it: `npm start`'s process (demo feed on) in its own namespace and
 * database, Debian's headless Chromium opening the printed link, incidents arriving in the table.
 * Prints the plain "N passed, N failed" line CI reads. Run with `npm run test:browser`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createTestEnvironment } from '../support/test-environment';

const ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOT = join(ROOT, '.bench', 'dashboard.png');

async function main(): Promise<void> {
  const env = await createTestEnvironment('browser');
  const vigil = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'embedded', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env.env, VIGIL_HTTP_PORT: '0', VIGIL_DEMO: 'on', VIGIL_DEMO_INTERVAL_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const failures: string[] = [];
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
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
    await page.goto(url);
    await page.waitForSelector('#status.live', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('#incidents tbody tr').length >= 3, undefined, { timeout: 30_000 });
    const before = await page.locator('#incidents tbody tr').count();
    await page.waitForFunction((n) => document.querySelectorAll('#incidents tbody tr').length > n, before, { timeout: 30_000 });
    await page.waitForSelector('#sources .source.up', { timeout: 15_000 });
    const sources = await page.locator('#sources').innerText();
    if (!/airwave demo-airwave up/.test(sources)) failures.push(`sources strip does not show the demo Airwave gateway up: ${sources}`);
    const firstRow = await page.locator('#incidents tbody tr').first().innerText();
    if (!/VIG-\d{4}-\d{6}/.test(firstRow)) failures.push(`first row has no incident reference: ${firstRow}`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`dashboard showed ${await page.locator('#incidents tbody tr').count()} incidents arriving live; screenshot ${SCREENSHOT}`);
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await browser?.close();
    vigil.kill('SIGTERM');
    await new Promise((resolve) => vigil.once('exit', resolve));
    await env.dispose();
  }
  failures.forEach((f) => console.error(`FAILED: ${f}`));
  console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
