/**
 * A self-hoster opens Moneta over plain HTTP on the LAN (`http://moneta.lan:3000`): Chromium must load
 * every asset over http and render the app. With `upgrade-insecure-requests` in the CSP it rewrote the
 * assets to https, which nothing serves, and the page stayed blank. Chromium resolves `moneta.lan` to
 * the test server through its host-resolver rule; no DNS is involved.
 */
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { chromiumPath, describeInBrowser, watchPage } from '../support/browser.ts';
import { CHROMIUM_ARGS } from '../support/chromium.ts';

describeInBrowser('Moneta over plain HTTP on a LAN name', (ctx) => {
  it('renders the app with every asset fetched over http', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      headless: true,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP moneta.lan 127.0.0.1'],
    });
    try {
      const page = await browser.newPage();
      const problems = await watchPage(page);
      const failed: string[] = [];
      const assets: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('request', (request) => assets.push(request.url()));
      const port = new URL(ctx.server.url).port;
      const response = await page.goto(`http://moneta.lan:${port}/`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 10_000 });
      expect(failed).toEqual([]);
      expect(assets.filter((url) => url.startsWith('https:'))).toEqual([]);
      expect(problems()).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
