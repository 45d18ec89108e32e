import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { connect } from 'nats';
import { Principal, signToken } from '@vigil/auth';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import type { NotificationPushed } from '@vigil/contracts';
import { createTestEnvironment } from '../support/test-environment';

const ROOT = join(__dirname, '..', '..', '..');

/** Viewports the console is checked at: a control-room desktop and a police handheld. */
export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** What a console browser test works with: `npm start`'s process, Debian's Chromium, tokens and calls. */
export interface ConsoleHarness {
  origin: string;
  token(principal: Principal): string;
  /** Enters a call through POST /api/calls as a control-room operator does; triage opens or joins an incident. */
  enterCall(call: { text: string; town?: string; category: string; emergency?: boolean; cameraId?: string }): Promise<void>;
  /**
   * A new page (own context) signed in with `token`, once its feed is live; `initScript` runs before
   * the console's own scripts; `live: false` is for a role whose console opens no feed (a contractor).
   */
  openConsole(token: string, options?: { viewport?: { width: number; height: number }; initScript?: () => void; live?: boolean }): Promise<Page>;
  /** Publishes a notification on notification.<audience> as notify's socket channel does; the dashboard pushes it to that audience's consoles. */
  pushNotification(notification: NotificationPushed): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the embedded Vigil (demo feed off, so the test decides every incident) in its own
 * namespace and database, and headless Chromium; resolves once the dashboard URL is printed.
 */
export async function startConsoleHarness(name: string): Promise<ConsoleHarness> {
  const env = await createTestEnvironment(name);
  const nc = await connect({ servers: env.natsUrl });
  const ns = new BusNamespace(env.namespace);
  // NOTIFICATIONS as notify provisions it when it starts, so the dashboard follows it from the start.
  await provisionStreams(await nc.jetstreamManager(), ns, [STREAMS.notifications]);
  const notify = new EventPublisher(nc.jetstream(), ns, '/vigil/notify');
  const vigil = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'embedded', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env.env, VIGIL_HTTP_PORT: '0', VIGIL_DEMO: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (vigil.exitCode === null) {
      vigil.kill('SIGTERM');
      await new Promise((resolve) => vigil.once('exit', resolve));
    }
    await nc.close();
    await env.dispose();
  };
  try {
    const origin = await dashboardOrigin(vigil);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const token = (principal: Principal) => signToken(principal, env.platform.authSecret, 3600);
    const operator = token({ subject: 'op-calls', role: 'operator' });
    return {
      origin,
      token,
      close,
      enterCall: async ({ text, town, category, emergency = false, cameraId }) => {
        const response = await fetch(`${origin}/api/calls`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ source: 'Controller', text, town, category, emergency, cameraId }),
        });
        if (response.status !== 201) throw new Error(`POST /api/calls answered ${response.status}: ${await response.text()}`);
      },
      pushNotification: async (notification) => {
        await notify.publish('notificationPushed', notification, { id: notification.deliveryId });
      },
      openConsole: async (as, { viewport = DESKTOP, initScript, live = true } = {}) => {
        const page = await (await browser!.newContext({ viewport })).newPage();
        if (initScript) await page.addInitScript(initScript);
        await page.goto(`${origin}/?token=${as}`);
        if (live) await page.waitForSelector('#status.live', { timeout: 15_000 });
        return page;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function dashboardOrigin(vigil: ReturnType<typeof spawn>): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no dashboard URL printed in 60 s:\n${output}`)), 60_000);
    vigil.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Dashboard: (http:\/\/[^\s?]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]).origin);
      }
    });
    vigil.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    vigil.once('exit', (code) => reject(new Error(`vigil exited with ${code}:\n${output}`)));
  });
}

/** One named check of a browser test. */
export interface Scenario {
  name: string;
  /** What the scenario relies on that may not be built yet; its FAILED line names it. */
  needs?: string;
  run: () => Promise<void>;
}

/** Runs the scenarios in order, each on from where the last left the pages, and prints the "N passed, N failed" line CI reads. */
export async function runScenarios(scenarios: Scenario[], onFailure: (n: number) => Promise<void>): Promise<number> {
  let failed = 0;
  for (const [i, scenario] of scenarios.entries()) {
    try {
      await scenario.run();
      console.log(`ok: ${scenario.name}`);
    } catch (error) {
      failed += 1;
      console.error(`FAILED: ${scenario.name}${scenario.needs ? ` [needs ${scenario.needs}]` : ''}: ${(error as Error).message.split('\n').slice(0, 3).join(' | ')}`);
      await onFailure(i + 1).catch(() => undefined);
    }
  }
  console.log(`${scenarios.length - failed} passed, ${failed} failed`);
  return failed;
}

/**
 * Starts the harness, runs `test` (which returns its failed count) and closes the harness; exits 1
 * unless every scenario passed. A harness or page that cannot start counts as one failed scenario.
 */
export async function runConsoleTest(name: string, shots: string, test: (harness: ConsoleHarness) => Promise<number>): Promise<never> {
  let harness: ConsoleHarness | undefined;
  let failed = 1;
  try {
    harness = await startConsoleHarness(name);
    failed = await test(harness);
  } catch (error) {
    console.error(`FAILED: start: ${(error as Error).message}`);
    console.log('0 passed, 1 failed');
  } finally {
    await harness?.close();
  }
  console.log(`screenshots in ${shots}`);
  process.exit(failed === 0 ? 0 : 1);
}

/** Runs axe-core on the page; throws on a serious or critical violation, logs the lesser ones. */
export async function axeScan(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses an injected <script>.
  const axeSource = (await import('axe-core')).source;
  // Contrast is judged on the settled page: a row that just arrived fades from its highlight for 4 s,
  // and a colour caught halfway through says nothing about what the operator reads.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => ({ impact: v.impact, text: `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}` }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lesser = violations.filter((v) => !blocking.includes(v));
  if (lesser.length) console.log(`axe, ${what}, not blocking: ${lesser.map((v) => v.text).join('; ')}`);
  if (blocking.length) throw new Error(`${what}: ${blocking.map((v) => v.text).join('; ')}`);
}

/** The control is inside the viewport's width once scrolled to, and is what a tap at its centre would hit. */
export async function reachable(control: Locator, width: number): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  const name = (await control.innerText()).trim();
  if (!box || box.width < 1) throw new Error(`"${name}" is not shown`);
  if (box.x < 0 || box.x + box.width > width + 0.5) throw new Error(`"${name}" is cut off: x ${box.x}..${box.x + box.width} of ${width}`);
  if (box.height < 24) throw new Error(`"${name}" is ${box.height} px high: too small to tap`);
  const hit = await control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top === el || el.contains(top) ? '' : `${top?.tagName}.${top?.className}`;
  });
  if (hit) throw new Error(`"${name}" is covered by ${hit}`);
}
