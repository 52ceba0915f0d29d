import type { ActivityModel, CatalogModel, CheckModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import type { ChecklistActivity, ChecklistDocument, ChecklistItem, SchemeSummary } from './documents.js';
import { FINDING_VALUES } from './documents.js';
import { clauseKey, clauseLabel, exclusionsOf, flattenCatalog } from './clauses.js';

export function schemeSummary(scheme: SchemeModel): SchemeSummary {
    const summary: SchemeSummary = { id: scheme.id, title: scheme.title };
    if (scheme.version !== undefined) summary.version = scheme.version;
    if (scheme.owner !== undefined) summary.owner = scheme.owner;
    return summary;
}

/**
 * The audit checklist of a scheme: one section per activity that has something to check (initial,
 * surveillance and recertification activities alike). Covered clauses come in clause order; each of
 * the activity's own checks follows the first covered clause it refers to, or comes at the end.
 * A covered clause's question is the catalog's own summary of the clause where it has one (never
 * the standard's text), else a question naming the clause.
 */
export function buildChecklist(scheme: SchemeModel, catalogs: readonly CatalogModel[] = []): ChecklistDocument {
    const excluded = exclusionsOf(scheme);
    const summaries = new Map<string, string>();
    for (const catalog of catalogs) {
        for (const { clause } of flattenCatalog(catalog)) {
            const key = clauseKey({ catalog: catalog.id, number: clause.number });
            if (clause.summary !== undefined && !summaries.has(key)) summaries.set(key, clause.summary);
        }
    }
    const context: ItemContext = { excluded, summaries };
    const standards = scheme.certifiedStandards ?? [];
    const activities = scheme.activities
        .map(activity => checklistActivity(activity, context))
        .flatMap(activity => standards.length > 1 ? perStandard(activity, standards) : [activity])
        .filter(activity => activity.items.length > 0);
    const checklist: ChecklistDocument = { kind: 'checklist', scheme: schemeSummary(scheme), findingValues: [...FINDING_VALUES], activities };
    if (scheme.grades && scheme.grades.length > 0) checklist.grades = scheme.grades;
    return checklist;
}

/**
 * An integrated scheme's checklist has one section per certified standard in each activity (the
 * items whose clauses belong to it, in order), then the items of no certified standard.
 */
function perStandard(activity: ChecklistActivity, standards: readonly string[]): ChecklistActivity[] {
    const standardOf = (item: ChecklistItem) => item.clauses.map(c => c.catalog).find(c => standards.includes(c));
    const parts = standards.map(standard => ({ ...activity, standard, items: activity.items.filter(item => standardOf(item) === standard) }));
    return [...parts, { ...activity, items: activity.items.filter(item => standardOf(item) === undefined) }];
}

interface ItemContext {
    excluded: Map<string, string | undefined>;
    summaries: Map<string, string>;
}

function checklistActivity(activity: ActivityModel, context: ItemContext): ChecklistActivity {
    const clauseItems = activity.covers.map(clause => coveredClauseItem(activity, clause, context));
    const after = new Map<number, ChecklistItem[]>();
    const trailing: ChecklistItem[] = [];
    for (const check of activity.checks) {
        const keys = new Set(check.refs.flatMap(ref => ref.clauses.map(clauseKey)));
        const position = activity.covers.findIndex(clause => keys.has(clauseKey(clause)));
        const item = checkItem(activity, check);
        if (position < 0) trailing.push(item);
        else after.set(position, [...(after.get(position) ?? []), item]);
    }
    const items = clauseItems.flatMap((item, position) => [item, ...(after.get(position) ?? [])]);
    items.push(...trailing);
    const result: ChecklistActivity = {
        name: activity.name, kind: activity.kind, phase: activity.phase, performers: [...activity.performers], items
    };
    if (activity.method) result.method = activity.method;
    if (activity.sample !== undefined) result.sample = activity.sample;
    if (activity.criteria !== undefined) result.criteria = activity.criteria;
    if (activity.samplingPlan !== undefined) result.samplingPlan = activity.samplingPlan;
    return result;
}

function emptyColumns(): Pick<ChecklistItem, 'finding' | 'evidenceSeen' | 'auditor' | 'date'> {
    return { finding: null, evidenceSeen: null, auditor: null, date: null };
}

function coveredClauseItem(activity: ActivityModel, clause: ResolvedClause, { excluded, summaries }: ItemContext): ChecklistItem {
    const key = clauseKey(clause);
    const item: ChecklistItem = {
        id: `${activity.name}.${clause.catalog}-${clause.number}`,
        source: 'covered-clause',
        refs: [`${clause.catalog} ${clause.number}`],
        clauses: [clause],
        question: summaries.get(key) ?? `Is ${clauseLabel(clause)} met?`,
        grading: 'findings',
        ...emptyColumns()
    };
    if (excluded.has(key)) {
        const justification = excluded.get(key);
        item.excluded = justification === undefined ? {} : { justification };
    }
    return item;
}

function checkItem(activity: ActivityModel, check: CheckModel): ChecklistItem {
    const item: ChecklistItem = {
        id: `${activity.name}.${check.name}`,
        source: 'check',
        refs: check.refs.map(ref => ref.text),
        clauses: check.refs.flatMap(ref => ref.clause ? [ref.clause] : []),
        question: check.question,
        grading: check.grading,
        ...emptyColumns()
    };
    if (check.evidence !== undefined) item.evidence = check.evidence;
    return item;
}
