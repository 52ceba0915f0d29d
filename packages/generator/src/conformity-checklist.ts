import type { ActivityModel, CatalogModel, CertaModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import { isReferenceOnlyClause } from '@certa/language/model';
import { CatalogLookups } from './catalog-lookups.js';
import { schemeSummary } from './checklist.js';
import { clauseKey } from './clauses.js';
import type { ConformityChecklistDocument, ConformityRow } from './documents.js';
import type { BodyStandardView } from './questions.js';
import { questionSource, realises } from './questions.js';

/** Result values of an accreditation assessor's conformity checklist. */
export const CONFORMITY_RESULTS = ['C', 'NC', 'NA'] as const;

/**
 * The accreditation body's view of the certification body's own standard (ISO/IEC 17065 or
 * 17021-1): one row per requirement clause with Certa's summary, whether it falls on the body
 * itself or on scheme activities, where the body addresses it (its documents named by `addresses`,
 * the scheme's activities that carry it out or cover it), the question and the evidence to look
 * for, and blank columns for the document review, the on-site evidence and the result.
 */
export function buildConformityChecklist(
    scheme: SchemeModel, catalog: CatalogModel, body: BodyStandardView, model: Pick<CertaModel, 'addresses' | 'questionBanks' | 'catalogs'>,
    lookups: CatalogLookups = new CatalogLookups(model.catalogs, model.questionBanks ?? [])
): ConformityChecklistDocument {
    const questions = questionSource(undefined, model.catalogs, model.questionBanks ?? [], lookups);
    const documents = new Map<string, string[]>();
    for (const addressing of [...(scheme.addresses ?? []), ...(model.addresses ?? [])]) {
        for (const clause of addressing.refs.flatMap(ref => ref.clauses)) {
            if (clause.catalog !== catalog.id) continue;
            const list = documents.get(clause.number) ?? [];
            for (const document of addressing.documents) if (!list.includes(document)) list.push(document);
            documents.set(clause.number, list);
        }
    }
    // The activities that cover a clause or check it, by clause key: looked up once per row.
    const touching = new Map<string, Set<ActivityModel>>();
    for (const activity of scheme.activities) {
        const keys = [...activity.covers, ...activity.checks.flatMap(check => check.refs.flatMap(ref => ref.clauses))].map(clauseKey);
        for (const key of keys) {
            let set = touching.get(key);
            if (!set) touching.set(key, set = new Set());
            set.add(activity);
        }
    }
    const rows: ConformityRow[] = [];
    const ancestors: ResolvedClause[] = [];
    let skipping = false;
    for (const { clause, depth, resolved, key } of lookups.flatten(catalog)) {
        // Scope, references, terms and bare informative annexes state no requirement to assess.
        if (depth === 0) skipping = isReferenceOnlyClause({ number: clause.number, heading: clause.heading, topLevel: true, subclauses: clause.clauses.length });
        if (skipping) continue;
        ancestors.length = depth;
        if (clause.clauses.length > 0) {
            ancestors.push(resolved);
            continue;
        }
        const patterns = body.realisedBy.get(clause.number);
        const touched = touching.get(key);
        const activities = scheme.activities.filter(activity => (patterns !== undefined && realises(activity, patterns))
            || touched?.has(activity) === true)
            .map(activity => activity.name);
        const row: ConformityRow = {
            clause: resolved, group: [...ancestors], fallsOn: patterns === undefined ? 'body' : 'activities',
            addressedBy: { documents: documents.get(clause.number) ?? [], activities },
            documentReview: null, onSiteEvidence: null, result: null
        };
        const summary = questions.summary(resolved);
        if (summary !== undefined) row.summary = summary;
        const asked = questions.ask(resolved);
        if (asked) {
            row.question = asked.question;
            if (asked.evidence !== undefined) row.evidence = asked.evidence;
        }
        rows.push(row);
    }
    const addressed = rows.filter(row => row.addressedBy.documents.length + row.addressedBy.activities.length > 0).length;
    const catalogSummary: ConformityChecklistDocument['catalog'] = { id: catalog.id, title: catalog.title };
    if (catalog.designation !== undefined) catalogSummary.designation = catalog.designation;
    return {
        kind: 'conformity-checklist',
        scheme: schemeSummary(scheme),
        catalog: catalogSummary,
        resultValues: [...CONFORMITY_RESULTS],
        rows,
        summary: {
            body: rows.filter(row => row.fallsOn === 'body').length,
            activities: rows.filter(row => row.fallsOn === 'activities').length,
            addressed,
            unaddressed: rows.length - addressed
        }
    };
}
