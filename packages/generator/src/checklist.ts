import type { ActivityModel, CatalogModel, CheckModel, QuestionBankModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import type {
    AuditHeader, AuditHeaderInput, ChecklistActivity, ChecklistDocument, ChecklistItem, SchemeSummary
} from './documents.js';
import { PASS_FAIL_VALUES } from './documents.js';
import type { ParentClause } from './catalog-lookups.js';
import { CatalogLookups } from './catalog-lookups.js';
import { clauseKey, clauseLabel, exclusionsOf } from './clauses.js';
import { fingerprintOf } from './fingerprint.js';
import { gradeNames, ncGradesOf } from './nc-grades.js';
import type { QuestionSource } from './questions.js';
import { questionSource } from './questions.js';
import { externalBodiesPerforming } from './sampling-text.js';

export function schemeSummary(scheme: SchemeModel): SchemeSummary {
    const summary: SchemeSummary = { id: scheme.id, title: scheme.title };
    if (scheme.version !== undefined) summary.version = scheme.version;
    if (scheme.owner !== undefined) summary.owner = scheme.owner;
    return summary;
}

export interface ChecklistOptions {
    /** The question banks of the workspace (`CertaModel.questionBanks`). */
    questionBanks?: readonly QuestionBankModel[];
    /** Header values from a client audit programme; missing fields stay blank. */
    header?: AuditHeaderInput;
    /** The generation run's lookups, built from the same catalogs and question banks. */
    lookups?: CatalogLookups;
}

/**
 * The audit checklist of a scheme: a header block, then one section per activity that has
 * something to check (initial, surveillance and recertification alike). An activity's covered
 * clauses give one row per requirement clause, in clause order, under the headings that group
 * them (a covered clause with covered sub-clauses is a heading, not a row). Each row asks the
 * question of the scheme's own `ask`, else of a question bank, else one naming the clause; an
 * own `check` that refers to a covered clause takes that clause's place, other checks follow the
 * first covered clause they refer to, or come last. Excluded clauses stay as not-applicable rows.
 */
export function buildChecklist(scheme: SchemeModel, catalogs: readonly CatalogModel[] = [], options: ChecklistOptions = {}): ChecklistDocument {
    const grades = ncGradesOf(scheme);
    const lookups = options.lookups ?? new CatalogLookups(catalogs, options.questionBanks ?? []);
    const context: ItemContext = {
        excluded: exclusionsOf(scheme),
        questions: questionSource(scheme, catalogs, options.questionBanks ?? [], lookups),
        structure: { parent: lookups.parents },
        findingValues: { findings: gradeNames(grades), passFail: [...PASS_FAIL_VALUES] },
        subject: scheme.certifies?.subject === undefined || scheme.certifies.subject === 'managementSystem'
            ? 'the organisation' : `the ${scheme.certifies.subject}`,
        externalBodies: scheme.externalBodies
    };
    const standards = scheme.certifiedStandards ?? [];
    const activities = scheme.activities
        .map(activity => checklistActivity(activity, context))
        .flatMap(activity => standards.length > 1 ? perStandard(activity, standards) : [activity])
        .filter(activity => activity.items.length > 0);
    const summary = schemeSummary(scheme);
    return {
        kind: 'checklist',
        scheme: summary,
        fingerprint: checklistFingerprint(summary, activities),
        header: auditHeader(scheme, catalogs, options.header),
        findingValues: gradeNames(grades),
        grades,
        activities
    };
}

/**
 * What `certa findings` compares: the scheme, its version, and each item's id, grading and question,
 * and a measured item's unit and limits where it has them (a filled value is judged by them).
 */
export function checklistFingerprint(scheme: SchemeSummary, activities: readonly ChecklistActivity[]): string {
    const identity = (item: ChecklistItem) => item.unit === undefined && item.limits === undefined
        ? [item.id, item.grading, item.question] : [item.id, item.grading, item.question, item.unit ?? '', item.limits?.lower ?? '', item.limits?.upper ?? ''];
    return fingerprintOf([scheme.id, scheme.version ?? '', activities.map(activity => [activity.name, activity.items.map(identity)])]);
}

function auditHeader(scheme: SchemeModel, catalogs: readonly CatalogModel[], input: AuditHeaderInput = {}): AuditHeader {
    // The standards audited against: every certified management-system standard (several in an integrated
    // scheme), else the product's specified requirements.
    const certified = scheme.certifiedStandards ?? [];
    const standards = certified.length > 0 ? certified : [scheme.certifies?.standard ?? scheme.requirements[0]?.catalog ?? scheme.usesQms];
    const editions = standards.flatMap(standard => {
        const catalog = catalogs.find(c => c.id === standard);
        return catalog ? [catalog.designation ?? `${catalog.id}${catalog.edition ? `:${catalog.edition}` : ''}`] : [];
    });
    const edition = editions.length > 0 ? editions.join('; ') : undefined;
    const criteria = [edition, `scheme ${scheme.id}${scheme.version ? ` version ${scheme.version}` : ''}`].filter(Boolean).join('; ');
    const dates = input.dates ? [input.dates.start, input.dates.end].filter(Boolean).join(' to ') : undefined;
    const value = (text: string | undefined): string | null => text === undefined || text.trim() === '' ? null : text;
    return {
        client: value(input.client),
        sites: value(input.sites?.join('; ')),
        auditType: value(input.auditType),
        dates: value(dates),
        team: value(input.team?.map(member => `${member.name} (${member.role})`).join('; ')),
        duration: value(input.duration),
        scope: value(input.scope ?? scheme.scope),
        criteria: value(input.criteria ?? criteria),
        standardEdition: value(input.standardEdition ?? edition)
    };
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
    questions: QuestionSource;
    structure: ClauseStructure;
    findingValues: FindingValues;
    /** Who a fallback question asks about: `the organisation`, `the product`, … */
    subject: string;
    externalBodies: SchemeModel['externalBodies'];
}

/** The parent of every catalog clause, by clause key. */
interface ClauseStructure {
    parent: ReadonlyMap<string, ParentClause>;
}

/** The covered ancestors of a clause from its `parent` up, outermost first. */
function groupOf(parent: ParentClause | undefined, covered: ReadonlySet<string>, structure: ClauseStructure): ResolvedClause[] {
    const group: ResolvedClause[] = [];
    const seen = new Set<string>();
    for (let up = parent; up && !seen.has(up.key); up = structure.parent.get(up.key)) {
        seen.add(up.key);
        if (covered.has(up.key)) group.unshift(up.clause);
    }
    return group;
}

/**
 * The groups of an activity's clauses, by clause key: a group depends only on the clause's parent,
 * so the items under one parent share it (it is never changed once built).
 */
function activityGroups(covered: ReadonlySet<string>, structure: ClauseStructure): (key: string) => ResolvedClause[] {
    const byParent = new Map<ParentClause, ResolvedClause[]>();
    return key => {
        const parent = structure.parent.get(key);
        if (!parent) return [];
        let group = byParent.get(parent);
        if (!group) byParent.set(parent, group = groupOf(parent, covered, structure));
        return group;
    };
}

function checklistActivity(activity: ActivityModel, context: ItemContext): ChecklistActivity {
    const keys = activity.covers.map(clauseKey);
    const covered = new Set(keys);
    // A covered clause whose sub-clauses are covered too is a heading; the rest are requirement rows.
    const headings = new Set<string>();
    for (const key of keys) {
        const parent = context.structure.parent.get(key);
        if (parent && covered.has(parent.key)) headings.add(parent.key);
    }
    const rows: ResolvedClause[] = [];
    const rowKeys: string[] = [];
    // The first row of each clause: a check follows the first covered clause it refers to.
    const firstRow = new Map<string, number>();
    activity.covers.forEach((clause, index) => {
        const key = keys[index];
        if (headings.has(key)) return;
        if (!firstRow.has(key)) firstRow.set(key, rows.length);
        rows.push(clause);
        rowKeys.push(key);
    });
    const groups = activityGroups(covered, context.structure);
    const checkedBy = new Set<string>();
    const after = new Map<number, ChecklistItem[]>();
    const trailing: ChecklistItem[] = [];
    for (const check of activity.checks) {
        let position = -1;
        for (const ref of check.refs) {
            for (const clause of ref.clauses) {
                const key = clauseKey(clause);
                checkedBy.add(key);
                const row = firstRow.get(key);
                if (row !== undefined && (position < 0 || row < position)) position = row;
            }
        }
        const item = checkItem(activity, check, position < 0 ? [] : groups(rowKeys[position]), context);
        if (position < 0) trailing.push(item);
        else if (after.has(position)) after.get(position)!.push(item);
        else after.set(position, [item]);
    }
    const items: ChecklistItem[] = [];
    rows.forEach((clause, position) => {
        const key = rowKeys[position];
        // The scheme's own check on a clause stands for it (unless the clause is excluded: that row stays N/A).
        if (!checkedBy.has(key) || context.excluded.has(key)) items.push(coveredClauseItem(activity, clause, key, groups(key), context));
        const checks = after.get(position);
        if (checks) items.push(...checks);
    });
    items.push(...trailing);
    const result: ChecklistActivity = {
        name: activity.name, kind: activity.kind, phase: activity.phase, performers: [...activity.performers], items
    };
    if (activity.method) result.method = activity.method;
    if (activity.sample !== undefined) result.sample = activity.sample;
    if (activity.criteria !== undefined) result.criteria = activity.criteria;
    if (activity.samplingPlan !== undefined) result.samplingPlan = activity.samplingPlan;
    const outsourced = externalBodiesPerforming(context.externalBodies, activity.name);
    if (outsourced.length > 0) {
        result.externalBodies = outsourced.map(body => ({ id: body.id, title: body.title, accreditedTo: body.accreditedTo.map(a => ({ ...a })) }));
    }
    return result;
}

function emptyColumns(): Pick<ChecklistItem, 'finding' | 'evidenceSeen' | 'comments' | 'ncReference'> {
    return { finding: null, evidenceSeen: null, comments: null, ncReference: null };
}

/** What each grading accepts, once per checklist: its items share these lists (never changed once built). */
interface FindingValues {
    findings: string[];
    passFail: string[];
}

function findingValuesFor(grading: ChecklistItem['grading'], values: FindingValues): string[] | null {
    if (grading === 'passFail') return values.passFail;
    if (grading === 'measurement') return null;
    return values.findings;
}

function coveredClauseItem(activity: ActivityModel, clause: ResolvedClause, key: string, group: ResolvedClause[], context: ItemContext): ChecklistItem {
    const asked = context.questions.ask(clause);
    const item: ChecklistItem = {
        id: `${activity.name}.${clause.catalog}-${clause.number}`,
        source: 'covered-clause',
        refs: [`${clause.catalog} ${clause.number}`],
        clauses: [clause],
        group,
        question: asked?.question ?? (context.subject === 'the organisation'
            ? `How does the organisation meet ${clauseLabel(clause)}?` : `Does ${context.subject} meet ${clauseLabel(clause)}?`),
        questionFrom: asked?.from ?? 'fallback',
        grading: 'findings',
        findingValues: findingValuesFor('findings', context.findingValues),
        ...emptyColumns()
    };
    const evidence = asked ? asked.evidence : context.questions.summary(clause);
    if (evidence !== undefined) item.evidence = asked ? evidence : `Evidence that: ${evidence}`;
    if (context.excluded.has(key)) {
        const justification = context.excluded.get(key);
        item.excluded = justification === undefined ? {} : { justification };
        item.finding = 'not applicable';
    }
    return item;
}

function checkItem(activity: ActivityModel, check: CheckModel, group: ResolvedClause[], context: ItemContext): ChecklistItem {
    const item: ChecklistItem = {
        id: `${activity.name}.${check.name}`,
        source: 'check',
        refs: check.refs.map(ref => ref.text),
        clauses: check.refs.flatMap(ref => ref.clause ? [ref.clause] : []),
        group,
        question: check.question,
        questionFrom: 'check',
        grading: check.grading,
        findingValues: findingValuesFor(check.grading, context.findingValues),
        ...emptyColumns()
    };
    if (check.evidence !== undefined) item.evidence = check.evidence;
    if (check.unit !== undefined) item.unit = check.unit;
    if (check.limits !== undefined) item.limits = { ...check.limits };
    return item;
}
