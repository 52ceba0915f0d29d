import type { ResolvedClause } from './documents.js';
import type { ChecklistActivity, ChecklistDocument, ChecklistItem, CompetenceMatrixDocument, CoverageMatrixDocument, EvidenceRecord, PersonRow, SchemeSummary } from './documents.js';
import { fitsGrid, listedNote } from './grid-limit.js';
import { limitsText } from './measurement-text.js';
import type { Cell, Column, Report, Section } from './report.js';
import { clauseCell, referencedClauses, text } from './report.js';
import { openedGroups } from './clauses.js';
import { safeFileName } from './file-names.js';
import { accreditationText, samplingPlanText } from './sampling-text.js';

type ClauseOrder = (a: ResolvedClause, b: ResolvedClause) => number;

const PHASE_LABELS: Record<ChecklistActivity['phase'], string> = {
    initial: 'initial certification',
    surveillance: 'surveillance',
    recertification: 'recertification'
};

function schemeFacts(scheme: SchemeSummary): Array<[string, string]> {
    const facts: Array<[string, string]> = [['Scheme', `${scheme.id}: ${scheme.title}`]];
    if (scheme.version !== undefined) facts.push(['Version', scheme.version]);
    if (scheme.owner !== undefined) facts.push(['Owner', scheme.owner]);
    return facts;
}

function clauseLinks(refs: string[], clauses: ResolvedClause[]): Cell {
    return clauseCell(refs.map((ref, index) => ({ text: ref, clause: clauses[index] })));
}

/** Labels of the header block, in order; `certa findings` reads the audit dates by this label. */
export const HEADER_LABELS: ReadonlyArray<[keyof ChecklistDocument['header'], string]> = [
    ['client', 'Client'],
    ['sites', 'Sites'],
    ['auditType', 'Audit type'],
    ['dates', 'Audit dates (YYYY-MM-DD to YYYY-MM-DD)'],
    ['team', 'Audit team and roles'],
    ['duration', 'Audit duration'],
    ['scope', 'Scope'],
    ['criteria', 'Audit criteria'],
    ['standardEdition', 'Standard edition']
];

/** The label of the header row that carries the checklist's fingerprint. */
export const FINGERPRINT_LABEL = 'Checklist fingerprint';

/** The columns of a checklist's item sections; `certa findings` finds them by these headers. */
export const CHECKLIST_COLUMNS = {
    item: 'Item', clause: 'Clause', question: 'Question', evidence: 'Expected evidence', finding: 'Finding',
    evidenceSeen: 'Objective evidence seen', comments: 'Comments', ncReference: 'NC reference'
} as const;

function headerSection(doc: ChecklistDocument): Section {
    const rows: Cell[][] = HEADER_LABELS.map(([key, label]) => [text(label), text(doc.header[key] ?? undefined)]);
    rows.push(
        [text('Scheme'), text(`${doc.scheme.id}: ${doc.scheme.title}`)],
        [text('Scheme version'), text(doc.scheme.version ?? 'not stated')],
        [text(FINGERPRINT_LABEL), text(doc.fingerprint)]
    );
    return {
        id: 'header',
        heading: 'Audit header',
        notes: ['Fill in the blank fields before the audit. The fingerprint identifies the scheme version this checklist was generated from; keep it.'],
        columns: [{ header: 'Field' }, { header: 'Value', blank: true }],
        rows,
        aside: true
    };
}

function summarySection(doc: ChecklistDocument): Section {
    const count = (grade: string): Cell[] => [text(`Items graded "${grade}"`), text(undefined)];
    const grades = doc.findingValues.map(count);
    const notes = doc.grades.filter(grade => grade.nonconformity).map(grade =>
        `${grade.grade}: ${grade.rule}${grade.isDefault ? ' (Certa default: the scheme sets no rule of its own)' : ''}`);
    return {
        id: 'summary',
        heading: 'Summary, conclusion and sign-off',
        notes,
        columns: [{ header: 'Entry' }, { header: 'Value', blank: true }],
        rows: [
            ...grades,
            [text('Items "pass" / "fail" (pass/fail checks)'), text(undefined)],
            [text('Measurements recorded'), text(undefined)],
            [text('Conclusion: is the management system effective for the scope, and are the audit objectives met?'), text(undefined)],
            [text('Recommendation: grant / continue / renew; grant once the nonconformities are closed; do not grant'), text(undefined)],
            [text('Lead auditor: name, signature, date'), text(undefined)],
            [text('Audit team members: names, signatures'), text(undefined)],
            [text('Client representative: name, signature, date'), text(undefined)]
        ],
        aside: true
    };
}

function clauseHeadingRow(clause: ResolvedClause, width: number): Cell[] {
    const cells: Cell[] = [
        text(undefined, 'heading'),
        { parts: [{ text: `${clause.catalog} ${clause.number}`, clause }], tone: 'heading' },
        text(clause.heading ?? '', 'heading')
    ];
    while (cells.length < width) cells.push(text(undefined, 'heading'));
    return cells;
}

/** The question as the checklist shows it (a measurement says what to record, in which unit, within which limits). */
export function displayedQuestion(item: ChecklistItem): string {
    if (item.grading !== 'measurement') return item.question;
    const unit = item.unit === undefined ? ', with its unit' : ` in ${item.unit}`;
    const accepted = limitsText(item.limits, item.unit);
    return `${item.question} (record the measured value${unit}${accepted === undefined ? '' : `; accepted: ${accepted}`})`;
}


function itemRows(activity: ChecklistActivity, width: number): Cell[][] {
    const rows: Cell[][] = [];
    let shown: readonly ResolvedClause[] = [];
    for (const item of activity.items) {
        for (const clause of openedGroups(shown, item.group)) rows.push(clauseHeadingRow(clause, width));
        shown = item.group;
        rows.push(itemRow(item));
    }
    return rows;
}

/** `ISO9001 8.5.1 Control of production and service provision`: the reference and the heading, either when alone. */
function spaced(first: string | undefined, second: string | undefined): string {
    return first && second ? `${first} ${second}` : first || second || '';
}

function itemRow(item: ChecklistItem): Cell[] {
    const excluded = item.excluded !== undefined;
    const tone = excluded ? 'excluded' as const : undefined;
    const evidence = excluded
        ? `Excluded (not applicable): ${item.excluded?.justification ?? 'no justification given'}`
        : item.evidence;
    const clauses: Cell = item.source === 'covered-clause'
        ? { parts: [{ text: spaced(item.refs[0], item.clauses[0]?.heading), clause: item.clauses[0] }] }
        : clauseLinks(item.refs, item.clauses);
    if (tone) clauses.tone = tone;
    const finding = text(item.finding ?? undefined, tone);
    finding.choices = item.findingValues;
    return [
        text(item.id, tone), clauses, text(displayedQuestion(item), tone), text(evidence, tone), finding,
        text(undefined), text(undefined), text(undefined)
    ];
}

export function checklistReport(doc: ChecklistDocument, order: ClauseOrder): Report {
    const c = CHECKLIST_COLUMNS;
    const columns: Column[] = [
        { header: c.item }, { header: c.clause }, { header: c.question }, { header: c.evidence },
        { header: c.finding, finding: true, blank: true }, { header: c.evidenceSeen, blank: true },
        { header: c.comments, blank: true }, { header: c.ncReference, blank: true }
    ];
    const sections: Section[] = doc.activities.map(activity => {
        const notes = [
            `Phase: ${PHASE_LABELS[activity.phase]}. Kind: ${[activity.kind, activity.method].filter(Boolean).join(' ')}.`
            + (activity.performers.length > 0 ? ` Performed by: ${activity.performers.join(', ')}.` : '')
        ];
        if (activity.sample !== undefined) notes.push(`Sample: ${activity.sample}`);
        if (activity.samplingPlan !== undefined) notes.push(`Sampling plan: ${samplingPlanText(activity.samplingPlan)}.`);
        for (const body of activity.externalBodies ?? []) {
            notes.push(`Outsourced to the external body ${body.id} (${body.title}${body.accreditedTo.length > 0 ? `, accredited to ${accreditationText(body)}` : ''}): check its report; the certification body keeps responsibility for the result.`);
        }
        if (activity.criteria !== undefined) notes.push(`Criteria: ${activity.criteria}`);
        notes.push(`Finding: ${doc.findingValues.join(', ')}; pass/fail checks: pass, fail, not applicable; measurements: the measured value.`);
        return {
            id: activity.standard ? `${activity.name}.${activity.standard}` : activity.name,
            heading: `${activity.name}${activity.standard ? `: ${activity.standard}` : ''} (${PHASE_LABELS[activity.phase]})`,
            notes, columns, rows: itemRows(activity, columns.length)
        };
    });
    const all = [headerSection(doc), ...sections, summarySection(doc)];
    return {
        path: `${safeFileName(doc.scheme.id)}/checklist`,
        title: `Audit checklist: ${doc.scheme.title}`,
        facts: [...schemeFacts(doc.scheme), [FINGERPRINT_LABEL, doc.fingerprint], ['Finding values', doc.findingValues.join(', ')]],
        sections: all,
        clauses: referencedClauses(all, order),
        flat: {
            columns: [{ header: 'Activity' }, { header: 'Phase' }, ...columns],
            lead: section => {
                const activity = doc.activities.find(a => (a.standard ? `${a.name}.${a.standard}` : a.name) === section.id);
                return [text(section.id), text(activity?.phase)];
            }
        },
        findingValues: doc.findingValues
    };
}

export function competenceReport(doc: CompetenceMatrixDocument, order: ClauseOrder): Report {
    const roleColumns = doc.roles.map(role => ({ header: role.id }));
    const person = (id: string, name: string): Cell[] => [text(id), text(name)];
    const peopleById = new Map(doc.people.map(p => [p.id, p]));
    // person → competence → how it is held (the competence rows list each holder once, in competence order)
    const holdings = new Map<string, Map<string, { via?: string }>>();
    for (const c of doc.competences) {
        for (const h of c.heldBy) {
            if (!holdings.has(h.person)) holdings.set(h.person, new Map());
            holdings.get(h.person)!.set(c.id, h);
        }
    }
    const needsGrid = fitsGrid(doc.competences.length, doc.roles.length);
    const rolesGrid = fitsGrid(doc.people.length, doc.roles.length);
    const competencesGrid = fitsGrid(doc.people.length, doc.competences.length);
    const areasGrid = fitsGrid(doc.people.length, doc.areas.length);
    const sections: Section[] = [
        {
            id: 'role-needs',
            heading: 'Competences each role needs',
            notes: ['Basis: the clause of the standard behind the competence (ISO/IEC 17021-1 Annex A, ISO/IEC 17065 6.1.2, ...).',
                ...(needsGrid ? [] : [listedNote(doc.competences.length, 'competences', doc.roles.length, 'roles')])],
            columns: [{ header: 'Competence' }, { header: 'Title' }, { header: 'Basis' }, ...(needsGrid ? roleColumns : [{ header: 'Needed by' }]), { header: 'Held by' }],
            rows: doc.competences.map(c => {
                const neededBy = new Set(c.neededBy);
                const needs = needsGrid ? doc.roles.map(role => text(neededBy.has(role.id) ? 'needed' : undefined)) : [text(c.neededBy.join(', '))];
                return [
                    text(c.id), text(c.title),
                    clauseCell(c.basis),
                    ...needs,
                    c.unheld
                        ? text('GAP: nobody', 'gap')
                        : text(c.heldBy.map(h => h.via ? `${h.person} (via ${h.via})` : h.person).join(', '))
                ];
            })
        },
        {
            id: 'roles',
            heading: 'Roles and who is qualified',
            notes: [`Qualifications are current up to and including their expiry day; checked against ${doc.today}.`],
            columns: [{ header: 'Role' }, { header: 'Title' }, { header: 'Needs' }, { header: 'Technical areas' }, { header: 'Performs' }, { header: 'Qualified' }],
            rows: doc.roles.map(role => [
                text(role.id), text(role.title), text(role.needs.join(', ')), areaLinks(role.areas), text(role.performs.join(', ')),
                role.uncovered ? text('GAP: nobody qualified', 'gap') : text(role.qualified.join(', '), 'ok')
            ])
        },
        {
            id: 'role-areas',
            heading: 'Technical areas each role needs, and who covers them',
            notes: ['A role needs the technical areas of the competences it needs; "covered by" lists the people currently qualified for the role who hold the area (or a wider area containing it).'],
            columns: [{ header: 'Role' }, { header: 'Technical area' }, { header: 'Heading' }, { header: 'Covered by' }],
            rows: doc.roles.flatMap(role => role.areas.map(area => {
                const by = role.qualified.filter(id => peopleById.get(id)?.areas.some(own => areaContains(own, area)));
                return [
                    text(role.id), areaLinks([area]), text(area.heading),
                    by.length === 0 ? text('GAP: nobody qualified holds it', 'gap') : text(by.join(', '), 'ok')
                ];
            }))
        },
        {
            id: 'qualifications',
            heading: 'Qualifications: evaluation, witnessing and expiry',
            notes: [`ISO/IEC 17021-1 7.1.3 (evaluation against the competence criteria) and 7.2.10 (monitoring, including on-site witnessing). Expiry checked against ${doc.today}.`],
            columns: [{ header: 'Person' }, { header: 'Name' }, { header: 'Role' }, { header: 'Evaluated' }, { header: 'Witnessed' }, { header: 'Expires' }, { header: 'Status' }],
            rows: doc.people.flatMap(p => p.qualifications.map(q => [
                ...person(p.id, p.name), text(q.role), text(q.evaluated), text(q.witnessed), text(q.until),
                q.expired ? text('EXPIRED', 'expired') : text('current', 'ok')
            ]))
        },
        {
            id: 'evidence',
            heading: 'Evidence of competence',
            notes: ['The records each person\'s file holds, as the scheme lists them, with what each is for, when it was evaluated or witnessed, and until when it counts (a course or licence to renew).'],
            columns: [
                { header: 'Person' }, { header: 'Name' }, { header: 'For' }, { header: 'Evidence' }, { header: 'Evaluated' }, { header: 'Witnessed' },
                { header: 'Expires' }, { header: 'Status' }
            ],
            rows: doc.people.flatMap(p => p.evidence.map(e => [
                ...person(p.id, p.name), evidenceSubject(e), text(e.text), text(e.evaluated), text(e.witnessed), text(e.until),
                e.expired ? text('EXPIRED', 'expired') : text('current', 'ok')
            ]))
        },
        {
            id: 'people-roles',
            heading: 'People × roles',
            notes: rolesGrid ? [] : [listedNote(doc.people.length, 'people', doc.roles.length, 'roles')],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...(rolesGrid ? roleColumns : [{ header: 'Roles' }])],
            rows: doc.people.map(p => {
                if (!rolesGrid) return [...person(p.id, p.name), text(p.qualifications.map(q => `${q.role} (${qualificationStatus(q)})`).join(', '))];
                const byRole = new Map(p.qualifications.map(q => [q.role, q]));
                return [...person(p.id, p.name), ...doc.roles.map(role => {
                    const q = byRole.get(role.id);
                    return q ? text(qualificationStatus(q), q.expired ? 'expired' : 'ok') : text(undefined);
                })];
            })
        },
        {
            id: 'people-competences',
            heading: 'People × competences',
            notes: ['"via" names the role whose current qualification brings the competence.',
                ...(competencesGrid ? [] : [listedNote(doc.people.length, 'people', doc.competences.length, 'competences')])],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...(competencesGrid ? doc.competences.map(c => ({ header: c.id })) : [{ header: 'Competences' }])],
            rows: doc.people.map(p => {
                const holds = holdings.get(p.id) ?? new Map<string, { via?: string }>();
                if (!competencesGrid) return [...person(p.id, p.name), text([...holds].map(([competence, h]) => h.via ? `${competence} (via ${h.via})` : competence).join(', '))];
                return [...person(p.id, p.name), ...doc.competences.map(c => {
                    const h = holds.get(c.id);
                    return h ? text(h.via ? `via ${h.via}` : 'yes', 'ok') : text(undefined);
                })];
            })
        },
        {
            id: 'people-areas',
            heading: 'People × technical areas',
            notes: areasGrid ? [] : [listedNote(doc.people.length, 'people', doc.areas.length, 'technical areas')],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...(areasGrid ? doc.areas.map(a => ({ header: `${a.catalog} ${a.number}` })) : [{ header: 'Technical areas' }])],
            rows: doc.people.map(p => {
                if (!areasGrid) return [...person(p.id, p.name), areaLinks(p.areas)];
                const own = new Set(p.areas.map(area => `${area.catalog} ${area.number}`));
                return [...person(p.id, p.name), ...doc.areas.map(area => text(own.has(`${area.catalog} ${area.number}`) ? 'yes' : undefined))];
            })
        },
        {
            id: 'gaps',
            heading: 'Gaps',
            notes: doc.gaps.length === 0 ? ['No gaps: every role has a qualified person, every competence is held, no qualification has expired.'] : [],
            columns: [{ header: 'Gap' }, { header: 'Subject' }, { header: 'Detail' }],
            rows: doc.gaps.map(gap => [text(gap.kind, gap.kind === 'qualification-expired' || gap.kind === 'evidence-expired' ? 'expired' : 'gap'), text(gap.subject), text(gap.detail)])
        }
    ];
    const scope = doc.schemes.length === 0 ? 'all roles in the workspace' : doc.schemes.map(s => s.id).join(', ');
    return {
        path: doc.schemes.length === 1 ? `${safeFileName(doc.schemes[0].id)}/competence-matrix` : 'competence-matrix',
        title: 'Competence matrix',
        facts: [['Covers', scope], ['Expiry checked against', doc.today], ['Gaps', String(doc.gaps.length)]],
        sections,
        clauses: referencedClauses(sections, order).concat(doc.areas).filter((c, i, all) =>
            all.findIndex(o => o.catalog === c.catalog && o.number === c.number) === i).sort(order)
    };
}

/** A qualification as a cell of people × roles: expired (with the day), current until a day, or open-ended. */
function qualificationStatus(q: PersonRow['qualifications'][number]): string {
    return q.expired ? `EXPIRED ${q.until ?? ''}`.trim() : q.until ? `until ${q.until}` : 'qualified';
}

function areaLinks(areas: ResolvedClause[]): Cell {
    return clauseCell(areas.map(area => ({ text: `${area.catalog} ${area.number}`, clause: area })));
}

/** A person's area holds an area when it is the same clause or one above it (`IAF 17` holds `IAF 17.1`). */
function areaContains(own: ResolvedClause, area: ResolvedClause): boolean {
    return own.catalog === area.catalog && (own.number === area.number || area.number.startsWith(`${own.number}.`));
}

function evidenceSubject(evidence: EvidenceRecord): Cell {
    if (evidence.role !== undefined) return text(`role ${evidence.role}`);
    if (evidence.competence !== undefined) return text(`competence ${evidence.competence}`);
    if (evidence.area !== undefined) return clauseCell([{ text: `area ${evidence.area.text}`, clause: evidence.area.clause }]);
    return text(undefined);
}

function indented(cell: Cell, indent: number): Cell {
    cell.indent = indent;
    return cell;
}

const STATUS_TEXT = { covered: 'covered', partial: 'partial', gap: 'GAP', excluded: 'excluded', body: 'CB requirement' } as const;

export function coverageReport(doc: CoverageMatrixDocument, order: ClauseOrder): Report {
    const catalogName = doc.catalog.designation ?? doc.catalog.id;
    const rows = doc.clauses.map(row => {
        const clause: ResolvedClause = row.heading === undefined
            ? { catalog: doc.catalog.id, number: row.number }
            : { catalog: doc.catalog.id, number: row.number, heading: row.heading };
        const tone = row.status === 'covered' ? 'ok' as const : row.status === 'body' ? undefined : row.status;
        const status = row.status === 'excluded' && row.justification !== undefined
            ? `excluded: ${row.justification}` : STATUS_TEXT[row.status];
        return [
            { parts: [{ text: `${doc.catalog.id} ${row.number}`, clause }], indent: row.depth },
            indented(text(row.heading), row.depth),
            ...doc.activities.map(activity => {
                const entry = row.coveredBy.find(e => e.activity === activity.name);
                if (!entry) return text(undefined);
                const words = [entry.covers ? 'covers' : '', entry.realises ? 'carries out' : '', entry.checks.length > 0 ? `checks: ${entry.checks.join(', ')}` : '',
                    entry.combined ? `combined with ${entry.combined.join(', ')}` : '']
                    .filter(Boolean).join('; ');
                return text(words, 'ok');
            }),
            text(status, tone)
        ];
    });
    const sections: Section[] = [{
        id: 'coverage',
        heading: `${catalogName} clauses × activities`,
        notes: [
            `${doc.summary.covered} covered, ${doc.summary.partial} partly covered, ${doc.summary.gap} not covered (GAP), ${doc.summary.excluded} excluded`
            + (doc.summary.body > 0 ? `, ${doc.summary.body} requirements on the certification body itself (no scheme activity carries them out: see the conformity checklist).` : '.'),
            'A clause with sub-clauses is covered when all its sub-clauses are covered or excluded, partly covered when only some are.',
            ...(doc.clauses.some(row => row.coveredBy.some(entry => entry.combined))
                ? ['"combined with": the scheme audits the clause once for several standards (combine … with, IAF MD 11); auditing the named clause of the other standard covers this one.'] : [])
        ],
        columns: [{ header: 'Clause' }, { header: 'Heading' }, ...doc.activities.map(a => ({ header: `${a.name} (${a.phase})` })), { header: 'Status' }],
        rows
    }];
    return {
        path: `${safeFileName(doc.scheme.id)}/coverage-${safeFileName(doc.catalog.id)}`,
        title: `Clause coverage: ${doc.scheme.title} against ${catalogName}`,
        facts: [...schemeFacts(doc.scheme), ['Catalog', `${doc.catalog.id}: ${doc.catalog.title}`]],
        sections,
        clauses: referencedClauses(sections, order)
    };
}
