// Bundles the certa command into dist/ with esbuild, so a cold `certa validate` reads a few files
// instead of resolving and compiling some 600 modules one by one (issue 14: that was about half of
// its start). The workspace packages are bundled from their sources, as the extension's bundle
// does, so the bundle never picks up a stale `out/`.
//
// The command is one CommonJS script, dist/certa.cjs, because Node 20 can start a script from
// V8's code cache (vm.Script's cachedData) but not an ES module: bin/run-bundle.js runs it with
// dist/certa.cjs.cache, which scripts/code-cache.mjs writes after a warm-up run (compiling the
// bundle was the largest single cost of the start). The XLSX library is a script of its own,
// dist/excel.cjs, loaded only by the commands that read workbooks; the thread that compresses
// workbooks is dist/zip-worker.js. bin/certa.js falls back to out/main.js when there is no bundle
// (after a bare `tsc -b`).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCodeCache } from './code-cache.mjs';

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
        format: 'esm',
        banner: { js: "import { createRequire as __certaCreateRequire } from 'node:module'; const require = __certaCreateRequire(import.meta.url);" },
        entryPoints: { 'zip-worker': path.join(repositoryRoot, 'packages', 'generator', 'src', 'render', 'zip-worker.ts') },
        outdir: dist
    });
    await esbuild.build({
        ...common,
        ...script,
        entryPoints: { excel: createRequire(import.meta.url).resolve('exceljs') },
        outdir: dist,
        outExtension: { '.js': '.cjs' }
    });
    const result = await esbuild.build({
        ...common,
        ...script,
        entryPoints: { certa: path.join(packageRoot, 'src', 'main.ts') },
        outdir: dist,
        outExtension: { '.js': '.cjs' },
        plugins: [excelBesideTheBundle],
        external: ['./excel.cjs'],
        metafile
    });
    await writeCodeCache();
    return result;
}

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Readable stack traces in bug reports; a bundle this size compiles as fast either way.
    sourcemap: 'linked',
    logLevel: 'warning',
    // Prefer the ESM entry points: Langium and the workspace packages are ESM-only.
    mainFields: ['module', 'main'],
    conditions: ['import', 'node'],
    alias: {
        '@certa/language': path.join(repositoryRoot, 'packages', 'language', 'src'),
        '@certa/generator': path.join(repositoryRoot, 'packages', 'generator', 'src')
    }
};

/** CommonJS scripts: `import.meta.url` (files found beside a module) becomes the script's own URL. */
const script = {
    format: 'cjs',
    define: { 'import.meta.url': '__certaScriptUrl' },
    banner: { js: "const __certaScriptUrl = require('node:url').pathToFileURL(__filename).href;" }
};

/**
 * `import('exceljs')` requires dist/excel.cjs when a command first needs it: a shim in the bundle
 * (a `require`, since a script run by vm has no loader for `import()`).
 */
const excelBesideTheBundle = {
    name: 'excel-beside-the-bundle',
    setup(build) {
        build.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'excel-beside-the-bundle' }));
        build.onLoad({ filter: /.*/, namespace: 'excel-beside-the-bundle' }, () => ({ contents: "module.exports = require('./excel.cjs');", loader: 'js' }));
    }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const result = await bundle({ metafile: process.argv.includes('--analyze') });
    if (result.metafile) console.log(await esbuild.analyzeMetafile(result.metafile));
}
