#!/usr/bin/env node
// Langium needs Object.groupBy (Node 21+): load the polyfill before anything imports Langium.
import '@certa/language/node20-polyfill';
import { existsSync } from 'node:fs';

// The bundle (`npm run build`) starts in half the time of the modules tsc writes to out/, which
// remain the fallback after a bare `tsc -b` (see packages/cli/scripts/bundle.mjs).
const bundle = new URL('../dist/certa.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../out/main.js');
process.exitCode = await main(process.argv);
