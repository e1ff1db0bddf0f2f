/// <reference lib="dom" />
/**
 * End-to-end test of the franchise explorer (/explore) in Debian's headless Chromium
 * (apt-get install -y chromium) driven by playwright-core, against the real app on seeded SQLite.
 * Needs `npm run build` first (reads dist/explorer/). Screenshots go to test/artifacts/.
 *   CHROMIUM_PATH   default /usr/bin/chromium
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startGraphiqlTestServer, type GraphiqlTestServer } from '../support/graphiql-test-server';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');
const STEP_TIMEOUT = 30_000;
const TODAY = new Date().toISOString().slice(0, 10);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Chromium's own background traffic is refused on this machine's closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS_DIR, `explorer-${name}.png`), fullPage: true });

/** The view has the answer for `asOf` on screen (no query in flight). */
async function shown(page: Page, view: string, asOf: string): Promise<void> {
  await page
    .locator(`[data-view="${view}"][data-loaded-as-of="${asOf}"][aria-busy="false"]`)
    .waitFor();
}

/** A card's person, status chip, role line and source outlet, as the board shows them. */
async function card(page: Page, person: string) {
  const root = page.locator(`.card[data-person="${person}"]`);
  return {
    status: (await root.locator('.card-status .chip').innerText()).replace(/^\W+/, '').trim(),
    role: await root.locator('.card-role').innerText(),
    outlet: await root.locator('.source-outlet').innerText(),
  };
}

/** axe-core, run inside the page: the serious and critical violations, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    interface AxeResults {
      passes: unknown[];
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document);
    return {
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      })),
    };
  });
  // axe really ran its rules on the page (an empty list of violations alone would not show it).
  expect(violations.passes).toBeGreaterThan(20);
  return violations.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

describe('Franchise explorer (/explore, offline)', () => {
  let server: GraphiqlTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startGraphiqlTestServer();
    origin = new URL(server.baseUrl).origin;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (req) => {
      const url = req.url();
      requests.push(`${req.method()} ${url}`);
      if (!url.startsWith('data:') && new URL(url).origin !== origin)
        problems.push(`request to another host: ${req.method()} ${url}`);
    });
    context.on('requestfailed', (req) => {
      // A query superseded by a newer date is aborted on purpose.
      if (req.failure()?.errorText === 'net::ERR_ABORTED' && req.url().endsWith('/graphql')) return;
      problems.push(`failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? '?'})`);
    });
    context.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    // CSP violations are reported as console errors.
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  afterEach(async () => {
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'explorer-last.png') }).catch(() => {});
  });

  test('the film view of Extraction 2 on 2020-05-05 shows Russo CONFIRMED and the others EXPECTED, per Deadline', async () => {
    const response = await page.goto(
      `${server.baseUrl}/explore/films/extraction-2?asOf=2020-05-05`,
    );
    expect(response?.status()).toBe(200);
    await shown(page, 'film', '2020-05-05');

    expect(await card(page, 'joe-russo')).toEqual({
      status: 'CONFIRMED',
      role: 'Writer',
      outlet: 'Deadline',
    });
    expect(await card(page, 'sam-hargrave')).toEqual({
      status: 'EXPECTED',
      role: 'Director',
      outlet: 'Deadline',
    });
    expect(await card(page, 'chris-hemsworth')).toEqual({
      status: 'EXPECTED',
      role: 'Cast · as Tyler Rake',
      outlet: 'Deadline',
    });
    expect(await page.locator('.card').count()).toBe(3);
    expect(await page.locator('#as-of-date').inputValue()).toBe('2020-05-05');
    await shot(page, 'film-2020-05-05');
  });

  test('the film view passes axe-core with no serious or critical violation', async () => {
    expect(await axeProblems(page)).toEqual([]);
  });

  test('clicking a card shows its history as a timeline', async () => {
    await page.locator('.card[data-person="joe-russo"] .card-role').click();
    const timeline = page.locator('.card[data-person="joe-russo"] .timeline');
    await timeline.waitFor();
    const events = timeline.locator('.timeline-event');
    await events.first().waitFor();
    const statuses = await events.locator('.chip').allInnerTexts();
    expect(statuses.map((s) => s.replace(/^\W+/, '').trim())).toEqual(['CONFIRMED', 'CREDITED']);
    expect(await timeline.locator('.timeline-event--current').innerText()).toContain('CONFIRMED');
    await shot(page, 'film-history');
    expect(await axeProblems(page)).toEqual([]);
    // The button closes it again (the keyboard's way).
    await page.locator('.card[data-person="joe-russo"] .card-toggle').press('Enter');
    await timeline.waitFor({ state: 'hidden' });
  });

  test('moving the slider to today re-queries: all three are CREDITED, and the address says so', async () => {
    await page.locator('#as-of-slider').focus();
    await page.keyboard.press('End');
    await shown(page, 'film', TODAY);
    for (const person of ['joe-russo', 'sam-hargrave', 'chris-hemsworth'])
      expect((await card(page, person)).status).toBe('CREDITED');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(TODAY);
    expect(await page.locator('#as-of-date').inputValue()).toBe(TODAY);
    await shot(page, 'film-today');
  });

  test('the franchise view of extraction shows three films; Extraction → Extraction 2 is FOLLOW_UP, then SEQUEL', async () => {
    await page.goto(`${server.baseUrl}/explore/franchises/extraction?asOf=2020-05-05`);
    await shown(page, 'franchise', '2020-05-05');
    expect(await page.locator('svg.graph .node').count()).toBe(3);
    const edge = page.locator('svg.graph .edge[data-from="extraction"][data-to="extraction-2"]');
    expect(await edge.getAttribute('data-kind')).toBe('FOLLOW_UP');
    expect(await edge.locator('.edge-kind').textContent()).toBe('FOLLOW_UP');
    expect(await edge.locator('.edge-hint').textContent()).toBe('undecided');
    await shot(page, 'franchise-2020-05-05');
    expect(await axeProblems(page)).toEqual([]);

    // The date input sets the day too.
    await page.locator('#as-of-date').fill(TODAY);
    await shown(page, 'franchise', TODAY);
    expect(await edge.getAttribute('data-kind')).toBe('SEQUEL');
    expect(await edge.locator('.edge-kind').textContent()).toBe('SEQUEL');
    const list = await page.locator('.relation-list li').allInnerTexts();
    expect(list).toEqual([
      'Extraction → Extraction 2: SEQUEL (sequel)',
      'Extraction 2 → Extraction 3: FOLLOW_UP (undecided: sequel or prequel)',
    ]);
    await shot(page, 'franchise-today');
  });

  test('story order is a toggle', async () => {
    await page.getByLabel('story').check();
    await page.locator('[data-view="franchise"][aria-busy="false"]').waitFor();
    await page.getByRole('heading', { name: 'In story order' }).waitFor();
    expect(await page.locator('svg.graph .node').count()).toBe(3);
  });

  test('child franchises are drawn as boxes around their films', async () => {
    await page.goto(`${server.baseUrl}/explore/franchises/marvel-cinematic-universe`);
    await shown(page, 'franchise', TODAY);
    const box = await page
      .locator('svg.graph .group[data-franchise="avengers"] rect')
      .boundingBox();
    expect(await page.locator('svg.graph .group[data-franchise="avengers"]').textContent()).toBe(
      'Avengers',
    );
    for (const film of ['avengers-infinity-war', 'avengers-endgame']) {
      const node = await page.locator(`svg.graph .node[data-film="${film}"]`).boundingBox();
      expect(node!.x).toBeGreaterThan(box!.x);
      expect(node!.x + node!.width).toBeLessThan(box!.x + box!.width);
      expect(node!.y).toBeGreaterThan(box!.y);
      expect(node!.y + node!.height).toBeLessThan(box!.y + box!.height);
    }
    await shot(page, 'franchise-nested');
    expect(await axeProblems(page)).toEqual([]);
  });

  test('the search box finds a person, whose view lists the films with their statuses', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('russo');
    const hit = page.getByRole('link', { name: /^Joe Russo/ });
    await hit.waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown');
    await page.keyboard.press('Enter');
    await shown(page, 'person', TODAY);
    // The page had no ?asOf (today): the link keeps it that way.
    expect(page.url()).toBe(`${server.baseUrl}/explore/people/joe-russo`);
    const row = page.locator('tr[data-film="extraction-2"]');
    expect(await row.locator('.chip').innerText()).toContain('CREDITED');
    await shot(page, 'person');
    expect(await axeProblems(page)).toEqual([]);
  });

  test('at phone width the film view fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/explore/films/extraction-2?asOf=2020-05-05`);
    await shown(page, 'film', '2020-05-05');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'film-phone');
    await page.goto(`${server.baseUrl}/explore/franchises/extraction`);
    await shown(page, 'franchise', TODAY);
    await shot(page, 'franchise-phone');
    expect(await axeProblems(page)).toEqual([]);
  });

  test('every request stayed on the server’s origin, and nothing failed', () => {
    expect(problems).toEqual([]);
    expect(requests.some((r) => r === `POST ${origin}/graphql`)).toBe(true);
    expect(requests.every((r) => new URL(r.split(' ')[1]).origin === origin)).toBe(true);
  });
});
