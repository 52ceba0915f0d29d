import type { Catalog, Clause, CombineDecl, Scheme } from '../generated/ast.js';
import { isCertifiesDecl, isCombineDecl } from '../generated/ast.js';
import { subClausesOf } from '../helpers/node-properties.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import { isReferenceOnlyClause } from '../scoping/reference-only-clauses.js';
import type { PhasedActivity } from './scheme-facts.js';
import { clauseRefsOf, clausesOf } from './scheme-facts.js';

/**
 * Coverage in a scheme that certifies one or several management-system standards (an integrated
 * scheme, IAF MD 11): each standard has its own coverage, and clauses the scheme `combine`s with
 * another standard (harmonized structure: same number) count for both when either is audited.
 */

/** The management-system standards the scheme certifies, once each, in source order. */
export function certifiedStandards(scheme: Scheme): Catalog[] {
    const result: Catalog[] = [];
    for (const member of scheme.members ?? []) {
        const standard = isCertifiesDecl(member) && member.subject === 'managementSystem' ? member.standard?.ref : undefined;
        if (standard && !result.includes(standard)) result.push(standard);
    }
    return result;
}

export function combineDeclsOf(scheme: Scheme): CombineDecl[] {
    return (scheme.members ?? []).filter(isCombineDecl);
}

/** Each combined clause with its counterparts (the clause of the same number in the other standards), both ways. */
export function combinedClauses(scheme: Scheme): Map<Clause, Clause[]> {
    const result = new Map<Clause, Clause[]>();
    const link = (a: Clause, b: Clause) => {
        if (a === b) return;
        result.set(a, [...(result.get(a) ?? []), b]);
        result.set(b, [...(result.get(b) ?? []), a]);
    };
    for (const decl of combineDeclsOf(scheme)) {
        const others = (decl.standards ?? []).map(s => s.ref).filter((c): c is Catalog => c !== undefined);
        for (const clause of (decl.refs ?? []).flatMap(clausesOf)) {
            for (const other of others) {
                const counterpart = clause.name ? clauseIndexOf(other).get(clause.name) : undefined;
                if (counterpart) link(clause, counterpart);
            }
        }
    }
    return result;
}

/** The clauses the activities audit, through `covers` and check `refs`, with combined counterparts. */
export function coveredBy(activities: readonly PhasedActivity[], combined: Map<Clause, Clause[]>): Set<Clause> {
    const covered = new Set<Clause>();
    for (const { activity } of activities) {
        clauseRefsOf(activity).forEach(ref => clausesOf(ref).forEach(clause => {
            covered.add(clause);
            combined.get(clause)?.forEach(counterpart => covered.add(counterpart));
        }));
    }
    return covered;
}

/** Whether the activities audit any clause of the standard. */
export function auditsStandard(covered: Set<Clause>, standard: Catalog): boolean {
    return clauseIndexOf(standard).clauses.some(clause => covered.has(clause));
}

/** The clauses whose whole subtree is not done, as high up the tree as possible. */
export function coverageGaps(catalog: Catalog, done: (clause: Clause) => boolean): Clause[] {
    const visit = (clause: Clause): { all: boolean; gaps: Clause[] } => {
        const children = subClausesOf(clause);
        if (children.length === 0) {
            const missing = !done(clause);
            return { all: missing, gaps: missing ? [clause] : [] };
        }
        const visited = children.map(visit);
        if (visited.every(c => c.all) && !done(clause)) return { all: true, gaps: [clause] };
        return { all: false, gaps: visited.flatMap(c => c.gaps) };
    };
    return subClausesOf(catalog)
        .filter(c => !isReferenceOnlyClause({ number: c.name, heading: c.heading, topLevel: true, subclauses: subClausesOf(c).length }))
        .flatMap(c => visit(c).gaps);
}
