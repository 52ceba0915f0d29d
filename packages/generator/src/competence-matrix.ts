import type { CertaModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import { schemeSummary } from './checklist.js';
import { clauseKey, clauseOrder } from './clauses.js';
import { operationTasks } from './operation-tasks.js';
import type { CompetenceGap, CompetenceMatrixDocument, CompetenceRow, EvidenceRecord, PersonRow, RoleRow } from './documents.js';

export interface CompetenceMatrixOptions {
    /** `YYYY-MM-DD`; a qualification is current up to and including its `until` day. */
    today: string;
    /** Restrict the roles to those performing these schemes' activities (and what they need). */
    schemes?: readonly SchemeModel[];
}

/**
 * Roles × competences and people × roles / competences / technical areas, with the gaps an
 * accreditation reviewer looks for: a role nobody is currently qualified for, a competence nobody
 * has, a qualification that has expired.
 */
export function buildCompetenceMatrix(model: CertaModel, options: CompetenceMatrixOptions): CompetenceMatrixDocument {
    const schemes = options.schemes ?? [];
    const performs = new Map<string, string[]>();
    for (const scheme of options.schemes ?? model.schemes) {
        for (const activity of scheme.activities) {
            for (const role of activity.performers) {
                performs.set(role, [...(performs.get(role) ?? []), `${scheme.id}.${activity.name}`]);
            }
        }
    }
    // Complaints, appeals, special audits and transfers are work of roles too (and appeals must stay apart from decisions).
    for (const scheme of options.schemes ?? model.schemes) {
        for (const [task, roleIds] of operationTasks(scheme)) {
            for (const role of roleIds) performs.set(role, [...(performs.get(role) ?? []), `${scheme.id}.${task}`]);
        }
    }
    const roles = options.schemes ? model.roles.filter(role => performs.has(role.id)) : model.roles;
    const neededIds = new Set(roles.flatMap(role => role.needs));
    const competences = options.schemes ? model.competences.filter(c => neededIds.has(c.id)) : model.competences;
    const roleIds = new Set(roles.map(role => role.id));
    const competenceIds = new Set(competences.map(c => c.id));
    const people = options.schemes
        ? model.people.filter(p => p.qualifications.some(q => roleIds.has(q.role)) || p.competences.some(c => competenceIds.has(c)))
        : model.people;

    const current = (until: string | undefined): boolean => until === undefined || until >= options.today;
    const order = clauseOrder(model.catalogs);
    const competenceAreas = new Map(model.competences.map(c => [c.id, c.areas.flatMap(ref => ref.clauses)]));
    const roleRows: RoleRow[] = roles.map(role => {
        const qualified = people
            .filter(person => person.qualifications.some(q => q.role === role.id && current(q.until)))
            .map(person => person.id);
        return {
            id: role.id, title: role.title, needs: [...role.needs],
            areas: uniqueClauses(role.needs.flatMap(need => competenceAreas.get(need) ?? [])).sort(order),
            performs: performs.get(role.id) ?? [],
            qualified, uncovered: qualified.length === 0
        };
    });
    const rolesNeeding = new Map<string, string[]>();
    for (const role of roles) {
        for (const need of new Set(role.needs)) rolesNeeding.set(need, [...(rolesNeeding.get(need) ?? []), role.id]);
    }
    const competenceRows: CompetenceRow[] = competences.map(competence => {
        const neededBy = rolesNeeding.get(competence.id) ?? [];
        const heldBy: CompetenceRow['heldBy'] = [];
        for (const person of people) {
            if (person.competences.includes(competence.id)) {
                heldBy.push({ person: person.id });
                continue;
            }
            const via = person.qualifications.find(q => neededBy.includes(q.role) && current(q.until));
            if (via) heldBy.push({ person: person.id, via: via.role });
        }
        return {
            id: competence.id, title: competence.title,
            basis: competence.basis.map(ref => (ref.clause ? { text: ref.text, clause: ref.clause } : { text: ref.text })), areas: competence.areas.flatMap(ref => ref.clauses),
            neededBy, heldBy, unheld: heldBy.length === 0
        };
    });
    const personRows: PersonRow[] = people.map(person => ({
        id: person.id,
        name: person.name,
        qualifications: person.qualifications.map(q => {
            const cell: PersonRow['qualifications'][number] = { role: q.role, expired: !current(q.until) };
            if (q.until !== undefined) cell.until = q.until;
            if (q.evaluated !== undefined) cell.evaluated = q.evaluated;
            if (q.witnessed !== undefined) cell.witnessed = q.witnessed;
            return cell;
        }),
        competences: [...person.competences],
        areas: person.areas.flatMap(ref => ref.clauses),
        evidence: (person.evidence ?? []).map(evidence => {
            const record: EvidenceRecord = { text: evidence.text, expired: !current(evidence.until) };
            if (evidence.role !== undefined) record.role = evidence.role;
            if (evidence.competence !== undefined) record.competence = evidence.competence;
            if (evidence.area !== undefined) {
                record.area = evidence.area.clause ? { text: evidence.area.text, clause: evidence.area.clause } : { text: evidence.area.text };
            }
            if (evidence.until !== undefined) record.until = evidence.until;
            if (evidence.evaluated !== undefined) record.evaluated = evidence.evaluated;
            if (evidence.witnessed !== undefined) record.witnessed = evidence.witnessed;
            return record;
        })
    }));

    const areas = uniqueClauses([...competenceRows.flatMap(c => c.areas), ...personRows.flatMap(p => p.areas)]).sort(order);
    const gaps: CompetenceGap[] = [
        ...roleRows.filter(r => r.uncovered).map(r => ({
            kind: 'role-uncovered' as const, subject: r.id, detail: `Nobody holds a current qualification as ${r.title}.`
        })),
        ...competenceRows.filter(c => c.unheld).map(c => ({
            kind: 'competence-unheld' as const, subject: c.id, detail: `Nobody has the competence ${c.title}.`
        })),
        ...personRows.flatMap(p => p.qualifications.filter(q => q.expired).map(q => ({
            kind: 'qualification-expired' as const, subject: p.id, detail: `${p.name}: qualification as ${q.role} expired after ${q.until}.`
        }))),
        ...personRows.flatMap(p => p.evidence.filter(e => e.expired).map(e => ({
            kind: 'evidence-expired' as const, subject: p.id, detail: `${p.name}: evidence "${e.text}"${evidenceFor(e)} stopped counting after ${e.until}; renew it or record newer evidence.`
        })))
    ];
    const externalBodies = (options.schemes ?? model.schemes).flatMap(scheme =>
        (scheme.externalBodies ?? []).map(body => ({ scheme: scheme.id, ...body, accreditedTo: body.accreditedTo.map(a => ({ ...a })) })));
    const document: CompetenceMatrixDocument = {
        kind: 'competence-matrix', schemes: schemes.map(schemeSummary), today: options.today,
        roles: roleRows, competences: competenceRows, people: personRows, areas, gaps
    };
    if (externalBodies.length > 0) document.externalBodies = externalBodies;
    return document;
}

function evidenceFor(evidence: EvidenceRecord): string {
    if (evidence.role !== undefined) return ` for role ${evidence.role}`;
    if (evidence.competence !== undefined) return ` for competence ${evidence.competence}`;
    return evidence.area !== undefined ? ` for area ${evidence.area.text}` : '';
}

/** The clause each reference names (not its expanded subtree): `ISO17021_1 A` stands for Annex A. */
function uniqueClauses(clauses: ResolvedClause[]): ResolvedClause[] {
    const seen = new Map<string, ResolvedClause>();
    clauses.forEach(clause => seen.has(clauseKey(clause)) || seen.set(clauseKey(clause), clause));
    return [...seen.values()];
}
