import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CertaServices } from '../src/certa-module.js';
import { createCertaServices } from '../src/certa-module.js';
import type { Document } from '../src/generated/ast.js';

let counter = 0;

/** Fresh services with the builtin catalogs loaded and built, as every workspace has them. */
export async function createTestServices(): Promise<CertaServices> {
    const { Certa } = createCertaServices(NodeFileSystem);
    const builtins = await Certa.catalogs.BuiltinCatalogs.load();
    await Certa.shared.workspace.DocumentBuilder.build(builtins, { validation: true });
    return Certa;
}

/**
 * Parses, links and validates in-memory sources as one workspace (plus the builtin catalogs).
 * Returns the documents in the order given.
 */
export async function validateSources(services: CertaServices, ...sources: string[]): Promise<Array<LangiumDocument<Document>>> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const created = sources.map(text => {
        const document = factory.fromString<Document>(text, URI.file(`/test-workspace/doc${++counter}.certa`));
        documents.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(created, { validation: true });
    return created;
}

/** Removes test documents so that the next test starts from the builtin catalogs only. */
export async function clearTestDocuments(services: CertaServices): Promise<void> {
    const documents = services.shared.workspace.LangiumDocuments;
    const uris = documents.all.filter(d => d.uri.path.startsWith('/test-workspace/')).map(d => d.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update([], uris);
}

/** A diagnostic's message as text (the protocol also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function codes(diagnostics: Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(d => String(d.code));
}

/** The bundled examples, which every test that needs a realistic workspace reads. */
export const examplesFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

/** The `.certa` files below a folder, sorted. */
export function certaFiles(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return certaFiles(full);
        return entry.name.endsWith('.certa') ? [full] : [];
    }).sort();
}
