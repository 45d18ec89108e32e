/**
 * The operator console's commands and alerts, beside console.browser.ts (which covers the board,
 * axe, acknowledge/close and the stale edit). On `npm start`'s process and Debian's Chromium:
 *   1. a grade 1 flashes the tab title and icon; the tone plays only once the operator enabled sound;
 *   2. assign, re-grade and reclassify (each refused without a reason), a note, and a monitoring
 *      record (refused without a reason, saying so) each change the pane, the board and the timeline;
 *   3. merge and split move calls between incidents as they say;
 *   4. keyboard only (Tab, Enter, Esc, no shortcut keys): reach the board, open, acknowledge, close;
 *   5. at 390 px the pane's commands are on screen, not covered, and work;
 *   6. an incident relocated to another partner leaves the first partner's board and pane, with a notice.
 * Screenshots go to /tmp/console-shots/. Run with `npm run test:browser:console-commands`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ConsoleHarness, PHONE, reachable, runConsoleTest, runScenarios } from './console-harness';

const SHOTS = '/tmp/console-shots';
const ROWS = '#board tbody tr';

/** Counts what the grade 1 alert asks of the browser, installed before the console's scripts run. */
function countSounds(): void {
  const counts = { audioContexts: 0, tones: 0, mediaPlays: 0 };
  (window as unknown as { soundCounts: typeof counts }).soundCounts = counts;
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      counts.audioContexts += 1;
    }
  };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    counts.tones += 1;
    return start.call(this, when);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    counts.mediaPlays += 1;
    return play.call(this);
  };
}

async function main({ token, enterCall, openConsole }: ConsoleHarness): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  const operatorA = token({ subject: 'op-a', role: 'operator' });
  const operatorB = token({ subject: 'op-b', role: 'operator' });
  const partner = token({ subject: 'nh-viewer', role: 'partner', partnerId: 'north-herts' });
  const page = await openConsole(operatorA, { initScript: countSounds });
  const partnerPage = await openConsole(partner);
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  const row = (p: Page, summary: string) => p.locator(ROWS, { hasText: summary });
  const referenceOf = async (summary: string) => (await row(page, summary).locator('td.reference').innerText({ timeout: 15_000 })).trim();
  const openPane = async (p: Page, summary: string) => {
    await row(p, summary).locator('button.open').click({ timeout: 15_000 });
    await p.locator('#pane .summary', { hasText: summary }).waitFor({ timeout: 5000 });
  };
  const timelineHas = (p: Page, text: RegExp) => p.locator('#pane .timeline li', { hasText: text }).first().waitFor({ timeout: 10_000 });
  const unfold = (p: Page, form: string) => p.locator(`#${form}-details summary`).click();
  const sounds = () => page.evaluate(() => (window as unknown as { soundCounts: { audioContexts: number; tones: number; mediaPlays: number } }).soundCounts);
  /** Every POST a page sends: a refused form must send nothing. */
  const posted: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posted.push(new URL(r.url()).pathname));
  /** Submits a form with an empty reason: the browser must refuse it before anything is sent. */
  const refusedWithoutReason = async (form: string) => {
    const before = posted.length;
    await page.locator(`#${form} textarea[name="reason"]`).fill('');
    await page.click(`#${form} button[type="submit"]`);
    const message = await page.locator(`#${form} textarea[name="reason"]`).evaluate((el: HTMLTextAreaElement) => el.validationMessage);
    if (!message) throw new Error(`${form} has no validation message for an empty reason`);
    if (posted.length !== before) throw new Error(`${form} was sent without a reason: ${posted.slice(before).join(', ')}`);
  };

  const work = 'youths throwing bottles at passing cars';
  const scenarios = [
    {
      name: 'a grade 1 flashes the title and icon; the tone plays only after the operator enables sound',
      run: async () => {
        await enterCall({ text: 'man with a knife threatening people outside the library', town: 'Hitchin', category: 'Weapon', emergency: true });
        const first = await referenceOf('knife');
        await page.waitForFunction(
          (ref) => document.title.includes(`GRADE 1 ${ref}`) && (document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '').includes('%23d92d20'),
          first,
          { timeout: 10_000, polling: 50 },
        );
        await shot(page, 'grade-one-flash');
        if ((await sounds()).tones !== 0) throw new Error(`a tone played before sound was enabled: ${JSON.stringify(await sounds())}`);
        await page.click('#sound');
        if ((await page.getAttribute('#sound', 'aria-pressed')) !== 'true') throw new Error('the sound button does not say it is on');
        // The confirmation beep of the click itself.
        await page.waitForFunction(() => (window as unknown as { soundCounts: { tones: number } }).soundCounts.tones === 1, undefined, { timeout: 5000 });
        await enterCall({ text: 'panic alarm pressed by a shop assistant', town: 'Bushey', category: 'Assault', emergency: true });
        const second = await referenceOf('panic alarm');
        await page.waitForFunction((ref) => document.title.includes(`GRADE 1 ${ref}`), second, { timeout: 10_000, polling: 50 });
        await page.waitForFunction(() => (window as unknown as { soundCounts: { tones: number } }).soundCounts.tones === 2, undefined, { timeout: 5000 });
        const counts = await sounds();
        if (counts.audioContexts !== 1 || counts.mediaPlays !== 0) throw new Error(`expected one audio context and no media element: ${JSON.stringify(counts)}`);
      },
    },
    {
      name: 'assign, re-grade and reclassify (refused without a reason), a note, and monitoring (refused without a reason, saying so) each do what they say',
      run: async () => {
        await enterCall({ text: work, town: 'Stevenage Old Town', category: 'Anti Social Behaviour' });
        await openPane(page, work);

        await unfold(page, 'assign-form');
        await page.fill('#assign-form input[name="assignee"]', 'op-c');
        await page.click('#assign-form button[type="submit"]');
        await page.locator('#pane-assignee', { hasText: 'op-c' }).waitFor({ timeout: 10_000 });
        await row(page, work).locator('.assignee', { hasText: 'op-c' }).waitFor({ timeout: 5000 });
        await timelineHas(page, /assigned by op-a/);

        await unfold(page, 'regrade-form');
        await page.selectOption('#regrade-form select[name="grade"]', '2');
        await refusedWithoutReason('regrade-form');
        await page.fill('#regrade-reason', 'bottles now hitting cars');
        await page.click('#regrade-form button[type="submit"]');
        await page.locator('#pane-title .grade-2').waitFor({ timeout: 10_000 });
        await row(page, work).locator('.grade-2').waitFor({ timeout: 5000 });
        await timelineHas(page, /regraded by op-a — bottles now hitting cars/);

        await unfold(page, 'reclassify-form');
        await page.selectOption('#reclassify-form select[name="category"]', 'Criminal Damage');
        await refusedWithoutReason('reclassify-form');
        await page.fill('#reclassify-reason', 'damage to vehicles is the offence');
        await page.click('#reclassify-form button[type="submit"]');
        await page.locator('#pane strong', { hasText: 'Criminal Damage' }).first().waitFor({ timeout: 10_000 });
        await row(page, work).locator('td.category', { hasText: 'Criminal Damage' }).waitFor({ timeout: 5000 });
        await timelineHas(page, /reclassified by op-a — damage to vehicles is the offence/);

        await unfold(page, 'note-form');
        await page.fill('#note-form textarea[name="text"]', 'Two youths in grey hoodies, heading to the bus station');
        await page.click('#note-form button[type="submit"]');
        await timelineHas(page, /grey hoodies/);

        await unfold(page, 'monitoring-form');
        await page.fill('#monitoring-form input[name="subject"]', 'youth in grey hoodie');
        await refusedWithoutReason('monitoring-form');
        // Spaces pass the browser's own check; the console's says what is missing and sends nothing.
        const before = posted.length;
        await page.fill('#monitoring-reason', '   ');
        await page.click('#monitoring-form button[type="submit"]');
        const problem = await page.locator('#monitoring-form-problem').innerText({ timeout: 5000 });
        if (!/give a reason/.test(problem) || posted.length !== before) throw new Error(`monitoring without a reason: "${problem}", ${posted.length - before} sent`);
        await shot(page, 'monitoring-refused');
        await page.fill('#monitoring-reason', 'seen throwing bottles at cars');
        await page.click('#monitoring-form button[type="submit"]');
        await page.locator('#pane .monitoring li', { hasText: 'seen throwing bottles at cars' }).waitFor({ timeout: 10_000 });
        await timelineHas(page, /monitoring-recorded by op-a — seen throwing bottles at cars/);
        await shot(page, 'commands-done');
        await page.keyboard.press('Escape');
      },
    },
    {
      name: 'merge moves the calls into the other incident and closes this one; split takes a call out into a new incident',
      run: async () => {
        const keep = 'shoplifter leaving the Co-op with meat';
        const merged = 'store detective reports meat theft suspect';
        await enterCall({ text: keep, town: 'Hertford', category: 'Theft' });
        await enterCall({ text: merged, town: 'Ware Town Centre', category: 'Theft' });
        const into = await referenceOf(keep);
        await openPane(page, merged);
        await unfold(page, 'merge-form');
        await page.fill('#merge-form input[name="into"]', into);
        await page.fill('#merge-reason', 'same suspect, same theft');
        await page.click('#merge-form button[type="submit"]');
        await page.locator('#pane-status', { hasText: 'Closed' }).waitFor({ timeout: 10_000 });
        await row(page, merged).waitFor({ state: 'detached', timeout: 10_000 });
        await timelineHas(page, /merged by op-a — same suspect, same theft/);
        await page.keyboard.press('Escape');
        await openPane(page, keep);
        await page.locator('#pane .calls li', { hasText: merged }).waitFor({ timeout: 10_000 });
        await timelineHas(page, /merged by op-a — same suspect, same theft/);
        await shot(page, 'merged');

        // Split it back out: the call leaves for an incident of its own.
        await unfold(page, 'split-form');
        const option = await page.locator('#split-form select[name="callKey"] option', { hasText: merged.slice(0, 30) }).getAttribute('value');
        await page.selectOption('#split-form select[name="callKey"]', option!);
        await page.fill('#split-reason', 'different suspect after all');
        await page.click('#split-form button[type="submit"]');
        await timelineHas(page, /call-split-out by op-a — different suspect after all/);
        await page.locator('#pane .calls li', { hasText: merged }).waitFor({ state: 'detached', timeout: 10_000 });
        await row(page, merged).waitFor({ timeout: 10_000 });
        await page.keyboard.press('Escape');
      },
    },
    {
      name: 'keyboard only: Tab reaches the board, Enter opens, the pane acknowledges, Esc closes and returns to the row',
      run: async () => {
        const keyboard = await openConsole(operatorB);
        await keyboard.waitForSelector(`${ROWS} button.open`);
        let onBoard = false;
        for (let presses = 0; presses < 60 && !onBoard; presses += 1) {
          await keyboard.keyboard.press('Tab');
          onBoard = await keyboard.evaluate(() => !!document.activeElement?.closest('#board') && document.activeElement!.matches('button.open'));
        }
        if (!onBoard) throw new Error('60 Tabs never reached an incident on the board');
        const reference = await keyboard.evaluate(() => document.activeElement!.textContent ?? '');
        await keyboard.keyboard.press('Enter');
        await keyboard.locator('#pane-title', { hasText: reference }).waitFor({ timeout: 5000 });
        let onAcknowledge = false;
        for (let presses = 0; presses < 10 && !onAcknowledge; presses += 1) {
          await keyboard.keyboard.press('Tab');
          onAcknowledge = await keyboard.evaluate(() => document.activeElement?.id === 'acknowledge');
        }
        if (!onAcknowledge) throw new Error(`Tab from the pane title never reached Acknowledge on ${reference}`);
        await keyboard.keyboard.press('Enter');
        await keyboard.locator('#pane-status', { hasText: 'Acknowledged' }).waitFor({ timeout: 10_000 });
        await shot(keyboard, 'keyboard-acknowledged');
        await keyboard.keyboard.press('Escape');
        await keyboard.waitForSelector('#pane', { state: 'detached', timeout: 5000 });
        await keyboard.waitForFunction((ref) => document.activeElement?.textContent === ref, reference, { timeout: 5000 });
        await keyboard.context().close();
      },
    },
    {
      name: "at 390 px the pane's commands are on screen, not covered, and work",
      run: async () => {
        const phone = await openConsole(operatorB, { viewport: PHONE });
        await openPane(phone, work);
        await shot(phone, 'phone-pane');
        const controls = phone.locator('#pane .quick-actions button, #pane .commands details > summary, #pane #note-form-details > summary');
        const count = await controls.count();
        if (count < 10) throw new Error(`only ${count} commands in the phone pane`);
        const clipped = await phone.evaluate(() => {
          const pane = document.querySelector('#pane')!;
          return pane.scrollWidth > pane.clientWidth ? `the pane scrolls sideways (${pane.scrollWidth} > ${pane.clientWidth})` : '';
        });
        if (clipped) throw new Error(clipped);
        for (let i = 0; i < count; i += 1) await reachable(controls.nth(i), PHONE.width);
        await unfold(phone, 'note-form');
        await phone.locator('#note-form textarea').scrollIntoViewIfNeeded();
        await shot(phone, 'phone-note-form');
        await reachable(phone.locator('#note-form button[type="submit"]'), PHONE.width);
        await phone.fill('#note-form textarea[name="text"]', 'Officer on handheld: youths gone towards the leisure park');
        await phone.click('#note-form button[type="submit"]');
        await timelineHas(phone, /leisure park/);
        await unfold(phone, 'regrade-form');
        await phone.selectOption('#regrade-form select[name="grade"]', '3');
        await phone.fill('#regrade-reason', 'dispersed, no further damage');
        await reachable(phone.locator('#regrade-form button[type="submit"]'), PHONE.width);
        await phone.click('#regrade-form button[type="submit"]');
        await phone.locator('#pane-title .grade-3').waitFor({ timeout: 10_000 });
        await shot(phone, 'phone-regraded');
        await reachable(phone.locator('#pane .close-pane'), PHONE.width);
        await phone.click('#pane .close-pane');
        await phone.waitForSelector('#pane', { state: 'detached', timeout: 5000 });
        await phone.context().close();
      },
    },
    {
      name: 'an incident relocated to another partner leaves the first partner\'s board and open pane, with a notice and nothing of where it went',
      run: async () => {
        const moving = 'car alarm sounding on the Royston Road';
        await enterCall({ text: moving, town: 'Hitchin', category: 'Criminal Damage' });
        const reference = await referenceOf(moving);
        await openPane(partnerPage, moving);
        await openPane(page, moving);
        await unfold(page, 'locate-form');
        await page.selectOption('#locate-form select[name="place"]', 'hertsmere|Borehamwood');
        await page.fill('#locate-reason', 'the Royston Road in Borehamwood');
        await page.click('#locate-form button[type="submit"]');
        await row(page, moving).locator('td.town', { hasText: 'Borehamwood' }).waitFor({ timeout: 10_000 });
        await partnerPage.waitForSelector('#pane', { state: 'detached', timeout: 10_000 });
        await row(partnerPage, moving).waitFor({ state: 'detached', timeout: 5000 });
        const notice = await partnerPage.locator('.withdrawn-notice').innerText({ timeout: 5000 });
        if (!notice.includes(reference)) throw new Error(`the notice does not name ${reference}: ${notice}`);
        // The board and the notice, not the whole page: the town filter lists every town of the partnership.
        const shown = `${await partnerPage.locator('#board').innerText()} ${notice}`;
        if (/Borehamwood|hertsmere/.test(shown)) throw new Error('the first partner sees where the incident went');
        await shot(partnerPage, 'partner-withdrawn');
        await partnerPage.click('.withdrawn-notice button');
        await partnerPage.locator('.withdrawn-notice').waitFor({ state: 'detached', timeout: 5000 });
        await page.keyboard.press('Escape');
      },
    },
  ];

  return runScenarios(scenarios, async (n) => {
    await shot(page, `failed-${n}-operator`);
    await shot(partnerPage, `failed-${n}-partner`);
  });
}

void runConsoleTest('consolecommands', SHOTS, main);
