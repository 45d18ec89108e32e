/**
 * The console's notify screens, on `npm start`'s process and Debian's Chromium:
 *   1. the supervisor reads the rules in force, edits them (a refused config names its path; an edit
 *      of a version someone replaced meanwhile is refused as stale) and sees the new version and its author;
 *      an operator reads the same rules without an editor;
 *   2. an operator creates a silence (refused without a reason, nothing sent) and expires it;
 *   3. an incident's pane has a Notifications section, its escalation in plain words;
 *   4. a police dispatcher acknowledges an incident's alert from the console (the tray offers it too):
 *      at 390 px the line and the button fit, and the line says who acknowledged and what happens next;
 *   5. at 390 px the sections, the rules and the silence form fit and work; axe passes on each screen.
 * Screenshots go to /tmp/notify-console-shots/. Run with `npm run test:browser:notify-console`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { PARTNERSHIP_ROUTING } from '../../apps/notify/src/testing/routing-fixtures';
import { axeScan, ConsoleHarness, PHONE, reachable, runConsoleTest, runScenarios } from './console-harness';

const SHOTS = '/tmp/notify-console-shots';

async function main({ origin, token, enterCall, openConsole }: ConsoleHarness): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  const supervisor = token({ subject: 'sup-lee', role: 'supervisor' });
  const nightSupervisor = token({ subject: 'sup-night', role: 'supervisor' });
  const operator = token({ subject: 'op-7', role: 'operator' });
  const police = token({ subject: 'pc-1234', role: 'police' });
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  /** Puts rules as another supervisor would from elsewhere: the page must notice it is behind. */
  const putRules = async (config: object, expectedVersion: number, comment: string) => {
    const response = await fetch(`${origin}/api/notify/routing`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${nightSupervisor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ config, expectedVersion, comment }),
    });
    if (response.status !== 200) throw new Error(`PUT /api/notify/routing answered ${response.status}: ${await response.text()}`);
  };
  const section = async (p: Page, name: string) => {
    await p.getByRole('tab', { name }).click();
    await p.locator(`[role="tabpanel"]`).first().waitFor({ timeout: 5000 });
  };
  const ruleWait = (p: Page, rule: string) => p.locator(`li[data-rule="${rule}"] > .rule-settings .rule-group-wait`).first();
  /** The editor's JSON with one rule changed. */
  const editRule = async (p: Page, rule: string, change: object) => {
    const config = JSON.parse(await p.inputValue('#routing-config')) as { rules: { name: string }[] };
    config.rules = config.rules.map((r) => (r.name === rule ? { ...r, ...change } : r));
    await p.fill('#routing-config', JSON.stringify(config, null, 2));
  };

  const page = await openConsole(supervisor);
  const operatorPage = await openConsole(operator);
  // Open from the start: the tray is live only, and must be listening when notify pushes to the police.
  const policePage = await openConsole(police);
  const posted: string[] = [];
  operatorPage.on('request', (r) => r.method() === 'POST' && posted.push(new URL(r.url()).pathname));

  const scenarios = [
    {
      name: 'the supervisor edits the rules: a refused config names its path, a stale edit is refused, the saved one shows its version and author',
      run: async () => {
        await putRules(PARTNERSHIP_ROUTING, 0, 'first rules of the partnership');
        await section(page, 'Notification rules');
        await page.locator('#routing-version', { hasText: 'Version 1 by sup-night' }).waitFor({ timeout: 10_000 });
        const wait = (await ruleWait(page, 'police-incidents').innerText()).trim();
        if (wait !== '10s') throw new Error(`police-incidents shows group wait "${wait}", not 10s`);
        const inherited = (await ruleWait(page, 'faults').innerText()).trim();
        if (inherited !== '30s (inherited)') throw new Error(`faults shows group wait "${inherited}", not the inherited 30s`);
        await axeScan(page, 'notification rules');
        await shot(page, 'rules');

        await page.click('.routing-editor summary');
        await editRule(page, 'north-herts-incidents', { receiver: 'nobody' });
        await page.fill('#routing-comment', 'try a receiver that does not exist');
        await page.click('#routing-form button[type="submit"]');
        await page.locator('#routing-problem li', { hasText: /rules\[\d+\]\.receiver \(rule north-herts-incidents\)/ }).waitFor({ timeout: 10_000 });
        await shot(page, 'rules-refused');

        // Someone else saves meanwhile: this edit starts from version 1 and must not overwrite theirs.
        await putRules({ ...PARTNERSHIP_ROUTING, defaults: { ...PARTNERSHIP_ROUTING.defaults, repeatInterval: '3h' } }, 1, 'night shift: repeat every 3 h');
        await editRule(page, 'north-herts-incidents', { receiver: 'north-herts-duty' });
        await editRule(page, 'police-incidents', { groupWait: '20s' });
        await page.fill('#routing-comment', 'police want fewer, fuller messages');
        await page.click('#routing-form button[type="submit"]');
        await page.locator('#routing-problem', { hasText: 'someone changed the rules since you opened them' }).waitFor({ timeout: 10_000 });
        await shot(page, 'rules-stale');
        await page.getByRole('button', { name: 'Load the newest rules' }).click();
        await page.locator('#routing-version', { hasText: 'Version 2 by sup-night' }).waitFor({ timeout: 10_000 });

        if (!(await page.locator('.routing-editor').evaluate((d: HTMLDetailsElement) => d.open))) await page.click('.routing-editor summary');
        await editRule(page, 'police-incidents', { groupWait: '20s' });
        await page.fill('#routing-comment', 'police want fewer, fuller messages');
        await page.click('#routing-form button[type="submit"]');
        await page.locator('#routing-version', { hasText: 'Version 3 by sup-lee' }).waitFor({ timeout: 10_000 });
        await page.locator('#routing-version', { hasText: 'police want fewer, fuller messages' }).waitFor({ timeout: 5000 });
        const saved = (await ruleWait(page, 'police-incidents').innerText()).trim();
        if (saved !== '20s') throw new Error(`after the edit police-incidents shows group wait "${saved}"`);
        const history = await page.locator('.routing-history li').allInnerTexts();
        if (history.length !== 3 || !/Version 3 by sup-lee/.test(history[0]) || !/Version 1 by sup-night/.test(history[2])) throw new Error(`history: ${history.join(' | ')}`);
        await axeScan(page, 'notification rules after the edit');
        await shot(page, 'rules-saved');
      },
    },
    {
      name: 'an operator reads the same rules, without an editor',
      run: async () => {
        await section(operatorPage, 'Notification rules');
        await operatorPage.locator('#routing-version', { hasText: 'Version 3 by sup-lee' }).waitFor({ timeout: 10_000 });
        if ((await operatorPage.locator('.routing-editor').count()) !== 0) throw new Error('an operator is offered the rules editor');
      },
    },
    {
      name: 'an operator creates a silence (refused without a reason, nothing sent) and expires it',
      needs: 'notify silences REST (/api/notify/silences)',
      run: async () => {
        await section(operatorPage, 'Silences');
        await operatorPage.locator('#silence-form').waitFor({ timeout: 5000 });
        await operatorPage.selectOption('#silence-form select[name="label-0"]', 'site');
        await operatorPage.fill('#silence-form input[name="value-0"]', 'hitchin-cabinet-3');
        await operatorPage.check('#silence-form input[name="ends-in"][value="4h"]');
        const before = posted.length;
        await operatorPage.click('#silence-form button[type="submit"]');
        await operatorPage.locator('#comment-problem', { hasText: 'say why' }).waitFor({ timeout: 5000 });
        if (posted.length !== before) throw new Error(`a silence without a reason was sent: ${posted.slice(before).join(', ')}`);
        await operatorPage.fill('#silence-comment', 'cabinet rewiring tonight, cameras will flap');
        await operatorPage.click('#silence-form button[type="submit"]');
        const active = operatorPage.locator('.silence-group-active .silence', { hasText: 'site = hitchin-cabinet-3' });
        await active.waitFor({ timeout: 10_000 });
        if (!(await active.innerText()).includes('by op-7')) throw new Error(`the silence does not say who created it: ${await active.innerText()}`);
        await axeScan(operatorPage, 'silences');
        await shot(operatorPage, 'silence-active');
        await active.getByRole('button', { name: /Expire now/ }).click();
        await operatorPage.locator('.silence-group-expired .silence', { hasText: 'site = hitchin-cabinet-3' }).waitFor({ timeout: 10_000 });
        await active.waitFor({ state: 'detached', timeout: 5000 });
        await shot(operatorPage, 'silence-expired');
      },
    },
    {
      name: "an incident's pane has a Notifications section",
      run: async () => {
        const summary = 'two men fighting outside the Angel pub';
        // An emergency needs police at once: the rules send it to the police (their webhook's secret is not
        // configured here, so that delivery is kept as a dead letter, which the pane shows) and start the
        // police-then-supervisor escalation.
        await enterCall({ text: summary, town: 'Hitchin', category: 'Assault', emergency: true });
        await section(operatorPage, 'Incidents');
        await operatorPage.locator('#board tbody tr', { hasText: summary }).locator('button.open').click({ timeout: 15_000 });
        await operatorPage.locator('#pane .summary', { hasText: summary }).waitFor({ timeout: 5000 });
        await operatorPage.locator('#pane .delivery', { hasText: 'police' }).first().waitFor({ timeout: 15_000 });
        await operatorPage.locator('#pane #escalation-status', { hasText: /^Police control room told \d\d:\d\d\. Supervisor next at \d\d:\d\d unless acknowledged\.$/ }).waitFor({ timeout: 15_000 });
        await operatorPage.locator('#pane .notifications').scrollIntoViewIfNeeded();
        await operatorPage.locator('#pane .notifications').screenshot({ path: join(SHOTS, 'incident-escalating.png') });
        await operatorPage.click('#pane #acknowledge-alert');
        await operatorPage.locator('#pane #escalation-status', { hasText: /^Acknowledged by op-7 at \d\d:\d\d; escalates to Supervisor at \d\d:\d\d if not in progress by then\.$/ }).waitFor({ timeout: 10_000 });
        if ((await operatorPage.locator('#pane #acknowledge-alert').count()) !== 0) throw new Error('Acknowledge is still offered after acknowledging');
        await operatorPage.locator('#pane .notifications').scrollIntoViewIfNeeded();
        await axeScan(operatorPage, 'incident pane with notifications');
        await operatorPage.screenshot({ path: join(SHOTS, 'incident-notifications.png') });
        await operatorPage.keyboard.press('Escape');
      },
    },
    {
      name: "a police dispatcher acknowledges an incident's alert from the console at 390 px; the line says who and what next, on the phone and the desk",
      run: async () => {
        const summary = 'car driven at people on Bancroft';
        await enterCall({ text: summary, town: 'Hitchin', category: 'Assault', emergency: true });
        const line = (p: Page) => p.locator('#pane #escalation-status');
        const openPane = async (p: Page) => {
          await section(p, 'Incidents');
          await p.locator('#board tbody tr', { hasText: summary }).locator('button.open').click({ timeout: 15_000 });
          await p.locator('#pane .summary', { hasText: summary }).waitFor({ timeout: 5000 });
        };
        const escalating = /^Police control room told (\d\d:\d\d)\. Supervisor next at (\d\d:\d\d) unless acknowledged\.$/;
        await openPane(policePage);
        await line(policePage).filter({ hasText: escalating }).waitFor({ timeout: 15_000 });
        // The clock is London's: the time the police were told is the first delivery's, five minutes (the policy's first step) before the supervisor's.
        const [, toldAt, nextAt] = escalating.exec(await line(policePage).innerText())!;
        const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        if ((minutes(nextAt) - minutes(toldAt) + 1440) % 1440 !== 5) throw new Error(`told ${toldAt}, supervisor next at ${nextAt}: not the policy's 5 minutes`);
        const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date());
        if (Math.abs(minutes(london) - minutes(toldAt)) > 1 && Math.abs(minutes(london) - minutes(toldAt)) < 1439) throw new Error(`told at ${toldAt}, but it is ${london} in London`);
        if (!(await policePage.locator('#pane #acknowledge-alert').isVisible())) throw new Error('the police are not offered Acknowledge in the pane');
        // The tray offers it as well: notify pushed the alert to the police's consoles.
        const tray = policePage.locator('#notifications li.notified-alert', { hasText: summary });
        await tray.getByRole('button', { name: /^Acknowledge/ }).waitFor({ timeout: 15_000 });
        await policePage.locator('#pane .notifications').scrollIntoViewIfNeeded();
        await policePage.locator('#pane .notifications').screenshot({ path: join(SHOTS, 'police-pane-before.png') });

        const phone = await openConsole(police, { viewport: PHONE });
        await openPane(phone);
        await line(phone).filter({ hasText: escalating }).waitFor({ timeout: 15_000 });
        await fitsWidth(line(phone), PHONE.width);
        await reachable(phone.locator('#pane #acknowledge-alert'), PHONE.width);
        await noSidewaysScroll(phone);
        await phone.locator('#pane .notifications').screenshot({ path: join(SHOTS, 'phone-police-before.png') });
        // By keyboard, as on a handheld with a keyboard case.
        await phone.focus('#pane #acknowledge-alert');
        await phone.keyboard.press('Enter');
        const acknowledged = /^Acknowledged by pc-1234 at \d\d:\d\d; escalates to Supervisor at \d\d:\d\d if not in progress by then\.$/;
        await line(phone).filter({ hasText: acknowledged }).waitFor({ timeout: 10_000 });
        if (await phone.locator('#pane #acknowledge-alert').count()) throw new Error('Acknowledge is still offered to the police after acknowledging');
        if (await phone.locator('#pane .notifications .problem').count()) throw new Error(`the pane reports: ${await phone.locator('#pane .notifications .problem').innerText()}`);
        await fitsWidth(line(phone), PHONE.width);
        await noSidewaysScroll(phone);
        await axeScan(phone, "the police's pane at 390 px, acknowledged");
        await phone.locator('#pane .notifications').screenshot({ path: join(SHOTS, 'phone-police-after.png') });
        await phone.context().close();

        // The desk's pane asks again every 10 s: it comes to say the same.
        await line(policePage).filter({ hasText: acknowledged }).waitFor({ timeout: 15_000 });
        await policePage.locator('#pane .notifications').screenshot({ path: join(SHOTS, 'police-pane-after.png') });
        await policePage.keyboard.press('Escape');
      },
    },
    {
      name: 'at 390 px the sections, the rules and the silence form fit and work by keyboard',
      run: async () => {
        const phone = await openConsole(operator, { viewport: PHONE });
        for (const name of ['Incidents', 'Silences', 'Notification rules']) await reachable(phone.getByRole('tab', { name }), PHONE.width);
        await section(phone, 'Notification rules');
        await phone.locator('#routing-version', { hasText: 'Version 3' }).waitFor({ timeout: 10_000 });
        await noSidewaysScroll(phone);
        await axeScan(phone, 'notification rules at 390 px');
        await shot(phone, 'phone-rules');
        await section(phone, 'Silences');
        await phone.locator('#silence-form').waitFor({ timeout: 5000 });
        await noSidewaysScroll(phone);
        // Keyboard only: from the value field, Tab reaches the submit button.
        await phone.focus('#silence-form input[name="value-0"]');
        let onSubmit = false;
        for (let presses = 0; presses < 15 && !onSubmit; presses += 1) {
          await phone.keyboard.press('Tab');
          onSubmit = await phone.evaluate(() => document.activeElement?.matches('#silence-form button[type="submit"]') ?? false);
        }
        if (!onSubmit) throw new Error('Tab from the value field never reached "Create silence"');
        await reachable(phone.locator('#silence-form button[type="submit"]'), PHONE.width);
        await axeScan(phone, 'silences at 390 px');
        await shot(phone, 'phone-silences');
        await phone.context().close();
      },
    },
  ];

  return runScenarios(scenarios, async (n) => {
    await shot(page, `failed-${n}-supervisor`);
    await shot(operatorPage, `failed-${n}-operator`);
    await shot(policePage, `failed-${n}-police`);
  });
}

/** A block of text wholly inside the viewport's width, and not clipped: every word can be read. */
async function fitsWidth(text: Locator, width: number): Promise<void> {
  await text.scrollIntoViewIfNeeded();
  const box = await text.boundingBox();
  if (!box || box.x < 0 || box.x + box.width > width + 0.5) throw new Error(`"${await text.innerText()}" runs outside the ${width} px screen (${JSON.stringify(box)})`);
  const clipped = await text.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  if (clipped) throw new Error(`"${await text.innerText()}" is clipped`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (widths.scroll > widths.client) throw new Error(`the page scrolls sideways (${widths.scroll} > ${widths.client})`);
}

void runConsoleTest('notifyconsole', SHOTS, main);
