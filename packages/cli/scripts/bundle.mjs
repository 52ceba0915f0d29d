// Bundles the certa command into dist/ with esbuild (ESM, code split), so a cold `certa validate`
// reads a few files instead of resolving and compiling some 600 modules one by one (issue 14: that
// was about half of its start). bin/certa.js loads dist/certa.mjs when it is there and out/main.js
// when not (after a bare `tsc -b`). The workspace packages are bundled from their sources, as the
// extension's bundle does, so the bundle never picks up a stale `out/`. Commands that need the
// generators or the XLSX library import them when they run (dynamic imports become chunks of
// their own), so `certa validate` does not load them.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..');
const repositoryRoot = path.resolve(packageRoot, '..', '..');
const dist = path.join(packageRoot, 'dist');

export async function bundle({ metafile = false } = {}) {
    fs.rmSync(dist, { recursive: true, force: true });
    // The thread that compresses workbooks (packages/generator/src/render/zip-pool.ts) is started
    // from a file next to the module that starts it: dist/zip-worker.js, ESM as the package is.
    await esbuild.build({
        ...common,
        entryPoints: { 'zip-worker': path.join(repositoryRoot, 'packages', 'generator', 'src', 'render', 'zip-worker.ts') },
        outdir: dist
    });
    return esbuild.build({
        ...common,
        entryPoints: { certa: path.join(packageRoot, 'src', 'main.ts') },
        outdir: dist,
        outExtension: { '.js': '.mjs' },
        splitting: true,
        metafile
    });
}

const common = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Readable stack traces in bug reports; a bundle this size compiles as fast either way.
    sourcemap: 'linked',
    logLevel: 'warning',
    // Prefer the ESM entry points: Langium and the workspace packages are ESM-only.
    mainFields: ['module', 'main'],
    conditions: ['import', 'node'],
    // The CommonJS dependencies (commander, ajv, the LSP protocol) call require() for Node's modules.
    banner: { js: "import { createRequire as __certaCreateRequire } from 'node:module'; const require = __certaCreateRequire(import.meta.url);" },
    alias: {
        '@certa/language': path.join(repositoryRoot, 'packages', 'language', 'src'),
        '@certa/generator': path.join(repositoryRoot, 'packages', 'generator', 'src')
    }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const result = await bundle({ metafile: process.argv.includes('--analyze') });
    if (result.metafile) console.log(await esbuild.analyzeMetafile(result.metafile));
}
