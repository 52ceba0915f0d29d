#!/usr/bin/env node
// Langium needs Object.groupBy (Node 21+): load the polyfill before anything imports Langium.
import '@certa/language/node20-polyfill';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './run-bundle.js';

// The bundle (`npm run build`) starts in a third of the time of the modules tsc writes to out/,
// which remain the fallback after a bare `tsc -b` (see packages/cli/scripts/bundle.mjs).
const bundle = fileURLToPath(new URL('../dist/certa.cjs', import.meta.url));
const { main } = existsSync(bundle) ? loadBundle(bundle).exports : await import('../out/main.js');
process.exitCode = await main(process.argv);
