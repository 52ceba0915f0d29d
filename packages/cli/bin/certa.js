#!/usr/bin/env node
// Langium needs Object.groupBy (Node 21+): load the polyfill before anything imports Langium.
import '@certa/language/node20-polyfill';

const { main } = await import('../out/main.js');
process.exitCode = await main(process.argv);
