import type { AstNode, AstNodeDescription, AstNodeDescriptionProvider, AstNodeLocator, LangiumDocument, Reference } from 'langium';
import { AstUtils, isAstNode } from 'langium';
import type { CertaIndexManager } from './certa-index-manager.js';
import { declarationShapes, topLevelPath, typeAndName } from './declaration-shapes.js';

/** A document re-parsed since its referrers were last bound, with the shapes they were bound to. */
export interface ReparsedDocument {
    document: LangiumDocument;
    before: Map<string, string>;
    /**
     * Its declarations that referred to each of its others (see CertaIndexManager.localReaders);
     * undefined when unknown, and then every declaration of it counts as changed for its readers.
     */
    localReaders?: Map<string, Set<string>>;
}

export interface ReconnectionServices {
    index: CertaIndexManager;
    locator: AstNodeLocator;
    descriptions: AstNodeDescriptionProvider;
    documentOf: (uri: string) => LangiumDocument | undefined;
}

/** What the referrers of re-parsed documents need: a relink (their targets changed) or a validation (they read through those). */
export interface Reconnection {
    relink: Set<string>;
    revalidate: Set<string>;
}

/**
 * After a document is parsed again its declarations are new objects. Langium relinks and
 * revalidates every document that refers to it, which for a roles file a thousand schemes use is
 * a thousand validations per keystroke. Instead, per declaration: the documents that refer to a
 * declaration whose path or shape changed are relinked and revalidated, and so (validation only)
 * is whoever refers, through declarations of theirs, to those; the references of every other
 * referrer are pointed at the new nodes at the same paths, which gives the same result as a
 * relink without its cost.
 */
export function reconnectReferrers(reparsed: ReparsedDocument[], services: ReconnectionServices): Reconnection {
    const relink = new Set<string>();
    const revalidate = new Set<string>();
    const rebuilt = new Set(reparsed.map(r => r.document.uri.toString()));
    /** `uri#topPath` of declarations whose readers must be validated again. */
    const changed: Array<[string, string]> = [];
    for (const { document, before, localReaders } of reparsed) {
        const uri = document.uri.toString();
        const after = declarationShapes(document, services.locator);
        const paths = new Set([...before.keys(), ...after.keys()]);
        for (const path of paths) {
            if (before.get(path) === after.get(path)) continue;
            changed.push([uri, path]);
            for (const source of services.index.referrersOfDeclaration(uri, path).keys()) relink.add(source);
        }
        // Without its own readers, any declaration of it may read a changed one: all are read again.
        if (!localReaders) paths.forEach(path => { if (before.get(path) === after.get(path)) changed.push([uri, path]); });
        // A name that appears or disappears here may take over (or give back) the references to
        // another declaration of that name: a fresh build resolves duplicates by document order.
        for (const named of namesAddedOrRemoved(before, after)) {
            for (const other of services.index.elementsNamed(named.type, named.name)) {
                const otherUri = other.documentUri.toString();
                if (otherUri === uri) continue;
                for (const [source, holders] of services.index.referrersOfDeclaration(otherUri, topLevelPath(other.path))) {
                    relink.add(source);
                    holders.forEach(holder => changed.push([source, holder]));
                }
            }
        }
        const nodes = new Map<string, { node?: AstNode; description?: AstNodeDescription }>();
        for (const source of services.index.referringDocuments([uri])) {
            if (relink.has(source) || rebuilt.has(source)) continue;
            const referrer = services.documentOf(source);
            if (referrer && !rebind(referrer, document, services, nodes)) relink.add(source);
            else services.index.rebound(source);
        }
    }
    // Readers through chains of references (scheme → role → competence): validated again.
    const readersWithin = new Map(reparsed.map(r => [r.document.uri.toString(), r.localReaders]));
    for (const source of readersThrough(changed, services.index, readersWithin)) {
        if (!relink.has(source)) revalidate.add(source);
    }
    rebuilt.forEach(uri => { relink.delete(uri); revalidate.delete(uri); });
    return { relink, revalidate };
}

/**
 * The documents that read the declarations of documents about to be deleted, directly or through
 * chains of references (a programme's team → people → roles): Langium relinks the direct readers
 * only. Asked before the deletion, while the index still holds every reader.
 */
export function readersOfDeleted(documents: LangiumDocument[], services: Pick<ReconnectionServices, 'index' | 'locator'>): Set<string> {
    const changed: Array<[string, string]> = [];
    for (const document of documents) {
        const uri = document.uri.toString();
        for (const path of declarationShapes(document, services.locator).keys()) changed.push([uri, path]);
    }
    const readers = readersThrough(changed, services.index, new Map());
    documents.forEach(document => readers.delete(document.uri.toString()));
    return readers;
}

/**
 * Every document that refers, directly or through declarations of its own, to one of the `changed`
 * declarations (`[uri, topPath]`). `readersWithin` gives the readers inside re-parsed documents,
 * whose own references are out of the index by now.
 */
function readersThrough(changed: Array<[string, string]>, index: CertaIndexManager, readersWithin: Map<string, Map<string, Set<string>> | undefined>): Set<string> {
    const result = new Set<string>();
    const seen = new Set(changed.map(([uri, path]) => `${uri}#${path}`));
    while (changed.length > 0) {
        const [uri, path] = changed.pop()!;
        const own = readersWithin.get(uri)?.get(path);
        const readers = own ? [...index.referrersOfDeclaration(uri, path), [uri, own] as const] : index.referrersOfDeclaration(uri, path);
        for (const [source, holders] of readers) {
            result.add(source);
            for (const holder of holders) {
                const key = `${source}#${holder}`;
                if (!seen.has(key)) {
                    seen.add(key);
                    changed.push([source, holder]);
                }
            }
        }
    }
    return result;
}

function namesAddedOrRemoved(before: Map<string, string>, after: Map<string, string>): Array<{ type: string; name: string }> {
    const names = (shapes: Map<string, string>) => new Set([...shapes.values()].map(typeAndName).filter(n => n !== undefined).map(n => `${n.type}:${n.name}`));
    const was = names(before);
    const now = names(after);
    return [...was, ...now].filter(key => was.has(key) !== now.has(key)).map(key => typeAndName(key + ':')!);
}

interface ResolvedReference extends Reference {
    _ref?: unknown;
    _nodeDescription?: unknown;
}

/**
 * Points the references of `referrer` into old nodes of `target` at the nodes now at the same paths.
 * False when a path no longer leads to a node of the same type and name (the caller relinks).
 */
function rebind(referrer: LangiumDocument, target: LangiumDocument, services: ReconnectionServices, nodes: Map<string, { node?: AstNode; description?: AstNodeDescription }>): boolean {
    const root = target.parseResult.value;
    for (const reference of referrer.references as ResolvedReference[]) {
        if (!('_ref' in reference)) continue;
        const old = reference._ref;
        if (!isAstNode(old)) continue;
        const oldRoot = AstUtils.findRootNode(old);
        if (oldRoot === root || oldRoot.$document !== target) continue;
        const path = services.locator.getAstNodePath(old);
        let found = nodes.get(path);
        if (!found) nodes.set(path, found = { node: services.locator.getAstNode(root, path) });
        const now = found.node;
        const name = (old as { name?: unknown }).name;
        if (!now || now.$type !== old.$type || (now as { name?: unknown }).name !== name) return false;
        reference._ref = now;
        found.description ??= services.descriptions.createDescription(now, typeof name === 'string' && name ? name : reference.$refText, target);
        reference._nodeDescription = found.description;
    }
    return true;
}
