#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse on the dashboard, the checking account's register and the spending
 * report of a fresh demo book, served from the production build by the real server on a throwaway
 * SQLite database, in Debian's Chromium. Prints the performance and accessibility scores for the
 * mobile (default) and desktop presets of each page.
 * Targets: performance ≥ 95, accessibility 100.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const root = new URL('..', import.meta.url).pathname;
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dataDir = mkdtempSync(join(tmpdir(), 'moneta-lighthouse-'));
const env = { ...process.env, DATABASE_URL: join(dataDir, 'moneta.db'), LOG_LEVEL: 'warn' };

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const moneta = (args, extra = {}) =>
  spawnSync(process.execPath, [join(root, 'bin/moneta.mjs'), ...args], {
    env: { ...env, ...extra },
    encoding: 'utf8',
  });
const demo = moneta(['demo']);
if (demo.status !== 0) throw new Error(`moneta demo failed:\n${demo.stderr}`);

const port = await freePort();
const server = spawn(process.execPath, [join(root, 'bin/moneta.mjs'), 'serve'], {
  env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: 'inherit',
});
const base = `http://127.0.0.1:${port}`;
let chrome;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (i > 300) throw new Error('The server did not start.');
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'moneta-demo-password' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const books = await (await fetch(`${base}/api/v1/books`, { headers: { cookie } })).json();
  const book = `${base}/books/${books[0].id}`;
  const accounts = await (
    await fetch(`${base}/api/v1/books/${books[0].id}/accounts`, { headers: { cookie } })
  ).json();
  const checking = accounts.find((a) => a.name === 'Checking').id;
  const pages = [`${book}/dashboard`, `${book}/accounts/${checking}`, `${book}/reports/spending`];

  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: { Cookie: cookie },
  };
  const all = {};
  for (const url of pages) {
    const results = {};
    for (const [preset, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ]) {
      const run = await lighthouse(url, flags, config);
      if (run.lhr.runtimeError)
        console.log(`  ${preset} run error: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`);
      const { performance, accessibility } = run.lhr.categories;
      results[preset] = {
        performance: Math.round(performance.score * 100),
        accessibility: Math.round(accessibility.score * 100),
      };
      const failing = Object.values(run.lhr.audits).filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'manual',
      );
      console.log(
        `${url.replace(base, '')} ${preset}: performance ${results[preset].performance}, accessibility ${results[preset].accessibility}`,
      );
      for (const audit of failing.slice(0, 8))
        console.log(`  ${audit.id}: ${audit.displayValue ?? audit.title}`);
      for (const id of [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
      ]) {
        console.log(`  ${id}: ${run.lhr.audits[id].displayValue}`);
      }
    }
    console.log(
      `Lighthouse on ${url.replace(base, '')}: ${JSON.stringify(results)} (targets: performance ≥ 95, accessibility 100)`,
    );
    all[url.replace(base, '')] = results;
  }
  console.log(`Lighthouse: ${JSON.stringify(all)}`);
} finally {
  await chrome?.kill();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
