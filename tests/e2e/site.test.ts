/// <reference lib="dom" />
// End to end, in headless Chromium, against the built demo served on 127.0.0.1: search from the
// home page, open the JSONB decision, follow it to a migration that implements it, from there to
// a table's history, and back — with the keyboard where a reader would use it, and no console
// errors. Screenshots of the main pages (light and dark) go to tests/e2e/screenshots/.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { builtSite } from '../site/built-site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const CHROMIUM = process.env.LORE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) console.warn(`e2e: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) or set LORE_CHROMIUM`);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

function watch(p: Page): void {
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} (${p.url()})`);
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message} (${p.url()})`));
  p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  p.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

async function focusByTab(p: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

// Under CI the browser is required: a missing chromium fails instead of skipping.
describe.skipIf(!available && process.env.CI !== 'true')('the demo site in a browser', () => {
  beforeAll(async () => {
    const site = builtSite('demo');
    server = await serveStatic(site.outDir, '/');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch(page);
    mkdirSync(SHOTS, { recursive: true });
    console.log(`e2e: screenshots in ${SHOTS}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches from the home page with the keyboard and opens the JSONB decision', async () => {
    await page.goto(server.url);
    await expect(page.title()).resolves.toBe('Ledgerly');
    // Skip link first, then the header search box.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await focusByTab(page, '#site-search-q');
    await page.keyboard.type('JSONB');
    await Promise.all([page.waitForURL(/\/search\/\?q=JSONB/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#search-results li a');
    const status = await page.textContent('#search-status');
    expect(status).toMatch(/\d+ results?/);
    // Arrow keys walk the results; stop on the decision record.
    await page.focus('#search-q');
    let href = '';
    for (let i = 0; i < 30 && !href.includes('/decisions/0005-'); i++) {
      await page.keyboard.press('ArrowDown');
      href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
    }
    expect(href).toContain('/decisions/0005-user-preferences-as-jsonb/');
    await Promise.all([page.waitForURL(/\/decisions\/0005-user-preferences-as-jsonb\//), page.keyboard.press('Enter')]);
    await expect(page.textContent('h1')).resolves.toContain('JSONB');
  });

  it('narrows the search with a filter', async () => {
    await page.goto(`${server.url}search/?q=JSONB`);
    await page.waitForSelector('#search-results li a');
    await page.selectOption('select[name="kind"]', 'Decision');
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results li h2 a')].every((a) => a.getAttribute('href')?.includes('/decisions/')));
    const hrefs = await page.$$eval('#search-results li h2 a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(page.url()).toContain('kind=Decision');
  });

  it('follows the decision to a migration that implements it, then to a table history, and back', async () => {
    await page.goto(`${server.url}decisions/0005-user-preferences-as-jsonb/`);
    const migration = page.locator('#lore-implemented-by + ul a').first();
    const migrationHref = await migration.getAttribute('href');
    expect(migrationHref).toMatch(/^\/migrations\/default\/[0-9a-f]{12}\/$/);
    await Promise.all([page.waitForURL(`**${migrationHref}`), migration.click()]);
    await expect(page.textContent('#lore-decisions + ul')).resolves.toContain('ADR-0005');
    const table = page.locator('#lore-upgrade ~ ol a[href^="/tables/"], .ops a[href^="/tables/"]').first();
    const tableHref = await table.getAttribute('href');
    expect(tableHref).toBe('/tables/users/');
    await Promise.all([page.waitForURL('**/tables/users/'), table.click()]);
    await expect(page.textContent('#lore-history')).resolves.toBe('History');
    const history = await page.$$eval('ol.history > li > a', (as) => as.map((a) => a.getAttribute('href')));
    expect(history).toContain(migrationHref);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(migrationHref);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/decisions/0005-user-preferences-as-jsonb/');
  });

  it('deep-links to a rule anchor and shows focus when tabbing', async () => {
    await page.goto(`${server.url}rules/database-rules/#db-009`);
    const inView = await page.evaluate(() => {
      const r = document.getElementById('db-009')!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('saves screenshots of the home, an ADR, the timeline and a table page, light and dark', async () => {
    const shots: [string, string][] = [
      ['home', ''],
      ['adr', 'decisions/0005-user-preferences-as-jsonb/'],
      ['timeline', 'migrations/'],
      ['table', 'tables/users/'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const p = await ctx.newPage();
        watch(p);
        for (const [name, path] of shots) {
          await p.goto(server.url + path);
          const file = join(SHOTS, `${name}-${scheme}-${width}.png`);
          await p.screenshot({ path: file, fullPage: false });
          expect(existsSync(file)).toBe(true);
        }
        await ctx.close();
      }
    }
  });

  it('had no console errors, failed requests or error responses', () => {
    expect(problems).toEqual([]);
  });
});
