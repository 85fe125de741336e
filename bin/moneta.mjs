#!/usr/bin/env node
// The `moneta` command: teaches Node to load TypeScript (tsx's ESM loader), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
