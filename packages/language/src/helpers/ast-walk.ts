import type { AstNode, ReferenceInfo } from 'langium';
import { isAstNode, isMultiReference, isReference } from 'langium';

const DOLLAR = 36;

/**
 * Visits every node under `root`, the root first, in the order of Langium's `streamAst` (depth first,
 * properties in the order the parser assigned them), and hands over each node's references after the
 * node and before its children, as Langium's linker meets them.
 *
 * Langium's linker, reference indexer, scope computation and validator build a stream per node and
 * await a cancellation check per node; on a 2,000-file workspace that overhead is a tenth of the build.
 * Certa's versions of them read the result of one such walk per parse (walkedTree), synchronously, and
 * check for cancellation between documents or every few dozen nodes.
 */
export function walkAst(root: AstNode, onNode?: (node: AstNode) => void, onReference?: (info: ReferenceInfo) => void): void {
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        onNode?.(node);
        const properties = node as unknown as Record<string, unknown>;
        for (const property of Object.keys(node)) {
            if (property.charCodeAt(0) === DOLLAR) continue;
            const value = properties[property];
            if (isAstNode(value)) {
                children.push(value);
            } else if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const element: unknown = value[index];
                    if (isAstNode(element)) children.push(element);
                    else if (onReference && (isReference(element) || isMultiReference(element))) onReference({ reference: element, container: node, property, index });
                }
            } else if (onReference && (isReference(value) || isMultiReference(value))) {
                onReference({ reference: value, container: node, property });
            }
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        children.length = 0;
    }
}

/** The nodes and references of one parsed tree, in walkAst's order. */
export interface WalkedTree {
    readonly nodes: readonly AstNode[];
    readonly references: readonly ReferenceInfo[];
}

const walkedTrees = new WeakMap<AstNode, WalkedTree>();

/**
 * The nodes and references of the tree under a document's root, walked once per parse: a tree does not
 * change once parsed (a new text is a new tree), and scope computation, linking, reference indexing
 * and validation each need all of it.
 */
export function walkedTree(root: AstNode): WalkedTree {
    let walked = walkedTrees.get(root);
    if (!walked) {
        const nodes: AstNode[] = [];
        const references: ReferenceInfo[] = [];
        walkAst(root, node => { nodes.push(node); }, reference => references.push(reference));
        walkedTrees.set(root, walked = { nodes, references });
    }
    return walked;
}
