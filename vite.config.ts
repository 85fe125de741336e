/**
 * The web app's build (`npm run build:web`, and `npm start` when the build is missing or stale) and its
 * dev server (`npm run dev`, which proxies the API to the Moneta server on port 3000).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const REPO = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm run dev` runs the API (scripts/dev.mjs starts it there). */
const API = process.env.MONETA_DEV_API ?? 'http://127.0.0.1:3000';

/**
 * What the dev server forwards to the API server: the server's own paths, spelled out, because a bare
 * `/api` prefix would also catch the app's source modules under `src/web/api/` (served at `/api/…`).
 */
const PROXY = {
  '^/api/(?:v1|docs|openapi\\.json)(?:[/?]|$)': { target: API },
  '^/(?:healthz|readyz)(?:[/?]|$)': { target: API },
};

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;

/**
 * Writes `.br` and `.gz` siblings of every text asset after the build: the server has no on-the-fly
 * compression, and @fastify/static (`preCompressed`) serves these to clients that accept them.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'moneta:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After a successful write only (closeBundle also runs when the build failed).
    async writeBundle() {
      const files = (await readdir(outDir, { recursive: true })).map((file) => join(outDir, String(file)));
      await Promise.all(
        files
          .filter((file) => COMPRESSIBLE.test(file))
          .map(async (file) => {
            if ((await stat(file)).size < 1024) return;
            const content = await readFile(file);
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: 11,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzipAsync(content, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
          }),
      );
    },
  };
}

export default defineConfig({
  root: join(REPO, 'src/web'),
  // `.env` files stay where the server's are (the repo root), and only VITE_* reach the browser.
  envDir: REPO,
  plugins: [react(), precompress()],
  build: {
    outDir: join(REPO, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The framework: changes rarely, so it stays cached across releases of the app's own code.
            {
              name: 'vendor',
              test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|@tanstack[\\/](?:query-core|react-query)|cookie|set-cookie-parser)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy: PROXY },
  preview: { port: 4173, proxy: PROXY },
});
