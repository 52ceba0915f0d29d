// Bundles the extension (client) and the language server to CommonJS with esbuild, copies the builtin
// catalogs next to the server and refines the TextMate grammar. Langium is ESM-only and VS Code loads
// extensions as CommonJS, hence the bundle; `vscode` is provided by the editor at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRefinedGrammar } from './refine-grammar.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionRoot = path.resolve(here, '..');
const repositoryRoot = path.resolve(extensionRoot, '..', '..');
const dist = path.join(extensionRoot, 'dist');
const production = process.argv.includes('--production');

// Node 20 lacks Object.groupBy, which Langium calls; VS Code's own Node has it, stdio clients may not.
const polyfill = fs.readFileSync(path.join(repositoryRoot, 'packages', 'language', 'node20-polyfill.mjs'), 'utf8');
// ESM sources read `import.meta.url`; in a CommonJS bundle it comes from the bundle's own file name.
const importMetaUrl = 'var __certaImportMetaUrl = require("url").pathToFileURL(__filename).href;';

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    define: { 'import.meta.url': '__certaImportMetaUrl' },
    banner: { js: importMetaUrl },
    // Prefer the ESM entry points: the language packages are ESM-only.
    mainFields: ['module', 'main'],
    conditions: ['import', 'node'],
    // Bundle the workspace packages from their sources, so the bundle never picks up a stale `out/`.
    alias: {
        '@certa/language': path.join(repositoryRoot, 'packages', 'language', 'src'),
        '@certa/generator': path.join(repositoryRoot, 'packages', 'generator', 'src'),
        '@certa/cli': path.join(repositoryRoot, 'packages', 'cli', 'src')
    }
};

export async function bundle() {
    fs.rmSync(dist, { recursive: true, force: true });
    await Promise.all([
        esbuild.build({ ...common, entryPoints: { extension: path.join(extensionRoot, 'src', 'extension.ts') }, outdir: dist, outExtension: { '.js': '.cjs' } }),
        esbuild.build({
            ...common,
            entryPoints: { server: path.join(extensionRoot, 'src', 'server', 'main.ts') },
            outdir: dist,
            outExtension: { '.js': '.cjs' },
            banner: { js: `${importMetaUrl}\n${polyfill}` }
        }),
        // The thread that compresses workbooks, started from a file next to the server (zip-pool.ts).
        esbuild.build({ ...common, entryPoints: { 'zip-worker': path.join(repositoryRoot, 'packages', 'generator', 'src', 'render', 'zip-worker.ts') }, outdir: dist })
    ]);
    const catalogSource = path.join(repositoryRoot, 'packages', 'language', 'catalogs');
    const catalogTarget = path.join(dist, 'catalogs');
    fs.mkdirSync(catalogTarget, { recursive: true });
    // With the trees `npm run build` cached for them (used where the server's V8 is the one that wrote them).
    for (const name of fs.readdirSync(catalogSource).filter(n => n.endsWith('.certa') || n === 'catalogs.v8cache')) {
        fs.copyFileSync(path.join(catalogSource, name), path.join(catalogTarget, name));
    }
    // certa.json's schema, for the editor's JSON validation (contributes.jsonValidation)
    fs.copyFileSync(path.join(repositoryRoot, 'packages', 'language', 'schemas', 'certa.schema.json'), path.join(dist, 'certa.schema.json'));
    writeRefinedGrammar(path.join(extensionRoot, 'syntaxes', 'certa.tmLanguage.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await bundle();
}
