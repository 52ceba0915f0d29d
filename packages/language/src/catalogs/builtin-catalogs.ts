import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNode, LangiumDocument, LangiumDocumentFactory, LangiumDocuments, ParseResult } from 'langium';
import { URI } from 'langium';
import type { CertaServices } from '../certa-module.js';
import { CatalogCache } from './catalog-cache.js';

/** Langium's factory makes a document of a parse result; the method is protected, the behaviour is what is wanted. */
interface DocumentFromParseResult {
    createLangiumDocument(parseResult: ParseResult<AstNode>, uri: URI, textDocument: undefined, text: string): LangiumDocument;
}

/**
 * The standards every workspace can reference (ISO 9001, ISO/IEC 17065, ...). They are ordinary
 * `.certa` documents shipped with the package and loaded from where the package is installed, so
 * go-to-definition, hover and find-references work on them without copying them into the user's folder.
 */
export class BuiltinCatalogs {
    private readonly documents: LangiumDocuments;
    private readonly factory: LangiumDocumentFactory;
    private readonly directory: string;
    private readonly services: CertaServices;

    constructor(services: CertaServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.factory = services.shared.workspace.LangiumDocumentFactory;
        this.directory = services.catalogs.directory;
        this.services = services;
    }

    async uris(): Promise<URI[]> {
        const names = (await fs.readdir(this.directory)).filter(name => name.endsWith('.certa')).sort();
        return names.map(name => URI.file(path.join(this.directory, name)));
    }

    isBuiltin(uri: URI | string): boolean {
        const fsPath = typeof uri === 'string' ? URI.parse(uri).fsPath : uri.fsPath;
        return path.dirname(fsPath) === this.directory;
    }

    /**
     * Creates (or returns the already loaded) documents of every builtin catalog: from the trees
     * cached at build time where they match the text (catalog-cache.ts), else parsed.
     */
    async load(): Promise<LangiumDocument[]> {
        const result: LangiumDocument[] = [];
        let cache: CatalogCache | undefined;
        for (const uri of await this.uris()) {
            const loaded = this.documents.getDocument(uri);
            if (loaded) {
                result.push(loaded);
                continue;
            }
            const text = await fs.readFile(uri.fsPath, 'utf8');
            cache ??= CatalogCache.read(this.directory, this.services);
            const parsed = cache.parseResult(path.basename(uri.fsPath), text);
            const document = parsed
                ? (this.factory as unknown as DocumentFromParseResult).createLangiumDocument(parsed, uri, undefined, text)
                : this.factory.fromString(text, uri);
            this.documents.addDocument(document);
            result.push(document);
        }
        return result;
    }
}

/** Where the catalogs live next to this module: `<package>/catalogs`, both from `src/` and `out/`. */
export function defaultCatalogDirectory(): string {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalogs');
}
