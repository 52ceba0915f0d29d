import type { ConformityChecklistDocument, ResolvedClause, SchemeDocument } from './documents.js';
import { safeFileName } from './file-names.js';
import type { Cell, Report, Section } from './report.js';
import { referencedClauses, text } from './report.js';
import { openedGroups } from './clauses.js';
import { durationText } from './duration-text.js';
import { limitsText } from './measurement-text.js';
import { accreditationText, samplingPlanText } from './sampling-text.js';
import { gradesSection, operationSection } from './scheme-operation-view.js';

type ClauseOrder = (a: ResolvedClause, b: ResolvedClause) => number;

const FACT_LABELS: Record<keyof SchemeDocument['facts'], string> = {
    certifies: 'Certifies', operatedUnder: 'Operated under', schemeType: 'Scheme type', usesQms: 'Uses the QMS of',
    scope: 'Scope', requirements: 'Specified requirements', cycle: 'Certification cycle', surveillance: 'Surveillance',
    recertification: 'Recertification'
};

const none = (list: readonly string[]): string => list.length > 0 ? list.join(', ') : '';

/** The scheme document laid out for reviewers: activities, programme, sampling plans, external bodies, marks, grades, operation, roles, exclusions, acceptances. */
export function schemeDocumentReport(doc: SchemeDocument): Report {
    const facts: Array<[string, string]> = [['Scheme', `${doc.scheme.id}: ${doc.scheme.title}`]];
    if (doc.scheme.version !== undefined) facts.push(['Version', doc.scheme.version]);
    if (doc.scheme.owner !== undefined) facts.push(['Owner', doc.scheme.owner]);
    for (const [key, label] of Object.entries(FACT_LABELS) as Array<[keyof SchemeDocument['facts'], string]>) {
        const value = doc.facts[key];
        if (value !== undefined) facts.push([label, value]);
    }
    const sections: Section[] = [
        {
            id: 'activities',
            heading: 'Activities and who performs them',
            notes: ['Every activity of the scheme, with or without checks, in the order of the certification cycle.'],
            columns: [
                { header: 'Activity' }, { header: 'Phase' }, { header: 'Kind' }, { header: 'Performed by' }, { header: 'Sampling' },
                { header: 'Decision criteria' }, { header: 'Covers' }, { header: 'Checks' }, { header: 'Issues / licenses' }
            ],
            rows: doc.activities.map(a => [
                text(a.name), text(a.phase), text([a.kind, a.method, a.source ? `from ${a.source}` : undefined].filter(Boolean).join(' ')),
                performedBy(a),
                text([a.sample, a.samplingPlan && `plan: ${samplingPlanText(a.samplingPlan)}`].filter(Boolean).join('; ')),
                text(a.criteria), text(none(a.covers)),
                text(a.checks.map(c => `${c.name} (${[c.grading, c.limits && `accepted ${limitsText(c.limits, c.unit)}`, !c.limits && c.unit && `in ${c.unit}`].filter(Boolean).join(', ')}): ${c.question}`).join('; ')),
                text([...a.issues, ...a.licenses.map(mark => `licence for ${mark}`)].join(', '))
            ])
        },
        {
            id: 'programme',
            heading: 'Surveillance programme, year by year',
            notes: ['Derived from the scheme\'s cycle, surveillance interval and recertification deadline. One surveillance activity per surveillance year is read as a rotation in the order the scheme lists them.'],
            columns: [{ header: 'Period' }, { header: 'Activities' }],
            rows: doc.programme.map(p => [text(p.period), text(none(p.activities))])
        },
        ...samplingPlanSections(doc),
        ...externalBodySections(doc),
        {
            id: 'marks',
            heading: 'Marks and their uses',
            notes: [],
            columns: [{ header: 'Mark' }, { header: 'Description' }, { header: 'Shape' }, { header: 'May be used on' },
                { header: 'Conditions of use' }, { header: 'On misuse' }, { header: 'Licensed by' }],
            rows: doc.marks.map(m => [text(m.name), text(m.description), text(m.shape), text(none(m.uses)),
                text(m.conditions), text(m.misuse), text(none(m.licensedBy))])
        },
        gradesSection(doc),
        operationSection(doc),
        {
            id: 'roles',
            heading: 'Roles and the competences they need',
            notes: [],
            columns: [{ header: 'Role' }, { header: 'Title' }, { header: 'Performs' }, { header: 'Needs' }],
            rows: doc.roles.map(r => [text(r.id), text(r.title), text(none(r.performs)),
                text(r.needs.map(n => `${n.title || n.id}${n.basis.length > 0 ? ` (${n.basis.join(', ')})` : ''}`).join('; '))])
        },
        {
            id: 'exclusions',
            heading: 'Exclusions and accepted findings',
            notes: [],
            columns: [{ header: 'What' }, { header: 'Clause or rule' }, { header: 'On' }, { header: 'Justification' }],
            rows: [
                ...doc.exclusions.map(e => [text('excluded (not applicable)', 'excluded'), text(e.ref), text(undefined),
                    e.justification ? text(e.justification) : text('no justification given', 'gap')]),
                ...doc.acceptances.map(a => [text('accepted finding'), text(a.code), text(a.on), a.reason ? text(a.reason) : text('no reason given', 'gap')])
            ]
        }
    ];
    return { path: `${safeFileName(doc.scheme.id)}/scheme`, title: `Scheme document: ${doc.scheme.title}`, facts, sections, clauses: [] };
}

function performedBy(activity: SchemeDocument['activities'][number]): Cell {
    const who = [...activity.performers, ...(activity.externalBodies ?? []).map(id => `external body ${id}`)];
    return who.length > 0 ? text(who.join(', ')) : text('nobody named', 'gap');
}

/** The activities' sampling plans as data, shown only when the scheme has any. */
function samplingPlanSections(doc: SchemeDocument): Section[] {
    const planned = doc.activities.flatMap(a => a.samplingPlan ? [{ ...a, plan: a.samplingPlan }] : []);
    if (planned.length === 0) return [];
    return [{
        id: 'sampling-plans',
        heading: 'Sampling plans',
        notes: ['What is sampled, how many, how often, by which rule and from where, for each activity that declares a sampling plan.'],
        columns: [{ header: 'Activity' }, { header: 'Phase' }, { header: 'What is sampled' }, { header: 'How many' }, { header: 'How often' },
            { header: 'Rule' }, { header: 'From' }],
        rows: planned.map(({ name, phase, plan }) => [
            text(name), text(phase), text(plan.what), text(plan.count === undefined ? undefined : String(plan.count)),
            text(plan.every && `every ${durationText(plan.every)}`), text(plan.rule), text(plan.source)
        ])
    }];
}

/** The bodies the scheme outsources evaluation to, shown only when it has any. */
function externalBodySections(doc: SchemeDocument): Section[] {
    if (doc.externalBodies.length === 0) return [];
    return [{
        id: 'external-bodies',
        heading: 'External bodies (outsourced evaluation)',
        notes: ['ISO/IEC 17065 6.2.2 and 7.4.3, ISO/IEC 17021-1 7.5: an external body may evaluate, never review or decide; the certification body keeps responsibility for its results, under an agreement that covers confidentiality and impartiality.'],
        columns: [{ header: 'Body' }, { header: 'Name' }, { header: 'Accredited to' }, { header: 'Performs' }, { header: 'Agreement covers' }],
        rows: doc.externalBodies.map(body => [
            text(body.id), text(body.title),
            body.accreditedTo.length > 0 ? text(accreditationText(body)) : text('no accreditation stated', 'gap'),
            body.performs.length > 0 ? text(none(body.performs)) : text('no activity named', 'gap'),
            body.agreement.length > 0 ? text(none(body.agreement)) : text('no agreement stated', 'gap')
        ])
    }];
}

function headingRow(clause: ResolvedClause, width: number): Cell[] {
    const cells: Cell[] = [{ parts: [{ text: `${clause.catalog} ${clause.number}`, clause }], tone: 'heading' }, text(clause.heading ?? '', 'heading')];
    while (cells.length < width) cells.push(text(undefined, 'heading'));
    return cells;
}

/** The accreditation body's conformity checklist as a table with sub-headings per clause group. */
export function conformityReport(doc: ConformityChecklistDocument, order: ClauseOrder): Report {
    const catalogName = doc.catalog.designation ?? doc.catalog.id;
    const columns = [
        { header: 'Clause' }, { header: 'Requirement (summary)' }, { header: 'Falls on' }, { header: 'Where the CB addresses it' },
        { header: 'Question' }, { header: 'Evidence to look for' }, { header: 'Document review', blank: true },
        { header: 'On-site evidence', blank: true }, { header: 'Result', finding: true, blank: true }
    ];
    const rows: Cell[][] = [];
    let shown: readonly ResolvedClause[] = [];
    for (const row of doc.rows) {
        for (const clause of openedGroups(shown, row.group)) rows.push(headingRow(clause, columns.length));
        shown = row.group;
        const where = [...row.addressedBy.documents, ...row.addressedBy.activities.map(a => `activity ${a}`)];
        const reference = `${row.clause.catalog} ${row.clause.number}`;
        rows.push([
            { parts: [{ text: row.clause.heading ? `${reference} ${row.clause.heading}` : reference, clause: row.clause }] },
            text(row.summary),
            text(row.fallsOn === 'body' ? 'certification body' : 'scheme activities'),
            where.length > 0 ? text(where.join('; '), 'ok') : text(row.fallsOn === 'body' ? 'not stated: name the CB document (addresses … by "…")' : 'no activity carries it out', 'gap'),
            text(row.question), text(row.evidence), text(undefined), text(undefined), { ...text(undefined), choices: doc.resultValues }
        ]);
    }
    const sections: Section[] = [{
        id: 'conformity',
        heading: `${catalogName}: conformity of the certification body`,
        notes: [
            `${doc.summary.body} requirements on the certification body itself, ${doc.summary.activities} carried out by scheme activities; ${doc.summary.addressed} addressed, ${doc.summary.unaddressed} not yet.`,
            'Result: C conforms, NC does not conform, NA not applicable. Summaries and questions are Certa\'s words, not the standard\'s text.'
        ],
        columns,
        rows
    }];
    return {
        path: `${safeFileName(doc.scheme.id)}/conformity-${safeFileName(doc.catalog.id)}`,
        title: `Conformity checklist: ${doc.scheme.title} against ${catalogName}`,
        facts: [['Scheme', `${doc.scheme.id}: ${doc.scheme.title}`], ...(doc.scheme.version ? [['Version', doc.scheme.version] as [string, string]] : []),
            ['Standard', `${doc.catalog.id}: ${doc.catalog.title}`], ['Result values', doc.resultValues.join(', ')]],
        sections,
        clauses: referencedClauses(sections, order),
        findingValues: doc.resultValues
    };
}
