/**
 * The entry point of the `moneta` command (`bin/moneta.mjs` loads it through tsx; `npm run dev`
 * runs it directly). Everything testable lives in `run.ts`.
 */
import { processIo } from './io.ts';
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
