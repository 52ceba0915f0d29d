import type { ResolvedClause } from './documents.js';
import type { ChecklistActivity, ChecklistDocument, CompetenceMatrixDocument, CoverageMatrixDocument, EvidenceRecord, SchemeSummary } from './documents.js';
import type { Cell, Column, Report, Section } from './report.js';
import { clauseCell, referencedClauses, text } from './report.js';
import { safeFileName } from './file-names.js';

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

/** One header line per grade of finding: its level, deadlines and how it is verified. */
function gradeFacts(doc: ChecklistDocument): Array<[string, string]> {
    const duration = (d: { value: number; unit: string } | undefined) => d ? `${d.value} ${d.unit}` : undefined;
    return (doc.grades ?? []).map(grade => [`Grade ${grade.name}`, [
        grade.level && grade.level !== grade.name ? `${grade.title} (${grade.level})` : grade.title,
        grade.meaning,
        duration(grade.correction) && `correction within ${duration(grade.correction)}`,
        duration(grade.correctiveAction) && `corrective action within ${duration(grade.correctiveAction)}`,
        grade.verification && `verified ${grade.verification}${grade.beforeDecision ? ' before the decision' : ''}`
    ].filter(Boolean).join('; ')]);
}

function clauseLinks(refs: string[], clauses: ResolvedClause[]): Cell {
    return clauseCell(refs.map((ref, index) => ({ text: ref, clause: clauses[index] })));
}

export function checklistReport(doc: ChecklistDocument, order: ClauseOrder): Report {
    const columns: Column[] = [
        { header: 'Item' }, { header: 'Clause' }, { header: 'Heading' }, { header: 'Question' },
        { header: 'Expected evidence' }, { header: 'Finding', finding: true, blank: true },
        { header: 'Evidence seen', blank: true }, { header: 'Auditor', blank: true }, { header: 'Date', blank: true }
    ];
    const sections: Section[] = doc.activities.map(activity => {
        const notes = [
            `Phase: ${PHASE_LABELS[activity.phase]}. Kind: ${[activity.kind, activity.method].filter(Boolean).join(' ')}.`
            + (activity.performers.length > 0 ? ` Performed by: ${activity.performers.join(', ')}.` : '')
        ];
        if (activity.sample !== undefined) notes.push(`Sample: ${activity.sample}`);
        if (activity.criteria !== undefined) notes.push(`Criteria: ${activity.criteria}`);
        const rows = activity.items.map(item => {
            const excluded = item.excluded !== undefined;
            const tone = excluded ? 'excluded' as const : undefined;
            const evidence = excluded
                ? `Excluded (not applicable): ${item.excluded?.justification ?? 'no justification given'}`
                : item.evidence;
            return [
                text(item.id, tone),
                clauseLinks(item.refs, item.clauses),
                text(item.clauses.map(clause => clause.heading ?? '').filter(Boolean).join('; '), tone),
                text(item.question, tone),
                text(evidence, tone),
                text(excluded ? 'not applicable' : undefined, tone),
                text(undefined), text(undefined), text(undefined)
            ];
        });
        const id = activity.standard ? `${activity.name}.${activity.standard}` : activity.name;
        const heading = `${activity.name}${activity.standard ? `: ${activity.standard}` : ''} (${PHASE_LABELS[activity.phase]})`;
        return { id, heading, notes, columns, rows };
    });
    return {
        path: `${safeFileName(doc.scheme.id)}/checklist`,
        title: `Audit checklist: ${doc.scheme.title}`,
        facts: [...schemeFacts(doc.scheme), ['Finding values', doc.findingValues.join(', ')], ...gradeFacts(doc)],
        sections,
        clauses: referencedClauses(sections, order),
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
    const sections: Section[] = [
        {
            id: 'role-needs',
            heading: 'Competences each role needs',
            notes: ['Basis: the clause of the standard behind the competence (ISO/IEC 17021-1 Annex A, ISO/IEC 17065 6.1.2, ...).'],
            columns: [{ header: 'Competence' }, { header: 'Title' }, { header: 'Basis' }, ...roleColumns, { header: 'Held by' }],
            rows: doc.competences.map(c => [
                text(c.id), text(c.title),
                clauseCell(c.basis),
                ...doc.roles.map(role => text(c.neededBy.includes(role.id) ? 'needed' : undefined)),
                c.unheld
                    ? text('GAP: nobody', 'gap')
                    : text(c.heldBy.map(h => h.via ? `${h.person} (via ${h.via})` : h.person).join(', '))
            ])
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
            notes: ['The records each person\'s file holds, as the scheme lists them, with what each is for and when it was evaluated or witnessed.'],
            columns: [{ header: 'Person' }, { header: 'Name' }, { header: 'For' }, { header: 'Evidence' }, { header: 'Evaluated' }, { header: 'Witnessed' }],
            rows: doc.people.flatMap(p => p.evidence.map(e => [
                ...person(p.id, p.name), evidenceSubject(e), text(e.text), text(e.evaluated), text(e.witnessed)
            ]))
        },
        {
            id: 'people-roles',
            heading: 'People × roles',
            notes: [],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...roleColumns],
            rows: doc.people.map(p => [...person(p.id, p.name), ...doc.roles.map(role => {
                const q = p.qualifications.find(qualification => qualification.role === role.id);
                if (!q) return text(undefined);
                if (q.expired) return text(`EXPIRED ${q.until ?? ''}`.trim(), 'expired');
                return text(q.until ? `until ${q.until}` : 'qualified', 'ok');
            })])
        },
        {
            id: 'people-competences',
            heading: 'People × competences',
            notes: ['"via" names the role whose current qualification brings the competence.'],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...doc.competences.map(c => ({ header: c.id }))],
            rows: doc.people.map(p => [...person(p.id, p.name), ...doc.competences.map(c => {
                const held = c.heldBy.find(h => h.person === p.id);
                return held ? text(held.via ? `via ${held.via}` : 'yes', 'ok') : text(undefined);
            })])
        },
        {
            id: 'people-areas',
            heading: 'People × technical areas',
            notes: [],
            columns: [{ header: 'Person' }, { header: 'Name' }, ...doc.areas.map(a => ({ header: `${a.catalog} ${a.number}` }))],
            rows: doc.people.map(p => [...person(p.id, p.name), ...doc.areas.map(area =>
                text(p.areas.some(own => own.catalog === area.catalog && own.number === area.number) ? 'yes' : undefined))])
        },
        {
            id: 'gaps',
            heading: 'Gaps',
            notes: doc.gaps.length === 0 ? ['No gaps: every role has a qualified person, every competence is held, no qualification has expired.'] : [],
            columns: [{ header: 'Gap' }, { header: 'Subject' }, { header: 'Detail' }],
            rows: doc.gaps.map(gap => [text(gap.kind, gap.kind === 'qualification-expired' ? 'expired' : 'gap'), text(gap.subject), text(gap.detail)])
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

const STATUS_TEXT = { covered: 'covered', partial: 'partial', gap: 'GAP', excluded: 'excluded' } as const;

export function coverageReport(doc: CoverageMatrixDocument, order: ClauseOrder): Report {
    const catalogName = doc.catalog.designation ?? doc.catalog.id;
    const rows = doc.clauses.map(row => {
        const clause: ResolvedClause = row.heading === undefined
            ? { catalog: doc.catalog.id, number: row.number }
            : { catalog: doc.catalog.id, number: row.number, heading: row.heading };
        const tone = row.status === 'covered' ? 'ok' as const : row.status;
        const status = row.status === 'excluded' && row.justification !== undefined
            ? `excluded: ${row.justification}` : STATUS_TEXT[row.status];
        return [
            { parts: [{ text: `${doc.catalog.id} ${row.number}`, clause }], indent: row.depth },
            { ...text(row.heading), indent: row.depth },
            ...doc.activities.map(activity => {
                const entry = row.coveredBy.find(e => e.activity === activity.name);
                if (!entry) return text(undefined);
                const words = [entry.covers ? 'covers' : '', entry.checks.length > 0 ? `checks: ${entry.checks.join(', ')}` : '']
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
            `${doc.summary.covered} covered, ${doc.summary.partial} partly covered, ${doc.summary.gap} not covered (GAP), ${doc.summary.excluded} excluded.`,
            'A clause with sub-clauses is covered when all its sub-clauses are covered or excluded, partly covered when only some are.'
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
