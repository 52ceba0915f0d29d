import type { CatalogClause, CatalogModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import { isReferenceOnlyClause } from '@certa/language/model';
import { schemeSummary } from './checklist.js';
import { clauseKey, exclusionsOf } from './clauses.js';
import type { CoverageMatrixDocument, CoverageRow, CoverageStatus } from './documents.js';
import type { BodyStandardView } from './questions.js';
import { realises } from './questions.js';

/** True when the scheme names the catalog anywhere, so a coverage matrix for it means something. */
export function schemeUsesCatalog(scheme: SchemeModel, catalogId: string): boolean {
    return scheme.certifies?.standard === catalogId || scheme.usesQms === catalogId || scheme.operatedUnder === catalogId
        || scheme.requirements.some(ref => ref.catalog === catalogId)
        || scheme.exclusions.some(exclusion => exclusion.ref.catalog === catalogId)
        || scheme.activities.some(activity => activity.covers.some(clause => clause.catalog === catalogId)
            || activity.checks.some(check => check.refs.some(ref => ref.catalog === catalogId)));
}

/**
 * The standards a scheme is certified against, for its coverage matrices when none are asked for:
 * the management-system standards it certifies (each of an integrated scheme), the QMS standard it relies on (Guide 53) and the
 * catalogs of its specified requirements, in that order.
 */
export function certifiedStandards(scheme: SchemeModel): string[] {
    const ids = [scheme.certifies?.standard, ...(scheme.certifiedStandards ?? []), scheme.usesQms, ...scheme.requirements.map(ref => ref.catalog)];
    return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/**
 * Every clause of the catalog × the scheme's activities that cover it (through `covers` or a check
 * referring to it). A clause with sub-clauses counts as covered when all its sub-clauses are
 * (covered or excluded), and as partial when only some are or only the clause itself is;
 * excluded clauses show their justification. In an integrated scheme, a clause audited once for several
 * standards (`combine … with`) is credited to the activities that audit its counterpart, naming it
 * (`combined`). On a certification body's own standard (`body`, from
 * the question bank's `realisedBy`), activities of the named kinds carry a clause out, and a clause
 * no activity carries out is a requirement on the body itself, not a gap of the scheme.
 */
/**
 * The clauses of other standards each clause of `catalogId` is audited with (`combine … with`, IAF MD 11),
 * by clause key: a combined clause and its counterpart of the same number count for each other.
 */
function combinedSources(scheme: SchemeModel, catalogId: string): Map<string, ResolvedClause[]> {
    const sources = new Map<string, ResolvedClause[]>();
    const link = (number: string, from: ResolvedClause) => {
        const key = clauseKey({ catalog: catalogId, number });
        sources.set(key, [...(sources.get(key) ?? []), from]);
    };
    for (const decl of scheme.combined ?? []) {
        for (const clause of decl.refs.flatMap(ref => ref.clauses)) {
            for (const other of decl.with) {
                if (other === catalogId && clause.catalog !== catalogId) link(clause.number, clause);
                else if (clause.catalog === catalogId && other !== catalogId) link(clause.number, { catalog: other, number: clause.number });
            }
        }
    }
    return sources;
}

export function buildCoverageMatrix(scheme: SchemeModel, catalog: CatalogModel, body?: BodyStandardView): CoverageMatrixDocument {
    // On a body's standard, a clause no activity carries out is the body's own requirement, not a gap.
    const onBody = (number: string): boolean => body !== undefined && !body.realisedBy.has(number);
    const excluded = exclusionsOf(scheme);
    const byClause = new Map<string, CoverageRow['coveredBy']>();
    const activities: CoverageMatrixDocument['activities'] = [];
    const combined = combinedSources(scheme, catalog.id);
    type Entry = Omit<CoverageRow['coveredBy'][number], 'activity'>;
    for (const activity of scheme.activities) {
        const entries = new Map<string, Entry>();
        const entry = (key: string): Entry => {
            let found = entries.get(key);
            if (!found) entries.set(key, found = { covers: false, checks: [] });
            return found;
        };
        activity.covers.filter(c => c.catalog === catalog.id).forEach(clause => entry(clauseKey(clause)).covers = true);
        for (const [number, patterns] of body?.realisedBy ?? []) {
            if (realises(activity, patterns)) entry(clauseKey({ catalog: catalog.id, number })).realises = true;
        }
        for (const check of activity.checks) {
            const keys = new Set(check.refs.flatMap(ref => ref.clauses).filter(c => c.catalog === catalog.id).map(clauseKey));
            keys.forEach(key => entry(key).checks.push(check.name));
        }
        if (combined.size > 0) {
            // Audited once for several standards: what the activity audits of the other standard counts here too.
            const audited = new Set([...activity.covers, ...activity.checks.flatMap(check => check.refs.flatMap(ref => ref.clauses))].map(clauseKey));
            for (const [key, sources] of combined) {
                const through = [...new Set(sources.filter(source => audited.has(clauseKey(source))).map(source => `${source.catalog} ${source.number}`))];
                if (through.length > 0) entry(key).combined = through;
            }
        }
        if (entries.size === 0) continue;
        activities.push({ name: activity.name, phase: activity.phase, kind: activity.kind });
        for (const [key, value] of entries) {
            const coveredBy = byClause.get(key);
            if (coveredBy) coveredBy.push({ activity: activity.name, ...value });
            else byClause.set(key, [{ activity: activity.name, ...value }]);
        }
    }

    const rows: CoverageRow[] = [];
    const visit = (clause: CatalogClause, depth: number): CoverageStatus => {
        const key = clauseKey({ catalog: catalog.id, number: clause.number });
        const row: CoverageRow = { number: clause.number, depth, status: 'gap', coveredBy: byClause.get(key) ?? [] };
        if (clause.heading !== undefined) row.heading = clause.heading;
        rows.push(row);
        const children = clause.clauses.map(child => visit(child, depth + 1));
        if (excluded.has(key)) {
            row.status = 'excluded';
            const justification = excluded.get(key);
            if (justification !== undefined) row.justification = justification;
        } else if (children.length === 0) {
            row.status = row.coveredBy.length > 0 ? 'covered' : onBody(clause.number) ? 'body' : 'gap';
        } else if (children.every(status => status === 'body') && row.coveredBy.length === 0) {
            row.status = 'body';
        } else if (children.every(status => status === 'covered' || status === 'excluded' || status === 'body')) {
            row.status = children.every(status => status === 'excluded') && row.coveredBy.length === 0 ? 'excluded' : 'covered';
        } else if (row.coveredBy.length > 0 || children.some(status => status !== 'gap')) {
            // Covering a heading (e.g. through a range that ends inside it) leaves its other sub-clauses open.
            row.status = 'partial';
        }
        return row.status;
    };
    // Scope, references, terms and bare informative annexes state no requirement to cover.
    catalog.clauses
        .filter(clause => !isReferenceOnlyClause({ number: clause.number, heading: clause.heading, topLevel: true, subclauses: clause.clauses.length }))
        .forEach(clause => visit(clause, 0));

    const summary: Record<CoverageStatus, number> = { covered: 0, partial: 0, gap: 0, excluded: 0, body: 0 };
    rows.forEach(row => summary[row.status]++);
    const catalogSummary: CoverageMatrixDocument['catalog'] = { id: catalog.id, title: catalog.title };
    if (catalog.designation !== undefined) catalogSummary.designation = catalog.designation;
    return { kind: 'coverage-matrix', scheme: schemeSummary(scheme), catalog: catalogSummary, activities, clauses: rows, summary };
}
