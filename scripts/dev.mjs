#!/usr/bin/env node
// `npm run dev`: the API server (restarting on change) on :3000 and Vite's dev server (hot reload) on
// :5173, which proxies /api, /healthz and /readyz to it. Open the Vite address. Ctrl-C stops both;
// when either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.VITE_PORT ?? '5173';

const children = [
  {
    name: 'api',
    // MONETA_WEB=off: Vite serves the app here; the server neither builds nor serves dist/web.
    child: spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/cli/main.ts', 'serve'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORT: apiPort, MONETA_WEB: 'off' },
    }),
  },
  {
    name: 'web',
    child: spawn(bin('vite'), ['--port', webPort, '--strictPort'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MONETA_DEV_API: `http://127.0.0.1:${apiPort}` },
    }),
  },
];

console.log(
  `\nMoneta dev: open http://localhost:${webPort} (hot reload; API docs at http://localhost:${webPort}/api/docs).` +
    `\nThe API server runs on http://localhost:${apiPort} and restarts on change. Ctrl-C stops both.\n`,
);

let stopping = false;
let exitCode = 0;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  // Whatever does not stop within 5 s is killed.
  setTimeout(() => {
    for (const { child } of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 5000).unref();
}

for (const { name, child } of children) {
  child.on('error', (error) => {
    console.error(`dev: could not start the ${name} process: ${error.message}`);
    exitCode = 1;
    stopAll('SIGTERM');
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `dev: the ${name} process stopped (${signal ?? `exit code ${code}`}); stopping the other.`,
      );
      exitCode = code || 1;
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.child.exitCode !== null || c.child.signalCode !== null))
      process.exit(exitCode);
  });
}

// Ctrl-C in a terminal reaches the children too (same process group); forwarding covers `kill <pid>`.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal));
