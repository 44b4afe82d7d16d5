import { chromium } from 'playwright-core';
import { serveStatic } from './tests/e2e/static-server.ts';
const dir = process.argv[2] ?? '/tmp/lore-smoke';
const pages = (process.argv[3] ?? '/').split(',');
const outDir = process.argv[4] ?? '/tmp/shots';
const server = await serveStatic(dir, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',') as ('light' | 'dark')[]) {
  for (const width of (process.env.WIDTHS ?? '1280,375').split(',').map(Number)) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: Number(process.env.DPR ?? 1) });
    const page = await ctx.newPage();
    page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
    for (const p of pages) {
      await page.goto(server.url + p.replace(/^\//, ''));
      const name = `${outDir}/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${scheme}-${width}.png`;
      if (process.env.CLIP) {
        const [y, h] = process.env.CLIP.split(',').map(Number);
        await page.screenshot({ path: name, fullPage: true, clip: { x: 0, y: y!, width, height: h! } });
      } else await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
      console.log(name);
    }
    await ctx.close();
  }
}
await browser.close();
await server.close();
