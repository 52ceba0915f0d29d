import type { AstNode, AstNodeDescription, AstNodeDescriptionProvider, AstNodeLocator, LangiumDocument, Reference } from 'langium';
import { AstUtils, isAstNode } from 'langium';
import type { CertaIndexManager } from './certa-index-manager.js';
import { declarationShapes } from './declaration-shapes.js';

/** A document re-parsed since its referrers were last bound, with the shapes they were bound to. */
export interface ReparsedDocument {
    document: LangiumDocument;
    before: Map<string, string>;
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
    for (const { document, before } of reparsed) {
        const uri = document.uri.toString();
        const after = declarationShapes(document, services.locator);
        for (const path of new Set([...before.keys(), ...after.keys()])) {
            if (before.get(path) !== after.get(path)) changed.push([uri, path]);
        }
        for (const [path] of changed.filter(([u]) => u === uri)) {
            for (const source of services.index.referrersOfDeclaration(uri, path).keys()) relink.add(source);
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
    const seen = new Set(changed.map(([uri, path]) => `${uri}#${path}`));
    while (changed.length > 0) {
        const [uri, path] = changed.pop()!;
        for (const [source, holders] of services.index.referrersOfDeclaration(uri, path)) {
            if (!relink.has(source)) revalidate.add(source);
            for (const holder of holders) {
                const key = `${source}#${holder}`;
                if (!seen.has(key)) {
                    seen.add(key);
                    changed.push([source, holder]);
                }
            }
        }
    }
    rebuilt.forEach(uri => { relink.delete(uri); revalidate.delete(uri); });
    return { relink, revalidate };
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
