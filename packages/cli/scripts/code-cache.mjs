// Writes dist/certa.cjs.cache: V8's code cache of the bundle after a warm-up `certa validate` of the
// examples, so that it holds the functions a run compiles, not only the top level. Part of
// `npm run bundle`; the cache fits the Node that wrote it (bin/run-bundle.js ignores it otherwise).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import '@certa/language/node20-polyfill';
import { loadBundle } from '../bin/run-bundle.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.resolve(packageRoot, '..', '..', 'examples');

export async function writeCodeCache() {
    const { exports, script, cacheFile } = loadBundle(path.join(packageRoot, 'dist', 'certa.cjs'));
    // Whatever the examples hold: the run is there to compile what a validation runs.
    await exports.main(['node', 'certa', 'validate', examples]);
    process.exitCode = undefined;
    fs.writeFileSync(cacheFile, script.createCachedData());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeCodeCache();
