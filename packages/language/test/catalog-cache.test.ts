import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { createCertaServices } from '../src/certa-module.js';
import { defaultCatalogDirectory } from '../src/catalogs/builtin-catalogs.js';
import { CATALOG_CACHE_FILE, writeCatalogCache } from '../src/catalogs/catalog-cache.js';
import { certaFiles, examplesFolder } from './test-services.js';

/**
 * The builtin catalogs hydrated from the cache `npm run build` writes must be the trees the parser
 * makes of the same text (so every rule, hover and go-to-definition sees the same), and a cache
 * that does not fit the text is never used.
 */
let folder: string;

beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-catalog-cache-'));
    for (const name of fs.readdirSync(defaultCatalogDirectory()).filter(n => n.endsWith('.certa'))) {
        fs.copyFileSync(path.join(defaultCatalogDirectory(), name), path.join(folder, name));
    }
});

afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

function services(): CertaServices {
    return createCertaServices(NodeFileSystem, { catalogDirectory: folder }).Certa;
}

/** Loads the catalogs and counts the files the parser had to read. */
async function load(within: CertaServices): Promise<{ documents: LangiumDocument[]; parsed: number }> {
    const parse = vi.spyOn(within.parser.LangiumParser, 'parse');
    const documents = await within.catalogs.BuiltinCatalogs.load();
    const parsed = parse.mock.calls.length;
    parse.mockRestore();
    return { documents, parsed };
}

/** The AST with its text positions, as JSON (references by their text). */
function tree(within: CertaServices, document: LangiumDocument): string {
    return within.serializer.JsonSerializer.serialize(document.parseResult.value, { textRegions: true, refText: true });
}

/** Every diagnostic of the examples, built against the catalogs as loaded. */
async function exampleDiagnostics(within: CertaServices, builtins: LangiumDocument[]): Promise<string[]> {
    const examples = certaFiles(examplesFolder).map(file => {
        const document = within.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
        within.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await within.shared.workspace.DocumentBuilder.build([...builtins, ...examples], { validation: true });
    return [...builtins, ...examples].flatMap(d => (d.diagnostics ?? []).map(x => `${path.basename(d.uri.fsPath)}:${x.range.start.line}:${x.range.start.character} ${x.code}`)).sort();
}

describe('the builtin catalogs cached at build time', () => {
    it('hydrate to the trees the parser makes of the same text, and the examples validate the same against them', async () => {
        const parsed = services();
        const fromText = await load(parsed);
        expect(fromText.parsed).toBe(fromText.documents.length);

        writeCatalogCache(folder, services());
        const cached = services();
        const hydrated = await load(cached);
        expect(hydrated.parsed).toBe(0);
        expect(hydrated.documents.map(d => d.uri.toString())).toEqual(fromText.documents.map(d => d.uri.toString()));
        expect(await exampleDiagnostics(cached, hydrated.documents)).toEqual(await exampleDiagnostics(parsed, fromText.documents));
        // Built: every reference resolved, to the same targets.
        hydrated.documents.forEach((document, i) => {
            expect(tree(cached, document)).toBe(tree(parsed, fromText.documents[i]));
            expect(document.textDocument.getText()).toBe(fromText.documents[i].textDocument.getText());
        });
    });

    it('parse a catalog whose text changed since the cache was written, and hydrate the others', async () => {
        writeCatalogCache(folder, services());
        const changed = fs.readdirSync(folder).filter(n => n.endsWith('.certa')).sort()[0];
        fs.appendFileSync(path.join(folder, changed), '\ncatalog ADDED_AFTER "written after the cache" { clause 1 "One" }\n');
        const within = services();
        const { documents, parsed } = await load(within);
        expect(parsed).toBe(1);
        const document = documents.find(d => d.uri.fsPath.endsWith(changed))!;
        expect(document.textDocument.getText()).toContain('ADDED_AFTER');
        expect(document.parseResult.value.$cstNode?.text).toContain('ADDED_AFTER');
    });

    it('are parsed from their text when the cache is unreadable, or was written by another grammar or V8', async () => {
        fs.writeFileSync(path.join(folder, CATALOG_CACHE_FILE), 'not a cache');
        expect((await load(services())).parsed).toBeGreaterThan(0);

        writeCatalogCache(folder, services());
        const file = path.join(folder, CATALOG_CACHE_FILE);
        const bytes = fs.readFileSync(file);
        // Another key: the first hex digit of the stored key flipped.
        const at = bytes.indexOf(Buffer.from('key')) + 6;
        bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
        fs.writeFileSync(file, bytes);
        const { documents, parsed } = await load(services());
        expect(parsed).toBe(documents.length);
    });
});
