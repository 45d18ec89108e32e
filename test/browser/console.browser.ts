/**
 * The operator console as its users see it: `npm start`'s process (demo feed off, so the test
 * decides every incident) in its own namespace and database, calls entered through POST /api/calls
 * as an operator would, and Debian's headless Chromium holding pages for two operators, a partner
 * and the contractor at once. Scenarios:
 *   1. the board fills live; a grade 1 arriving while 50 routine incidents are open is at the top
 *      (pinned section), the partner sees only its own area, the contractor sees none (its own console);
 *   2. the keyboard moves through the board (j/k, Enter, Esc) and the shortcuts are on the page;
 *      an incident with no place reads "needs a location" and stays away from the partner;
 *   3. axe-core finds no serious or critical violation (board and pane, desktop and phone width);
 *   4. the notifications tray: each console gets its audience's notifications only (operators the
 *      police's, the partner its own, the contractor its own); at 390 px by keyboard, Acknowledge
 *      shows "Acknowledged by you", a 409's reason and a visible failure, notify's endpoint served
 *      by page.route until it exists (then let the 200 reach it; keep the route for 409 and 500);
 *   5. operator A acknowledges and closes with two arrests; B's and the partner's boards follow live,
 *      and the closed incident stays findable in search          (needs the lifecycle REST routes);
 *   6. a stale edit is refused (409), the change is shown, and re-applying works (needs them too);
 *      until then the same 409 handling runs against the contract's StaleIncidentResponse served
 *      by page.route, which says nothing about the server and everything about the page.
 * Screenshots (desktop and phone width) go to a temp folder printed at the end. Prints the plain
 * "N passed, N failed" line CI reads. Run with `npm run test:browser:console`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import type { Incident, NotificationAudience, NotificationPushed, PushedAlert, StaleIncidentResponse } from '@vigil/contracts';
import { eventually } from '../support/eventually';
import { axeScan, ConsoleHarness, PHONE, runConsoleTest, runScenarios, Scenario } from './console-harness';

const SHOTS = mkdtempSync(join(tmpdir(), 'vigil-console-'));
const ROUTINE = 50;
const ROWS = '#board tbody tr';
const LIFECYCLE = 'the lifecycle REST routes';

/** A notification as notify's socket channel publishes it, with one alert per reference (fingerprint incident:<reference>). */
function aNotification(deliveryId: string, audience: NotificationAudience, references: string[]): NotificationPushed {
  const alert = (reference: string): PushedAlert => ({
    fingerprint: `incident:${reference.toLowerCase()}`,
    kind: 'incident',
    reference,
    summary: `tray check ${reference}: fight outside the Red Lion`,
    status: 'firing',
    handling: 'unacknowledged',
    notice: 'incident-opened',
    labels: { kind: 'incident', partner: 'north-herts', town: 'Hitchin Town Centre', grade: '2' },
    tetraEmergency: false,
    startsAt: new Date().toISOString(),
    endsAt: null,
  });
  return { deliveryId, receiver: audience.replace('.', '-'), audience, reason: 'first-notification', alerts: references.map(alert), sentAt: new Date().toISOString() };
}

async function main({ origin, token, enterCall, openConsole, pushNotification }: ConsoleHarness): Promise<number> {
  const operatorA = token({ subject: 'op-a', role: 'operator' });
  const operatorB = token({ subject: 'op-b', role: 'operator' });
  const partner = token({ subject: 'nh-viewer', role: 'partner', partnerId: 'north-herts' });
  const contractor = token({ subject: 'fixer', role: 'contractor' });

  const pageA = await openConsole(operatorA);
  const pageB = await openConsole(operatorB);
  const pagePartner = await openConsole(partner);
  const pageContractor = await openConsole(contractor, { live: false });
  const contractorAsked: string[] = [];
  pageContractor.on('request', (r) => /\/api\/incidents/.test(r.url()) && contractorAsked.push(r.url()));

  const towns = ['Hitchin', 'Stevenage Old Town', 'Bushey', 'Hertford', 'Borehamwood'];
  const categories = ['Anti Social Behaviour', 'Theft', 'Criminal Damage', 'Assault', 'Suspicious Activity'];
  const rowCount = (page: Page) => page.locator(ROWS).count();
  const referenceOf = async (page: Page, summary: string) => (await page.locator(ROWS, { hasText: summary }).locator('td.reference').innerText()).trim();
  let gradeOneReference = '';
  let routineReference = '';

  const scenarios: Scenario[] = [
    {
      name: `a grade 1 arriving while ${ROUTINE} routine incidents are open is at the top, for operators and the partner`,
      run: async () => {
        for (let n = 0; n < ROUTINE; n += 1) await enterCall({ text: `routine call ${n}: ${categories[n % 5].toLowerCase()} reported`, town: towns[n % 5], category: categories[n % 5] });
        await pageA.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length >= n, ROUTINE, { timeout: 60_000 });
        await pageB.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length >= n, ROUTINE, { timeout: 30_000 });
        routineReference = await referenceOf(pageA, 'routine call 0:');
        await pageA.locator('#routine').evaluate((el) => (el.scrollTop = el.scrollHeight));
        await enterCall({ text: 'man with a knife threatening people outside the station', town: 'Hitchin', category: 'Weapon', emergency: true });
        await pageA.waitForSelector('#grade-one tbody tr', { timeout: 15_000 });
        const first = await pageA.locator(ROWS).first().innerText();
        if (!/knife/.test(first)) throw new Error(`the first row is not the grade 1: ${first}`);
        if (!(await pageA.locator('#grade-one').isVisible())) throw new Error('the grade 1 section is not visible after scrolling the routine list');
        if ((await rowCount(pageA)) !== ROUTINE + 1) throw new Error(`operator A's board has ${await rowCount(pageA)} rows, not ${ROUTINE + 1}`);
        const title = await eventually(async () => {
          const t = await pageA.title();
          if (!/GRADE 1/.test(t)) throw new Error(`title is "${t}"`);
          return t;
        }, { timeoutMs: 5000, intervalMs: 100 });
        gradeOneReference = await referenceOf(pageA, 'knife');
        if (!title.includes(gradeOneReference)) throw new Error(`the flashing title does not name ${gradeOneReference}: ${title}`);
        await pagePartner.waitForSelector('#grade-one tbody tr', { timeout: 15_000 });
        const partners = await pagePartner.locator(`${ROWS} td.partner`).allInnerTexts();
        if (partners.some((p) => p !== 'north-herts')) throw new Error(`the partner saw other partners' incidents: ${[...new Set(partners)].join(', ')}`);
        if (partners.length !== ROUTINE / 5 + 1) throw new Error(`the partner sees ${partners.length} incidents, not its ${ROUTINE / 5 + 1}`);
        await pagePartner.locator(`${ROWS} td.reference button`).first().click();
        await pagePartner.waitForSelector('#pane #note-form', { state: 'attached', timeout: 5000 });
        if (await pagePartner.locator('#pane #acknowledge, #pane #close-form, #pane #regrade-form').count()) throw new Error('the partner is offered control-room commands');
        await pagePartner.keyboard.press('Escape');
        // The contractor's own console (tickets, cameras, sites: test/browser/contractor-console.browser.ts), no incident board.
        const contractorHeading = await pageContractor.locator('h1').innerText();
        if (!/contractor console/.test(contractorHeading)) throw new Error(`contractor heading: ${contractorHeading}`);
        if ((await rowCount(pageContractor)) > 0 || contractorAsked.length > 0) throw new Error(`the contractor was shown or asked for incidents: ${contractorAsked.join(', ')}`);
        await pageA.screenshot({ path: join(SHOTS, 'console-desktop-board.png') });
        await pagePartner.screenshot({ path: join(SHOTS, 'console-desktop-partner.png') });
      },
    },
    {
      name: 'the keyboard moves through the board and opens and closes the pane; the shortcuts are on the page',
      run: async () => {
        await pageA.locator('body').click({ position: { x: 5, y: 5 } });
        await pageA.keyboard.press('j');
        const focused = await pageA.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused !== gradeOneReference) throw new Error(`j focused "${focused}", not the grade 1 ${gradeOneReference}`);
        await pageA.keyboard.press('j');
        await pageA.keyboard.press('k');
        await pageA.keyboard.press('Enter');
        await pageA.waitForSelector('#pane', { timeout: 5000 });
        const paneTitle = await pageA.locator('#pane-title').innerText();
        if (!paneTitle.includes(gradeOneReference)) throw new Error(`Enter opened "${paneTitle}"`);
        if (!(await pageA.evaluate(() => document.activeElement?.id === 'pane-title'))) throw new Error('focus did not move to the opened pane');
        await pageA.screenshot({ path: join(SHOTS, 'console-desktop-pane.png') });
        await pageA.keyboard.press('Escape');
        await pageA.waitForSelector('#pane', { state: 'detached', timeout: 5000 });
        await pageA.keyboard.press('?');
        const help = await pageA.locator('#shortcuts').innerText();
        if (!/j \/ k[\s\S]*a[\s\S]*acknowledge/.test(help)) throw new Error(`shortcuts not documented on the page: ${help}`);
        await pageA.keyboard.press('?');
      },
    },
    {
      name: 'an incident with no place reads "needs a location" for the control room and never reaches the partner',
      run: async () => {
        await enterCall({ text: 'bag left unattended by the bus shelter', category: 'Suspicious Activity' });
        const row = pageA.locator(ROWS, { hasText: 'bag left unattended' });
        await row.locator('td.town .needs-location').waitFor({ timeout: 15_000 });
        await pageB.locator(ROWS, { hasText: 'bag left unattended' }).waitFor({ timeout: 15_000 });
        if (await pagePartner.locator(ROWS, { hasText: 'bag left unattended' }).count()) throw new Error('the partner sees an unplaced incident');
      },
    },
    {
      name: 'axe-core finds no serious or critical violation (board, pane, partner, phone width)',
      run: async () => {
        const scan = axeScan;
        await pageA.locator(`${ROWS} td.reference button`).first().click();
        await pageA.waitForSelector('#pane');
        await pageA.locator('#close-form-details summary').click();
        await scan(pageA, 'operator with the pane open');
        await pageA.locator('#close-pane, .close-pane').first().click();
        await scan(pagePartner, 'partner board');
        const phone = await openConsole(operatorB, { viewport: PHONE });
        await phone.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length >= n, ROUTINE + 1, { timeout: 30_000 });
        await scan(phone, 'phone-width board');
        await phone.screenshot({ path: join(SHOTS, 'console-phone-board.png') });
        await phone.locator(`${ROWS} td.reference button`).nth(1).click();
        await phone.waitForSelector('#pane');
        await scan(phone, 'phone-width pane');
        await phone.screenshot({ path: join(SHOTS, 'console-phone-pane.png') });
        await phone.context().close();
      },
    },
    {
      name: "each console's tray gets its audience's notifications only; Acknowledge by keyboard at 390 px shows 200, 409 and a failure (notify's endpoint stubbed with page.route)",
      run: async () => {
        const phone = await openConsole(operatorB, { viewport: PHONE });
        const posted: { path: string; body: unknown }[] = [];
        // Notify's answers as the lead's endpoint will give them; what is checked here is the page.
        await phone.route('**/api/notify/alerts/*/acknowledge', async (route) => {
          const path = new URL(route.request().url()).pathname;
          posted.push({ path, body: route.request().postDataJSON() });
          if (path.includes('inc-tray-2')) return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ statusCode: 409, message: 'Already acknowledged by op-a at 23:01' }) });
          if (path.includes('inc-tray-3')) return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, message: 'database unavailable' }) });
          return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ fingerprint: 'incident:inc-tray-1', handling: 'acknowledged' }) });
        });
        const tray = (page: Page) => page.locator('#notifications');
        // The dashboard follows the stream from its end: the first notification must find the feed subscribed.
        let attempt = 0;
        await eventually(async () => {
          await pushNotification(aNotification(`warm-up-${++attempt}`, 'police', ['INC-WARM-UP']));
          await tray(pageA).locator('li.notification').first().waitFor({ timeout: 1_000 });
        }, { timeoutMs: 30_000, intervalMs: 100 });
        await pushNotification(aNotification('tray-police', 'police', ['INC-TRAY-1', 'INC-TRAY-2', 'INC-TRAY-3']));
        await pushNotification(aNotification('tray-north-herts', 'partner.north-herts', ['INC-TRAY-NH']));
        await pushNotification(aNotification('tray-contractor', 'contractor', ['FLT-TRAY-C']));
        // Each page waits for the last notification meant for it: anything published before has arrived by then, or never will.
        await tray(pageA).locator('li.notification', { hasText: 'INC-TRAY-1' }).waitFor({ timeout: 10_000 });
        await tray(pagePartner).locator('li.notification', { hasText: 'INC-TRAY-NH' }).waitFor({ timeout: 10_000 });
        await tray(pageContractor).locator('li.notification', { hasText: 'FLT-TRAY-C' }).waitFor({ timeout: 10_000 });
        if (await tray(pageA).getByText(/INC-TRAY-NH|FLT-TRAY-C/).count()) throw new Error("the operator's tray shows a partner's or the contractor's notification");
        if (await tray(pagePartner).getByText(/INC-TRAY-1|INC-WARM-UP|FLT-TRAY-C/).count()) throw new Error("the partner's tray shows the police's or the contractor's notification");
        if (await tray(pageContractor).getByText(/INC-TRAY|INC-WARM-UP/).count()) throw new Error("the contractor's tray shows the police's or a partner's notification");
        const newest = await tray(pageA).locator('li.notification').first().innerText();
        if (!/INC-TRAY-1/.test(newest) || !/New · \d{2}:\d{2}:\d{2}/.test(newest)) throw new Error(`the newest notification is not first, or says no why and when: ${newest}`);

        await tray(phone).locator('li.notification', { hasText: 'INC-TRAY-1' }).waitFor({ timeout: 10_000 });
        const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
        if (wide > PHONE.width) throw new Error(`the page is ${wide} px wide at ${PHONE.width} px`);
        const acknowledge = (reference: string) => tray(phone).getByRole('button', { name: `Acknowledge ${reference}` });
        await acknowledge('INC-TRAY-1').focus();
        await phone.keyboard.press('Enter');
        await tray(phone).locator('.ack-done', { hasText: 'Acknowledged by you' }).waitFor({ timeout: 5_000 });
        if (!(await phone.evaluate(() => document.activeElement?.textContent === 'Acknowledged by you'))) throw new Error('focus did not stay on the acknowledged alert');
        const first = posted[0];
        if (first?.path !== '/api/notify/alerts/incident%3Ainc-tray-1/acknowledge' || JSON.stringify(first.body) !== '{}') throw new Error(`posted ${JSON.stringify(posted)}`);
        await acknowledge('INC-TRAY-2').focus();
        await phone.keyboard.press('Enter');
        await tray(phone).locator('.ack-refused', { hasText: 'Already acknowledged by op-a at 23:01' }).waitFor({ timeout: 5_000 });
        await acknowledge('INC-TRAY-3').focus();
        await phone.keyboard.press('Enter');
        const failure = tray(phone).getByRole('alert');
        await failure.waitFor({ timeout: 5_000 });
        await tray(phone).screenshot({ path: join(SHOTS, 'tray-phone.png') });
        if ((await failure.innerText()) !== 'Not acknowledged: database unavailable (500)') throw new Error(`the failure reads "${await failure.innerText()}"`);
        if (!(await acknowledge('INC-TRAY-3').isVisible())) throw new Error('a failed acknowledgement leaves no button to try again');
        // Still waiting: INC-TRAY-3 and the warm-up's alert; acknowledged here and refused (someone was first) are not.
        const heading = await tray(phone).locator('button.tray-toggle').innerText();
        if (!/2 to acknowledge/.test(heading)) throw new Error(`the tray's heading reads "${heading}"`);
        await tray(pageA).scrollIntoViewIfNeeded();
        await pageA.screenshot({ path: join(SHOTS, 'console-desktop-notifications.png') });
        await phone.screenshot({ path: join(SHOTS, 'console-phone-notifications.png') });
        await axeScan(phone, 'phone-width notifications tray');
        const toggle = tray(phone).locator('button.tray-toggle');
        await toggle.focus();
        await phone.keyboard.press('Enter');
        if ((await toggle.getAttribute('aria-expanded')) !== 'false' || (await tray(phone).locator('#notification-list').isVisible())) throw new Error('the tray did not fold away');
        await phone.context().close();
      },
    },
    {
      name: 'a 409 as the contract spells it shows the diff and re-applies on the current version (routes stubbed with page.route)',
      run: async () => {
        const list = (await (await fetch(`${origin}/api/incidents?limit=500`, { headers: { Authorization: `Bearer ${operatorA}` } })).json()) as Incident[];
        const seen = list.find((i) => i.reference === routineReference);
        if (!seen) throw new Error(`GET /api/incidents does not list ${routineReference}`);
        const current: Incident = { ...seen, version: seen.version + 1, status: 'acknowledged', assignee: 'op-a' };
        const page = await openConsole(operatorB);
        const sent: { command: string; body: Record<string, unknown> }[] = [];
        await page.route('**/api/incidents/*/*', async (route) => {
          const command = new URL(route.request().url()).pathname.split('/').pop()!;
          if (route.request().method() !== 'POST') return route.continue();
          const body = route.request().postDataJSON() as Record<string, unknown>;
          sent.push({ command, body });
          if (body.version === seen.version) {
            const stale: StaleIncidentResponse = { statusCode: 409, message: 'incident changed', sentVersion: seen.version, current };
            return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify(stale) });
          }
          return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...current, version: current.version + 1, grade: Number(body.grade) }) });
        });
        await page.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length >= n, ROUTINE + 1, { timeout: 30_000 });
        await page.locator(ROWS, { hasText: routineReference }).locator('td.reference button').click();
        await page.locator('#regrade-form-details summary').click();
        await page.selectOption('#regrade-form select[name="grade"]', '4');
        await page.fill('#regrade-reason', 'crowd has dispersed');
        await page.click('#regrade-form button[type="submit"]');
        const conflict = page.locator('#conflict');
        await conflict.waitFor({ timeout: 5000 });
        const shown = await conflict.innerText();
        for (const [field, now] of [['status', 'acknowledged'], ['assignee', 'op-a']]) {
          const row = await conflict.locator(`tr[data-field="${field}"]`).innerText().catch(() => '');
          if (!row.includes(now)) throw new Error(`the conflict does not show ${field} → ${now}: ${shown}`);
        }
        await page.screenshot({ path: join(SHOTS, 'console-desktop-conflict.png') });
        await page.click('#reapply');
        await conflict.waitFor({ state: 'detached', timeout: 5000 });
        const reapplied = sent[sent.length - 1];
        if (reapplied.command !== 'regrade' || reapplied.body.version !== current.version || reapplied.body.grade !== 4 || reapplied.body.reason !== 'crowd has dispersed')
          throw new Error(`re-applied as ${JSON.stringify(reapplied)}`);
        await page.locator(`tr[data-incident-id="${seen.incidentId}"] .grade-4`).waitFor({ timeout: 5000 });
        await page.context().close();
      },
    },
    {
      name: "operator A acknowledges and closes with two arrests; B's and the partner's boards update live; it stays findable",
      needs: LIFECYCLE,
      run: async () => {
        const row = (page: Page) => page.locator(ROWS, { hasText: gradeOneReference });
        await row(pageA).locator('td.reference button').click();
        await pageA.click('#acknowledge');
        for (const [who, page] of [['B', pageB], ['partner', pagePartner]] as const)
          await row(page).locator('td.incident-status', { hasText: 'Acknowledged' }).waitFor({ timeout: 10_000 }).catch(() => {
            throw new Error(`${who}'s board did not show ${gradeOneReference} acknowledged`);
          });
        await pageA.locator('#close-form-details summary').click();
        await pageA.fill('#close-form input[name="arrests"]', '2');
        await pageA.check('#close-form input[name="policeAttended"]');
        await pageA.click('#close-form button[type="submit"]');
        for (const [who, page] of [['A', pageA], ['B', pageB], ['partner', pagePartner]] as const)
          await row(page).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {
            throw new Error(`${gradeOneReference} stayed on ${who}'s board after closing`);
          });
        await pageB.click('.views button:has-text("Search all")');
        await pageB.fill('#search', gradeOneReference);
        const found = pageB.locator('#search-results tbody tr', { hasText: gradeOneReference });
        await found.waitFor({ timeout: 10_000 });
        if (!/Closed/.test(await found.innerText())) throw new Error(`search shows ${await found.innerText()}`);
        await found.locator('button.open').click();
        const arrests = await pageB.locator('#outcome .arrests').innerText({ timeout: 5000 });
        if (arrests !== '2') throw new Error(`the closed incident shows ${arrests} arrests`);
        await pageB.screenshot({ path: join(SHOTS, 'console-desktop-closed-search.png') });
        await pageB.keyboard.press('Escape');
        await pageB.fill('#search', '');
        await pageB.click('.views button:has-text("Open board")');
      },
    },
    {
      name: 'a stale edit is refused, what changed is shown, and the operator re-applies it',
      needs: LIFECYCLE,
      run: async () => {
        const open = async (page: Page) => {
          await page.locator(ROWS, { hasText: routineReference }).locator('td.reference button').click();
          await page.waitForSelector(`#pane-title:has-text("${routineReference}")`);
        };
        await open(pageB);
        await pageB.locator('#regrade-form-details summary').click();
        await pageB.selectOption('#regrade-form select[name="grade"]', '2');
        await pageB.fill('#regrade-reason', 'crowd is growing');
        await open(pageA);
        await pageA.click('#take');
        await pageB.locator('#pane-assignee', { hasText: 'op-a' }).waitFor({ timeout: 10_000 });
        await pageB.click('#regrade-form button[type="submit"]');
        const conflict = pageB.locator('#conflict');
        await conflict.waitFor({ timeout: 10_000 });
        const assignee = await conflict.locator('tr[data-field="assignee"]').innerText();
        if (!/op-a/.test(assignee)) throw new Error(`the conflict does not show who took it: ${await conflict.innerText()}`);
        await pageB.screenshot({ path: join(SHOTS, 'console-desktop-conflict.png') });
        await pageB.click('#reapply');
        await conflict.waitFor({ state: 'detached', timeout: 10_000 });
        await pageA.locator(ROWS, { hasText: routineReference }).locator('.grade-2').waitFor({ timeout: 10_000 });
      },
    },
  ];

  return runScenarios(scenarios, async (n) => {
    await Promise.allSettled([
      pageA.screenshot({ path: join(SHOTS, `failed-${n}-operator-a.png`) }),
      pageB.screenshot({ path: join(SHOTS, `failed-${n}-operator-b.png`) }),
    ]);
  });
}

void runConsoleTest('consolebrowser', SHOTS, main);
