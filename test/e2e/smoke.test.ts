/**
 * The web app loads in a real Chromium from the real server: it renders, breaks no CSP rule, logs no
 * error, and every page path reaches it while the API keeps its own 404s.
 */
import type { Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';

describeInBrowser('the web app in Chromium', (ctx) => {
  it('opens / with its heading, under the strict CSP, without console errors', async () => {
    const { page, problems } = await ctx.newPage();
    const assets: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
    });

    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cache-control']).toBe('no-cache');

    const heading = page.getByRole('heading', { level: 1 });
    await heading.first().waitFor({ state: 'visible' });
    expect((await heading.first().textContent())?.trim()).not.toBe('');
    expect(await page.title()).toMatch(/Moneta/);
    await page.waitForLoadState('networkidle');

    // Vite's hashed files: cached for a year, and sent pre-compressed (all but the tiniest).
    const scripts = assets.filter((asset) => asset.url().endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const scriptHeaders = await script.allHeaders();
      expect(scriptHeaders['cache-control']).toContain('immutable');
      const size = (await script.body()).length;
      expect([script.url(), size < 1024 || scriptHeaders['content-encoding']]).toEqual([
        script.url(),
        size < 1024 || 'br',
      ]);
    }
    expect(problems()).toEqual([]);
  });

  it('serves the app for any page path, so a reload of /accounts/123 works', async () => {
    const { page, problems } = await ctx.newPage();
    const response = await page.goto('/accounts/123');
    expect(response?.status()).toBe(200);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    expect(problems()).toEqual([]);
  });

  it('keeps problem+json 404s for unknown API paths', async () => {
    const { page } = await ctx.newPage();
    const response = await page.request.get('/api/v1/nope', { headers: { accept: 'text/html' } });
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect((await response.json()).code).toBe('ROUTE_NOT_FOUND');
  });
});
