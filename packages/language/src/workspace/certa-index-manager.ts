import type { AstNode, AstNodeDescription, LangiumDocument, ReferenceDescription, Stream, URI } from 'langium';
import { AstUtils, DefaultIndexManager, DocumentState, stream } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Addressing, Document } from '../generated/ast.js';
import { isAddressing } from '../generated/ast.js';
import { topLevelPath } from './declaration-shapes.js';

/**
 * Langium's index answers "who refers to X" and "which documents does an edit affect" by scanning
 * every reference of the workspace, and rules that ask it once per declaration make a build
 * quadratic. This index keeps the same facts keyed the other way round, updated as each document's
 * references are indexed: references by target, referring documents by target document, and
 * declarations by type and name. Every cross-file question of the rules and of the incremental
 * build is a lookup here.
 */
export class CertaIndexManager extends DefaultIndexManager {
    /** Target document → target path → the references to it, by source document. */
    private readonly byTarget = new NestedMap<Map<string, ReferenceDescription[]>>();
    /** Target document → the documents with non-local references into it. */
    private readonly referrers = new Map<string, Set<string>>();
    /**
     * Target document → top-level path → the documents with references into that top-level
     * declaration (or anything inside it) from another declaration, in another file or its own,
     * each with the top-level declarations of theirs that hold them: who depends on which
     * declaration, for the incremental build.
     */
    private readonly byDeclaration = new NestedMap<Map<string, Set<string>>>();
    /** Source document → the keys it contributed to the maps above (for removal). */
    private readonly contributed = new Map<string, { targets: Map<string, Set<string>>; documents: Set<string>; declarations: Map<string, Set<string>> }>();
    /**
     * The body's `addresses` in files of their own (top level, not in a scheme), by document: they
     * have no name, so they are no exported declaration; every scheme may rely on them.
     */
    private readonly bodyAddressingByUri = new Map<string, Addressing[]>();
    private bodyAddressingGeneration = 0;
    /** Documents with a reference that did not resolve when their references were last indexed. */
    private readonly unresolved = new Set<string>();
    /** `type:name` → the exported declarations so named; `namedBy` the keys each document added. */
    private readonly named = new Map<string, AstNodeDescription[]>();
    private readonly namedBy = new Map<string, string[]>();
    /**
     * The indexed documents in URI order. Langium's index lists a re-indexed document last, so after
     * an edit a name declared twice would resolve to another copy than in a fresh build.
     */
    private readonly orderedUris: string[] = [];
    private readonly typeGenerations = new Map<string, number>();
    /** Per type, its declarations as `elementsOfType` lists them, and the type version they are of. */
    private readonly ofType = new Map<string, { version: number; list: AstNodeDescription[] }>();
    private readonly documentGenerations = new Map<string, number>();
    private generation = 0;
    private contentGeneration = 0;
    /** Documents whose declarations were asked about while references were pending (see whileReferencesPending). */
    private askedEarly?: Set<string>;

    /** Changes whenever the index changes; caches derived from the index key on it. */
    get version(): number {
        return this.generation;
    }

    /** Changes whenever the declarations of a document enter or leave the index (scopes key on it). */
    get contentVersion(): number {
        return this.contentGeneration;
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        return stream(this.byTarget.get(AstUtils.getDocument(targetNode).uri.toString(), astNodePath)?.values() ?? []).flat();
    }

    /** As Langium's, in URI order whatever the order documents were indexed in (scopes take the first of duplicates). */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const documentUris = uris ? this.orderedUris.filter(uri => uris.has(uri)) : this.orderedUris;
        return stream(documentUris).map(uri => this.getFileDescriptions(uri, nodeType)).flat();
    }

    /**
     * Whether anything (in any document, this one included) refers to the node. While references
     * are pending the answer is yes: nothing is called unused before every referrer is indexed.
     */
    isReferenced(targetNode: AstNode, astNodePath: string): boolean {
        const uri = AstUtils.getDocument(targetNode).uri.toString();
        if (this.askedEarly) {
            this.askedEarly.add(uri);
            return true;
        }
        return (this.byTarget.get(uri, astNodePath)?.size ?? 0) > 0;
    }

    /**
     * Runs `build` (the open documents validated ahead of documents whose references are not indexed
     * yet) and returns the documents whose declarations it asked `isReferenced` about.
     */
    async whileReferencesPending(build: () => Promise<void>): Promise<Set<string>> {
        const asked = new Set<string>();
        this.askedEarly = asked;
        try {
            await build();
        } finally {
            this.askedEarly = undefined;
        }
        return asked;
    }

    /** Documents (URIs) with a non-local reference into one of `targets`. */
    referringDocuments(targets: Iterable<string>): Set<string> {
        const result = new Set<string>();
        for (const target of targets) this.referrers.get(target)?.forEach(uri => result.add(uri));
        return result;
    }

    /**
     * The documents (the declaration's own included) that refer into a top-level declaration from
     * another one, each with the paths of its top-level declarations that hold those references.
     */
    referrersOfDeclaration(uri: string, topPath: string): ReadonlyMap<string, ReadonlySet<string>> {
        return this.byDeclaration.get(uri, topPath) ?? new Map();
    }

    /**
     * What the document's references point at in other documents (`targetUri#targetPath`), as its
     * references were last indexed: the targets whose referrers changed when this set changes.
     */
    crossFileTargets(uri: string): Set<string> {
        const targets = new Set<string>();
        for (const [targetUri, paths] of this.contributed.get(uri)?.targets ?? []) {
            if (targetUri !== uri) paths.forEach(path => targets.add(`${targetUri}#${path}`));
        }
        return targets;
    }

    /**
     * Within one document: top-level declaration path → the paths of its other top-level
     * declarations that refer into it. Taken before a re-parse drops the document's references.
     */
    localReaders(uri: string): Map<string, Set<string>> {
        const readers = new Map<string, Set<string>>();
        for (const path of this.contributed.get(uri)?.declarations.get(uri) ?? []) {
            const holders = this.byDeclaration.get(uri, path)?.get(uri);
            if (holders) readers.set(path, new Set(holders));
        }
        return readers;
    }

    /** The references of a document were pointed at new nodes (see referrer-reconnection.ts). */
    rebound(uri: string): void {
        this.changed(uri);
    }

    /** Changes whenever a document exporting declarations of the type changes (its content or its references). */
    typeVersion(type: string): number {
        return this.typeGenerations.get(type) ?? 0;
    }

    /** Changes whenever the document's content or references change in the index. */
    documentVersion(uri: string): number {
        return this.documentGenerations.get(uri) ?? 0;
    }

    /**
     * The exported declarations of exactly this type (not its subtypes), in URI order: one array,
     * made again only after a document declaring one changes.
     */
    elementsOfType(type: string): readonly AstNodeDescription[] {
        const version = this.typeVersion(type);
        let entry = this.ofType.get(type);
        if (entry?.version !== version) {
            const list: AstNodeDescription[] = [];
            for (const uri of this.orderedUris) {
                for (const description of this.symbolIndex.get(uri) ?? []) if (description.type === type) list.push(description);
            }
            this.ofType.set(type, entry = { version, list });
        }
        return entry.list;
    }

    /** The exported declarations of a type with a name, across the workspace, in document order. */
    elementsNamed(type: string, name: string): AstNodeDescription[] {
        return this.named.get(`${type}:${name}`) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        await super.updateContent(document, cancelToken);
        this.contentGeneration++;
        const uri = document.uri.toString();
        const at = sortedIndex(this.orderedUris, uri);
        if (this.orderedUris[at] !== uri) this.orderedUris.splice(at, 0, uri);
        this.changed(uri);
        this.forgetNamesOf(uri);
        const keys: string[] = [];
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const key = `${description.type}:${description.name}`;
            const list = this.named.get(key);
            if (!list) this.named.set(key, [description]);
            else {
                // In URI order, whatever the order documents were indexed in: messages that list the
                // other copies of a name read the same after any edit as in a fresh build.
                const at = list.findIndex(d => d.documentUri.toString() > uri);
                list.splice(at < 0 ? list.length : at, 0, description);
            }
            keys.push(key);
        }
        this.namedBy.set(uri, keys);
        const addressing = ((document.parseResult?.value as Document | undefined)?.elements ?? []).filter(isAddressing);
        if (addressing.length > 0) {
            this.bodyAddressingByUri.set(uri, addressing);
            this.bodyAddressingGeneration++;
        } else {
            this.forgetBodyAddressingOf(uri);
        }
        this.changed(uri);
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        this.contentGeneration++;
        this.changed(uri.toString());
        this.forgetNamesOf(uri.toString());
        this.forgetBodyAddressingOf(uri.toString());
    }

    /** Every `addresses` outside a scheme, in URI order. */
    bodyAddressing(): Addressing[] {
        return [...this.bodyAddressingByUri.keys()].sort().flatMap(uri => this.bodyAddressingByUri.get(uri) ?? []);
    }

    /** Changes whenever a document's `addresses` outside schemes enter or leave the index. */
    get bodyAddressingVersion(): number {
        return this.bodyAddressingGeneration;
    }

    private forgetBodyAddressingOf(uri: string): void {
        if (this.bodyAddressingByUri.delete(uri)) this.bodyAddressingGeneration++;
    }

    private forgetNamesOf(uri: string): void {
        for (const key of this.namedBy.get(uri) ?? []) {
            const list = this.named.get(key)?.filter(d => d.documentUri.toString() !== uri) ?? [];
            if (list.length > 0) this.named.set(key, list); else this.named.delete(key);
        }
        this.namedBy.delete(uri);
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const source = document.uri.toString();
        if (anyReferenceUnresolved(document)) this.unresolved.add(source);
        else this.unresolved.delete(source);
        this.forgetReferencesOf(source);
        const mine = { targets: new Map<string, Set<string>>(), documents: new Set<string>(), declarations: new Map<string, Set<string>>() };
        for (const description of this.referenceIndex.get(source) ?? []) {
            const targetUri = description.targetUri.toString();
            const sources = this.byTarget.getOrAdd(targetUri, description.targetPath, newMap);
            const list = sources.get(source);
            if (list) list.push(description); else sources.set(source, [description]);
            addTo(mine.targets, targetUri, description.targetPath);
            const crossFile = !description.local && targetUri !== source;
            if (crossFile) {
                let documents = this.referrers.get(targetUri);
                if (!documents) this.referrers.set(targetUri, documents = new Set());
                documents.add(source);
                mine.documents.add(targetUri);
            }
            // Declarations of the same file count too: a scheme reads a role through the competence
            // the role's file declares next to it.
            const holder = topLevelPath(description.sourcePath);
            const targetDeclaration = topLevelPath(description.targetPath);
            if (crossFile || holder !== targetDeclaration) {
                addTo(this.byDeclaration.getOrAdd(targetUri, targetDeclaration, newMap), source, holder);
                addTo(mine.declarations, targetUri, targetDeclaration);
            }
        }
        this.contributed.set(source, mine);
        this.changed(source);
    }

    /** A deleted document (`removeContent` alone is a re-index to come, which keeps its place). */
    override remove(uri: URI): void {
        super.remove(uri);
        this.contentGeneration++;
        this.forgetBodyAddressingOf(uri.toString());
        this.unresolved.delete(uri.toString());
        const key = uri.toString();
        const at = sortedIndex(this.orderedUris, key);
        if (this.orderedUris[at] === key) this.orderedUris.splice(at, 1);
    }

    /**
     * Whether a reference of the document is unresolved (a new declaration elsewhere may resolve
     * it): recorded when its references were indexed, read afresh before that. The builder asks it
     * of every document on every edit.
     */
    hasUnresolvedReferences(document: LangiumDocument): boolean {
        if (document.state < DocumentState.IndexedReferences) return anyReferenceUnresolved(document);
        return this.unresolved.has(document.uri.toString());
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.unresolved.delete(uri.toString());
        this.forgetReferencesOf(uri.toString());
        this.changed(uri.toString());
    }

    private forgetReferencesOf(source: string): void {
        const mine = this.contributed.get(source);
        if (!mine) return;
        for (const [targetUri, paths] of mine.targets) {
            for (const path of paths) {
                const sources = this.byTarget.get(targetUri, path);
                sources?.delete(source);
                if (sources?.size === 0) this.byTarget.delete(targetUri, path);
            }
        }
        for (const target of mine.documents) {
            const documents = this.referrers.get(target);
            documents?.delete(source);
            if (documents?.size === 0) this.referrers.delete(target);
        }
        for (const [targetUri, paths] of mine.declarations) {
            for (const path of paths) {
                const holders = this.byDeclaration.get(targetUri, path);
                holders?.delete(source);
                if (holders?.size === 0) this.byDeclaration.delete(targetUri, path);
            }
        }
        this.contributed.delete(source);
    }

    /** Before and after a document's exports change, and when its references do. */
    private changed(uri: string): void {
        this.generation++;
        this.documentGenerations.set(uri, this.generation);
        for (const key of this.namedBy.get(uri) ?? []) {
            this.typeGenerations.set(key.slice(0, key.indexOf(':')), this.generation);
        }
    }
}

/** Where `uri` is or belongs in the sorted list. */
function sortedIndex(sorted: string[], uri: string): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle] < uri) low = middle + 1; else high = middle;
    }
    return low;
}

/**
 * Values by document URI, then by path in it: a reference's target needs no `uri#path` string made
 * for it, which was a twentieth of indexing the references of a large workspace.
 */
class NestedMap<V> {
    private readonly byUri = new Map<string, Map<string, V>>();

    get(uri: string, path: string): V | undefined {
        return this.byUri.get(uri)?.get(path);
    }

    getOrAdd(uri: string, path: string, make: () => V): V {
        let paths = this.byUri.get(uri);
        if (!paths) this.byUri.set(uri, paths = new Map());
        let value = paths.get(path);
        if (value === undefined) paths.set(path, value = make());
        return value;
    }

    delete(uri: string, path: string): void {
        const paths = this.byUri.get(uri);
        if (paths?.delete(path) && paths.size === 0) this.byUri.delete(uri);
    }
}

function newMap<K, V>(): Map<K, V> {
    return new Map();
}

function addTo(sets: Map<string, Set<string>>, key: string, value: string): void {
    let set = sets.get(key);
    if (!set) sets.set(key, set = new Set());
    set.add(value);
}

function anyReferenceUnresolved(document: LangiumDocument): boolean {
    return document.references.some(reference => reference.error !== undefined);
}
