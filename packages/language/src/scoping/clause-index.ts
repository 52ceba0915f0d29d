import type { Catalog, Clause, ClauseRef } from '../generated/ast.js';
import { catalogOf, refTextOf, subClausesOf } from '../helpers/node-properties.js';

/**
 * The clauses of one catalog, indexed by number, in document order. Built once per catalog node
 * (a re-parsed catalog is a new node) so resolving thousands of references never scans.
 */
export class ClauseIndex {
    /** Every clause in document (pre-)order. */
    readonly clauses: readonly Clause[];
    private readonly byNumber = new Map<string, Clause>();
    private readonly position = new Map<Clause, number>();
    private readonly subtreeEnd = new Map<Clause, number>();

    constructor(readonly catalog: Catalog) {
        const ordered: Clause[] = [];
        // A clause whose number the parser lost is left out; its sub-clauses are still indexed.
        const visit = (clause: Clause): void => {
            if (!clause.name) {
                subClausesOf(clause).forEach(visit);
                return;
            }
            this.position.set(clause, ordered.length);
            ordered.push(clause);
            if (!this.byNumber.has(clause.name)) {
                this.byNumber.set(clause.name, clause);
            }
            subClausesOf(clause).forEach(visit);
            this.subtreeEnd.set(clause, ordered.length);
        };
        subClausesOf(catalog).forEach(visit);
        this.clauses = ordered;
    }

    get(number: string): Clause | undefined {
        return this.byNumber.get(number);
    }

    /** A clause and everything nested in it. */
    subtree(clause: Clause): Clause[] {
        const start = this.position.get(clause);
        return start === undefined ? [] : this.clauses.slice(start, this.subtreeEnd.get(clause));
    }

    /** `from .. to` in document order, including `to`'s own sub-clauses; empty when `to` comes first. */
    range(from: Clause, to: Clause): Clause[] {
        const start = this.position.get(from);
        const end = this.subtreeEnd.get(to);
        return start === undefined || end === undefined ? [] : this.clauses.slice(start, end);
    }

    isBefore(a: Clause, b: Clause): boolean {
        return (this.position.get(a) ?? 0) < (this.position.get(b) ?? 0);
    }
}

const indexes = new WeakMap<Catalog, ClauseIndex>();

export function clauseIndexOf(catalog: Catalog): ClauseIndex {
    let index = indexes.get(catalog);
    if (!index) {
        index = new ClauseIndex(catalog);
        indexes.set(catalog, index);
    }
    return index;
}

/**
 * The clauses a reference stands for: the whole catalog, one clause with its subtree, or a range.
 * Unresolved parts yield nothing (the linker reports them).
 */
export function expandClauseRef(ref: ClauseRef | undefined): Clause[] {
    const catalog = catalogOf(ref);
    if (!ref || !catalog) {
        return [];
    }
    const index = clauseIndexOf(catalog);
    if (!ref.clause) {
        return [...index.clauses];
    }
    const from = ref.clause.ref;
    if (!from) {
        return [];
    }
    if (!ref.to) {
        return index.subtree(from);
    }
    const to = ref.to.ref;
    return to ? index.range(from, to) : [];
}

/** `ISO9001 8.5 .. 8.7` as written, for messages. */
export function clauseRefText(ref: ClauseRef | undefined): string {
    if (!ref) return '';
    const parts = [refTextOf(ref.catalog)];
    if (ref.clause) parts.push(refTextOf(ref.clause));
    if (ref.to) parts.push('..', refTextOf(ref.to));
    return parts.join(' ');
}
