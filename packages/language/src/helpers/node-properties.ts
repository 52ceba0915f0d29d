import type { AstNode, Reference } from 'langium';
import type { Catalog, Clause, ClauseRef } from '../generated/ast.js';

/**
 * Tolerant readers of AST properties. Langium's parser recovery does not assign tokens it inserted,
 * so on half-typed text a property that `generated/ast.ts` declares required may be `undefined`
 * (`catalog t` has no title, `covers 2` has no catalog reference, a clause may lose its number).
 * Code that runs on what the designer is typing (scoping, rules, model, editor features) reads
 * such properties through these helpers, which accept `undefined` and say what they return then.
 */

/** The node a reference resolves to; undefined when the reference is missing or unresolved. */
export function refOf<T extends AstNode>(reference: Reference<T> | undefined): T | undefined {
    return reference?.ref;
}

/** The text a reference was written as; '' when the parser never read it. */
export function refTextOf(reference: { $refText?: string } | undefined): string {
    return reference?.$refText ?? '';
}

/** A resolved target's name, else the reference as written. */
export function targetNameOf(reference: Reference<AstNode & { name?: string }> | undefined): string {
    return reference?.ref?.name ?? refTextOf(reference);
}

/** A declaration's name for messages and reports: `(unnamed)` when the parser lost it. */
export function nameOf(node: { name?: string } | undefined): string {
    return node?.name || '(unnamed)';
}

/** The catalog a clause reference names, when it resolved. */
export function catalogOf(ref: ClauseRef | undefined): Catalog | undefined {
    return ref?.catalog?.ref;
}

/** A clause's sub-clauses; none when recovery left the list out. */
export function subClausesOf(node: Catalog | Clause | undefined): Clause[] {
    return node?.clauses ?? [];
}
