import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import { isReference } from 'langium';

/**
 * The builtin catalogs as parsed once, at build time, in Langium's dehydrated form (the AST and
 * its CST, references unresolved): hydrating them takes about a third of parsing their 120 KB,
 * a tenth of a cold `certa validate` (issue 14). Written by `npm run build` next to the
 * catalogs (scripts/catalog-cache.mjs). An entry is used only for the very text it was made
 * from, by the same grammar and the same V8; anything else is parsed from the text as before, so
 * a missing, stale or unreadable cache costs time, never a wrong tree.
 */
export const CATALOG_CACHE_FILE = 'catalogs.v8cache';

/** Bumped when what the cache holds changes shape. */
const FORMAT = 1;

interface CacheFile {
    key: string;
    entries: Record<string, { textHash: string; result: ParseResult<object> }>;
}

function textHash(text: string): string {
    return createHash('sha256').update(text).digest('hex');
}

/**
 * What the dehydrated trees depend on besides the text: the grammar (the hydrator numbers its
 * elements in this order and names token types), the V8 that serialised them and the format.
 */
function cacheKey(services: LangiumCoreServices): string {
    // The grammar as JSON, references by their text and without Langium's own `$` properties: a
    // third of the time of walking its tree (a cold start does this once).
    const grammar = JSON.stringify(services.Grammar, (key, value: unknown) => {
        if (key.startsWith('$') && key !== '$type') return undefined;
        return isReference(value) ? value.$refText : value;
    });
    return createHash('sha256').update(`${FORMAT}\0${process.versions.v8}\0${grammar}`).digest('hex');
}

/** The cached trees of a catalog folder, by file name; empty when there is no usable cache. */
export class CatalogCache {
    private constructor(private readonly entries: CacheFile['entries'], private readonly services: LangiumCoreServices) {}

    static read(directory: string, services: LangiumCoreServices): CatalogCache {
        try {
            const file = v8.deserialize(fs.readFileSync(path.join(directory, CATALOG_CACHE_FILE))) as CacheFile;
            if (file?.key === cacheKey(services) && typeof file.entries === 'object') return new CatalogCache(file.entries, services);
        } catch {
            // No cache (a source checkout before `npm run build`), or one this Node cannot read.
        }
        return new CatalogCache({}, services);
    }

    /** The parse result of `text` from the cache, or undefined when it holds none for this very text. */
    parseResult(name: string, text: string): ParseResult<AstNode> | undefined {
        const entry = this.entries[name];
        if (!entry || entry.textHash !== textHash(text)) return undefined;
        try {
            return this.services.serializer.Hydrator.hydrate(entry.result);
        } catch {
            return undefined;
        }
    }
}

/**
 * Langium 4.4's hydrator recognises a reference by its `ref` property (`isReference`), which its
 * own dehydrated references lack, so it would leave them plain objects that never link. An
 * unresolved `ref` makes them references again.
 */
function markReferences(node: object): void {
    for (const [property, value] of Object.entries(node)) {
        if (property.startsWith('$')) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
            if (typeof item !== 'object' || item === null) continue;
            if (typeof (item as { $type?: unknown }).$type === 'string') markReferences(item);
            else if (typeof (item as { $refText?: unknown }).$refText === 'string' && !('ref' in item)) (item as { ref?: unknown }).ref = undefined;
        }
    }
}

/** Parses every `.certa` file of the folder and writes the cache beside them (atomically). */
export function writeCatalogCache(directory: string, services: LangiumCoreServices): string {
    const entries: CacheFile['entries'] = {};
    for (const name of fs.readdirSync(directory).filter(n => n.endsWith('.certa')).sort()) {
        const text = fs.readFileSync(path.join(directory, name), 'utf8');
        const result = services.parser.LangiumParser.parse(text);
        // A catalog that does not parse cleanly is left to the parser, which reports it.
        if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) continue;
        const dehydrated = services.serializer.Hydrator.dehydrate(result);
        markReferences(dehydrated.value);
        entries[name] = { textHash: textHash(text), result: dehydrated };
    }
    const target = path.join(directory, CATALOG_CACHE_FILE);
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, v8.serialize({ key: cacheKey(services), entries } satisfies CacheFile));
    fs.renameSync(temporary, target);
    return target;
}
