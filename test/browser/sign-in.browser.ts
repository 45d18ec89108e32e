/**
 * Sign-in as a council officer sees it: `npm start`'s process with OpenID Connect configured
 * against a real test provider (oidc-provider), Debian's headless Chromium pressing "Sign in",
 * typing into the provider's login page, consenting, and landing on the board with a partner
 * session that shows only that council's incidents; then "Sign out". Screenshots in .bench/.
 * Prints the plain "N passed, N failed" line CI reads. Run with `npm run test:browser:sign-in`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { freePort } from '../support/free-port';
import { startTestOpenIdProvider } from '../support/openid-provider';
import { createTestEnvironment } from '../support/test-environment';

const ROOT = join(__dirname, '..', '..', '..');
const SHOTS = join(ROOT, '.bench');

/** Presses "Sign in" on the board, then fills and submits the provider's login and consent pages. */
async function signInAtProvider(page: Page, login: string, screenshot?: string): Promise<void> {
  await page.click('#sign-in a', { timeout: 15_000 });
  await page.fill('input[name="login"]', login, { timeout: 15_000 });
  await page.fill('input[name="password"]', 'any password');
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.click('button[type="submit"]');
  await page.click('button[type="submit"]:has-text("Continue")', { timeout: 15_000 });
}

async function main(): Promise<void> {
  const env = await createTestEnvironment('signinbrowser');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await startTestOpenIdProvider(`${base}/auth/callback`, {
    'jo.north-herts': { groups: ['nhdc-cctv-viewers'] },
    visitor: { groups: ['all-staff'] },
  });
  const vigil = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'embedded', 'src', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      ...env.env,
      VIGIL_HTTP_PORT: String(port),
      VIGIL_DEMO: 'on',
      VIGIL_DEMO_INTERVAL_MS: '200',
      VIGIL_OIDC_ISSUER: idp.issuer,
      VIGIL_OIDC_CLIENT_ID: idp.clientId,
      VIGIL_OIDC_CLIENT_SECRET: idp.clientSecret,
      VIGIL_OIDC_REDIRECT_URL: `${base}/auth/callback`,
      VIGIL_OIDC_SCOPES: 'openid profile groups',
      VIGIL_OIDC_ROLE_MAP: JSON.stringify({ roles: [{ value: 'nhdc-cctv-viewers', role: 'partner', partner: 'north-herts' }] }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const failures: string[] = [];
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vigil did not start in 60 s:\n${output}`)), 60_000);
      vigil.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Dashboard: ')) {
          clearTimeout(timer);
          resolve();
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
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${base}/`);
    await page.waitForSelector('#sign-in a', { state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'sign-in-1-button.png') });
    if (await page.locator('#sign-out').isVisible()) failures.push('a page without a session offers to sign out');
    await signInAtProvider(page, 'jo.north-herts', join(SHOTS, 'sign-in-2-provider.png'));
    await page.waitForSelector('#status.live', { timeout: 15_000 });
    if (page.url() !== `${base}/`) failures.push(`the token stayed in the address bar: ${page.url()}`);
    const who = await page.locator('#who').innerText();
    if (who !== 'jo.north-herts · partner · north-herts') failures.push(`signed in as "${who}"`);
    await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length >= 2, undefined, { timeout: 60_000 });
    const partners = await page.locator('#board tbody tr td.partner').allInnerTexts();
    if (partners.some((p) => p !== 'north-herts')) failures.push(`a partner session saw other partners' incidents: ${partners.join(', ')}`);
    await page.screenshot({ path: join(SHOTS, 'sign-in-3-board.png') });
    if (!(await page.locator('#sign-out').isVisible())) failures.push('a signed-in page offers no way to sign out');
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in a', { state: 'visible', timeout: 15_000 });
    if ((await page.evaluate(() => sessionStorage.getItem('vigil.token'))) !== null) failures.push('sign out left the session token behind');

    const stranger = await (await browser.newContext({ viewport: { width: 1000, height: 400 } })).newPage();
    await stranger.goto(`${base}/`);
    await signInAtProvider(stranger, 'visitor');
    const refusal = await stranger.locator('#sign-in-problem').innerText({ timeout: 15_000 });
    if (!refusal.startsWith('Your account has no Vigil role.')) failures.push(`an account in no Vigil group read: ${refusal}`);
    await stranger.screenshot({ path: join(SHOTS, 'sign-in-4-refused.png') });
    console.log(`signed in through the provider as ${who}, saw ${partners.length} north-herts incidents, signed out; screenshots in ${SHOTS}`);
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await browser?.close();
    vigil.kill('SIGTERM');
    await new Promise((resolve) => vigil.once('exit', resolve));
    await idp.close();
    await env.dispose();
  }
  failures.forEach((f) => console.error(`FAILED: ${f}`));
  console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
