import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { CertaServices } from '../certa-module.js';

/**
 * The standards every workspace can reference (ISO 9001, ISO/IEC 17065, ...). They are ordinary
 * `.certa` documents shipped with the package and loaded from where the package is installed, so
 * go-to-definition, hover and find-references work on them without copying them into the user's folder.
 */
export class BuiltinCatalogs {
    private readonly documents: LangiumDocuments;
    private readonly directory: string;

    constructor(services: CertaServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.directory = services.catalogs.directory;
    }

    async uris(): Promise<URI[]> {
        const names = (await fs.readdir(this.directory)).filter(name => name.endsWith('.certa')).sort();
        return names.map(name => URI.file(path.join(this.directory, name)));
    }

    isBuiltin(uri: URI | string): boolean {
        const fsPath = typeof uri === 'string' ? URI.parse(uri).fsPath : uri.fsPath;
        return path.dirname(fsPath) === this.directory;
    }

    /** Creates (or returns the already loaded) documents of every builtin catalog. */
    async load(): Promise<LangiumDocument[]> {
        const result: LangiumDocument[] = [];
        for (const uri of await this.uris()) {
            result.push(await this.documents.getOrCreateDocument(uri));
        }
        return result;
    }
}

/** Where the catalogs live next to this module: `<package>/catalogs`, both from `src/` and `out/`. */
export function defaultCatalogDirectory(): string {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalogs');
}
