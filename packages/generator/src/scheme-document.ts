import type { ActivityModel, CertaModel, Duration, SchemeModel } from '@certa/language/model';
import { schemeSummary } from './checklist.js';
import type { SchemeDocument } from './documents.js';
import { durationText } from './duration-text.js';
import { ncGradesOf } from './nc-grades.js';
import { operationTasks } from './operation-tasks.js';
import { externalBodiesPerforming } from './sampling-text.js';

function duration(value: Duration | undefined): string | undefined {
    return value ? durationText(value) : undefined;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
    if (value !== undefined) target[key] = value;
}

function activityEntry(activity: ActivityModel, externalBodies: SchemeModel['externalBodies']): SchemeDocument['activities'][number] {
    const entry: SchemeDocument['activities'][number] = {
        name: activity.name, phase: activity.phase, kind: activity.kind, performers: [...activity.performers],
        covers: activity.coverRefs.map(ref => ref.text),
        checks: activity.checks.map(check => {
            const result: SchemeDocument['activities'][number]['checks'][number] = { name: check.name, question: check.question, grading: check.grading };
            set(result, 'evidence', check.evidence);
            set(result, 'unit', check.unit);
            if (check.limits) result.limits = { ...check.limits };
            return result;
        }),
        issues: [...activity.issues], licenses: [...activity.licenses]
    };
    set(entry, 'method', activity.method);
    set(entry, 'source', activity.source);
    set(entry, 'sample', activity.sample);
    set(entry, 'samplingPlan', activity.samplingPlan && { ...activity.samplingPlan });
    set(entry, 'criteria', activity.criteria);
    const outsourced = externalBodiesPerforming(externalBodies, activity.name).map(body => body.id);
    if (outsourced.length > 0) entry.externalBodies = outsourced;
    return entry;
}

/**
 * The surveillance programme over one certification cycle: the initial certification, each year's
 * surveillance (as many visits as the interval gives), and recertification in the last year.
 * Where the scheme has exactly one surveillance activity per surveillance year, they are taken as a
 * rotation in source order.
 */
/** Years of the programme shown year by year; a longer cycle is most likely a typing error. */
const MAX_PROGRAMME_YEARS = 100;

function programme(scheme: SchemeModel): SchemeDocument['programme'] {
    const named = (phase: ActivityModel['phase']): string[] => scheme.activities.filter(a => a.phase === phase).map(a => a.name);
    const rows: SchemeDocument['programme'] = [{ period: 'initial certification', activities: named('initial') }];
    const cycleMonths = scheme.cycle?.months ?? scheme.recertification?.before.months ?? (scheme.surveillance ? 36 : 0);
    const cycleYears = Math.ceil(cycleMonths / 12);
    // A row per year: a cycle written as 2^53 days must not make billions of them.
    const years = Math.min(cycleYears, MAX_PROGRAMME_YEARS);
    const every = scheme.surveillance?.every.months ?? 0;
    const surveillance = named('surveillance');
    const surveillanceYears = years - (scheme.recertification !== undefined ? 1 : 0);
    // One surveillance activity per surveillance year (surveillanceYear1, surveillanceYear2, …) is
    // read as a rotation in source order; otherwise every surveillance activity happens each time.
    const rotation = every === 12 && surveillance.length > 1 && surveillance.length === surveillanceYears;
    for (let year = 1; year <= years; year++) {
        const last = year === years && scheme.recertification !== undefined;
        if (last) {
            rows.push({ period: `year ${year}: recertification`, activities: named('recertification') });
            continue;
        }
        if (every <= 0) continue;
        const visits = every >= 12 ? (year % Math.round(every / 12) === 0 ? 1 : 0) : Math.floor(12 / every);
        if (visits === 0) continue;
        const note = year === 1 && scheme.surveillance?.firstWithin ? ` (the first within ${duration(scheme.surveillance.firstWithin)} of the decision)` : '';
        rows.push({
            period: `year ${year}: surveillance${visits > 1 ? `, ${visits} visits` : ''}${note}`,
            activities: rotation ? [surveillance[year - 1]] : surveillance
        });
    }
    if (cycleYears > years) rows.push({ period: `years ${years + 1} to ${cycleYears}: not shown (a cycle of ${duration(scheme.cycle ?? scheme.recertification?.before)})`, activities: [] });
    return rows;
}

/**
 * The scheme as a reviewer reads it: every activity (with or without checks) and who performs it,
 * sampling plans and decision criteria, the external bodies it outsources to, the surveillance programme year by year, marks and their uses,
 * finding grades, the lifecycle, complaints, appeals and the certificate, roles with the
 * competences they need, exclusions and accepted findings.
 */
export function buildSchemeDocument(scheme: SchemeModel, model: Pick<CertaModel, 'roles' | 'competences' | 'marks'>): SchemeDocument {
    const facts: SchemeDocument['facts'] = {};
    set(facts, 'certifies', scheme.certifies ? [scheme.certifies.subject, scheme.certifies.standard].filter(Boolean).join(' ') : undefined);
    set(facts, 'operatedUnder', scheme.operatedUnder);
    set(facts, 'schemeType', scheme.schemeType ? `${scheme.schemeType.catalog} ${scheme.schemeType.id}${scheme.schemeType.title ? ` (${scheme.schemeType.title})` : ''}` : undefined);
    set(facts, 'usesQms', scheme.usesQms);
    set(facts, 'scope', scheme.scope);
    set(facts, 'cycle', duration(scheme.cycle));
    set(facts, 'surveillance', scheme.surveillance ? `every ${duration(scheme.surveillance.every)}` : undefined);
    set(facts, 'recertification', scheme.recertification ? `before ${duration(scheme.recertification.before)}` : undefined);
    if (scheme.requirements.length > 0) facts.requirements = scheme.requirements.map(ref => ref.text).join(', ');

    const performs = new Map<string, string[]>();
    const assign = (roleIds: readonly string[], task: string) => roleIds.forEach(id => performs.set(id, [...(performs.get(id) ?? []), task]));
    scheme.activities.forEach(activity => assign(activity.performers, activity.name));
    operationTasks(scheme).forEach(([task, roleIds]) => assign(roleIds, task));
    const roles = model.roles.filter(role => performs.has(role.id)).map(role => ({
        id: role.id, title: role.title,
        performs: [...new Set(performs.get(role.id))],
        needs: role.needs.map(id => {
            const competence = model.competences.find(c => c.id === id);
            return { id, title: competence?.title ?? '', basis: competence?.basis.map(ref => ref.text) ?? [] };
        })
    }));
    const marks = [...scheme.marks, ...model.marks.filter(mark => scheme.activities.some(a => a.licenses.includes(mark.name)) && !scheme.marks.some(m => m.name === mark.name))]
        .map(mark => {
            const entry: SchemeDocument['marks'][number] = {
                name: mark.name, description: mark.description, uses: [...mark.uses],
                licensedBy: scheme.activities.filter(a => a.licenses.includes(mark.name)).map(a => a.name)
            };
            set(entry, 'shape', mark.shape);
            set(entry, 'conditions', mark.conditions);
            set(entry, 'misuse', mark.misuse);
            return entry;
        });
    const document: SchemeDocument = {
        kind: 'scheme-document',
        scheme: schemeSummary(scheme),
        facts,
        activities: scheme.activities.map(activity => activityEntry(activity, scheme.externalBodies)),
        programme: programme(scheme),
        marks,
        grades: ncGradesOf(scheme),
        roles,
        externalBodies: (scheme.externalBodies ?? []).map(body => ({
            ...body, accreditedTo: body.accreditedTo.map(a => ({ ...a })), performs: [...body.performs], agreement: [...body.agreement]
        })),
        exclusions: scheme.exclusions.map(exclusion => {
            const entry: SchemeDocument['exclusions'][number] = { ref: exclusion.ref.text };
            set(entry, 'justification', exclusion.justification);
            return entry;
        }),
        acceptances: (scheme.acceptances ?? []).map(acceptance => ({ ...acceptance }))
    };
    // A copy, so that a document never shares arrays with the model it was built from.
    if (scheme.lifecycle) document.lifecycle = structuredClone(scheme.lifecycle);
    if (scheme.complaints) document.complaints = structuredClone(scheme.complaints);
    if (scheme.appeals) document.appeals = structuredClone(scheme.appeals);
    if (scheme.certificate) document.certificate = structuredClone(scheme.certificate);
    return document;
}
