import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type {
    Activity, ActivityPattern, Addressing, Catalog, Check, Clause, ClauseRef, Competence, Document, Duration, Grade, Mark, Person, PersonEvidence, QuestionBank, Role, Scheme
} from '../generated/ast.js';
import {
    isAcceptance, isActivity, isAddressing, isCatalog, isQuestionBank, isSchemeQuestion, isCertifiesDecl, isCheck, isCombineDecl, isGrade, isCompetence, isCoverage, isCriteriaDecl, isCycleDecl, isExclusion,
    isMark, isOperatedUnderDecl, isOwnerDecl, isPerson, isRecertification, isRequirementDecl, isRole, isSampleDecl,
    isScheme, isSchemeTypeDecl, isScopeDecl, isSurveillance, isUsesQmsDecl, isVersionDecl
} from '../generated/ast.js';
import { catalogOf, refTextOf, subClausesOf, targetNameOf } from '../helpers/node-properties.js';
import { clauseIndexOf, clauseRefText, expandClauseRef } from '../scoping/clause-index.js';
import { measurementLimits } from '../validation/measurement.js';
import { gradeLevel } from '../validation/nonconformity.js';
import { months } from '../validation/scheme-facts.js';
import { addOperation, markConditions, samplingPlanModel } from './operation-model.js';
import type {
    ActivityModel, ActivityPatternModel, ActivityPhase, AddressingModel, AuditQuestion, QuestionBankModel, SchemeQuestionModel, CatalogClause, CatalogModel, CertaModel, CheckModel, ClauseReference, CompetenceModel,
    Duration as DurationModel, EvidenceModel, ExclusionModel, GradeModel, MarkModel, PersonModel, QualificationModel, ResolvedClause, RoleModel, SchemeModel
} from './certa-model.js';

/**
 * Builds the plain model from linked documents: the user's documents in the order given, and the
 * builtin catalog documents (their catalogs come first in `catalogs`). Sources with errors
 * (`certa generate --force`) may lack names or titles; those become empty strings so that the
 * model keeps its shape.
 */
export function buildCertaModel(documents: readonly LangiumDocument[], builtins: readonly LangiumDocument[] = []): CertaModel {
    const model: CertaModel = {
        schemes: [], roles: [], competences: [], people: [], marks: [], catalogs: [], questionBanks: [], addresses: []
    };
    for (const [list, builtin] of [[builtins, true], [documents, false]] as const) {
        for (const document of list) {
            const root = document.parseResult.value as Document;
            for (const element of root.elements ?? []) {
                if (isCatalog(element)) model.catalogs.push(catalogModel(element, builtin));
                else if (isQuestionBank(element)) model.questionBanks?.push(questionBankModel(element, builtin));
                else if (builtin) continue;
                else if (isAddressing(element)) model.addresses?.push(addressingModel(element));
                else if (isScheme(element)) model.schemes.push(schemeModel(element, document.uri.toString()));
                else if (isRole(element)) model.roles.push(roleModel(element));
                else if (isCompetence(element)) model.competences.push(competenceModel(element));
                else if (isPerson(element)) model.people.push(personModel(element));
                else if (isMark(element)) model.marks.push(markModel(element));
            }
        }
    }
    return model;
}

function resolvedClause(clause: Clause): ResolvedClause {
    const catalog = AstUtils.getContainerOfType(clause, isCatalog)?.name ?? '';
    return clause.heading === undefined
        ? { catalog, number: clause.name }
        : { catalog, number: clause.name, heading: clause.heading };
}

export function clauseReference(ref: ClauseRef | undefined): ClauseReference {
    if (!ref) return { text: '', catalog: '', clauses: [] };
    const result: ClauseReference = {
        text: clauseRefText(ref),
        catalog: targetNameOf(ref.catalog),
        clauses: expandClauseRef(ref).map(resolvedClause)
    };
    const from = ref.clause?.ref;
    if (from) result.clause = resolvedClause(from);
    else if (ref.clause) result.clause = { catalog: result.catalog, number: refTextOf(ref.clause) };
    const to = ref.to?.ref;
    if (to) result.to = resolvedClause(to);
    else if (ref.to) result.to = { catalog: result.catalog, number: refTextOf(ref.to) };
    return result;
}

/** Every clause of the references once, in clause order (catalogs in order of first mention). */
function coveredClauses(refs: readonly ClauseRef[]): ResolvedClause[] {
    const catalogs: Catalog[] = [];
    const seen = new Set<Clause>();
    for (const ref of refs) {
        const catalog = catalogOf(ref);
        if (catalog && !catalogs.includes(catalog)) catalogs.push(catalog);
        expandClauseRef(ref).forEach(clause => seen.add(clause));
    }
    return catalogs.flatMap(catalog => clauseIndexOf(catalog).clauses.filter(clause => seen.has(clause)).map(resolvedClause));
}

/** A written duration as model data; every unit the grammar has (days, weeks, months, years). */
export function duration(node: Duration | undefined): DurationModel {
    const written = node?.unit ?? '';
    const unit = written.startsWith('year') ? 'years' : written.startsWith('week') ? 'weeks' : written.startsWith('day') ? 'days' : 'months';
    const value = Number(node?.value) || 0;
    return { value, unit, months: months(node) };
}

function gradeModel(grade: Grade): GradeModel {
    return withOptional<GradeModel>({ name: grade.name ?? '', title: grade.title ?? '', beforeDecision: grade.beforeDecision === true }, {
        level: gradeLevel(grade),
        meaning: grade.meaning,
        correction: grade.correction ? duration(grade.correction) : undefined,
        correctiveAction: grade.correctiveAction ? duration(grade.correctiveAction) : undefined,
        verification: grade.verification as GradeModel['verification']
    });
}

function withOptional<T extends object>(target: T, values: Partial<T>): T {
    for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) (target as Record<string, unknown>)[key] = value;
    }
    return target;
}

function catalogModel(catalog: Catalog, builtin: boolean): CatalogModel {
    const clause = (node: Clause): CatalogClause => withOptional<CatalogClause>(
        { number: node.name ?? '', mayBeNotApplicable: node.mayBeNotApplicable, clauses: subClausesOf(node).map(clause) },
        { heading: node.heading, summary: node.summary }
    );
    return withOptional<CatalogModel>(
        { id: catalog.name ?? '', title: catalog.title ?? '', clauses: subClausesOf(catalog).map(clause), builtin },
        { edition: catalog.edition, designation: catalog.designation }
    );
}

function schemeModel(scheme: Scheme, source: string): SchemeModel {
    const result: SchemeModel = {
        id: scheme.name ?? '', title: scheme.title ?? '', requirements: [], marks: [], activities: [], exclusions: [],
        questions: [], addresses: [], acceptances: [], source
    };
    const phases: Record<ActivityPhase, ActivityModel[]> = { initial: [], surveillance: [], recertification: [] };
    for (const member of scheme.members) {
        if (isVersionDecl(member)) result.version ??= member.value;
        else if (isOwnerDecl(member)) result.owner ??= member.value;
        else if (isScopeDecl(member)) {
            result.scope ??= member.value;
            if ((member.areas ?? []).length > 0) result.scopeAreas ??= member.areas.map(clauseReference);
        } else if (isCombineDecl(member)) {
            (result.combined ??= []).push({ refs: (member.refs ?? []).map(clauseReference), with: (member.standards ?? []).map(targetNameOf) });
        } else if (isGrade(member)) {
            (result.grades ??= []).push(gradeModel(member));
        } else if (isCertifiesDecl(member)) {
            if (member.subject === 'managementSystem' && member.standard) {
                const standards = (result.certifiedStandards ??= []);
                const id = targetNameOf(member.standard);
                if (!standards.includes(id)) standards.push(id);
            }
            if (result.certifies) continue; // a repeated line is reported; the first one is the scheme's
            result.certifies = withOptional<NonNullable<SchemeModel['certifies']>>({ subject: member.subject }, { standard: member.standard ? targetNameOf(member.standard) : undefined });
        } else if (isOperatedUnderDecl(member)) result.operatedUnder ??= targetNameOf(member.standard);
        else if (isSchemeTypeDecl(member)) {
            result.schemeType ??= withOptional<NonNullable<SchemeModel['schemeType']>>(
                { catalog: targetNameOf(member.catalog), id: targetNameOf(member.schemeType) },
                { title: member.schemeType?.ref?.title }
            );
        } else if (isUsesQmsDecl(member)) result.usesQms ??= targetNameOf(member.standard);
        else if (isRequirementDecl(member)) result.requirements.push(...member.refs.map(clauseReference));
        else if (isCycleDecl(member)) result.cycle ??= duration(member.duration);
        else if (isMark(member)) result.marks.push(markModel(member));
        else if (isActivity(member)) phases.initial.push(activityModel(member, 'initial'));
        else if (isSurveillance(member)) {
            result.surveillance ??= withOptional<NonNullable<SchemeModel['surveillance']>>(
                { every: duration(member.interval) },
                { firstWithin: member.firstWithin ? duration(member.firstWithin) : undefined }
            );
            phases.surveillance.push(...member.activities.map(activity => activityModel(activity, 'surveillance')));
        } else if (isRecertification(member)) {
            result.recertification ??= { before: duration(member.deadline) };
            phases.recertification.push(...member.activities.map(activity => activityModel(activity, 'recertification')));
        } else if (isSchemeQuestion(member)) {
            result.questions?.push(withOptional<SchemeQuestionModel>({ ref: clauseReference(member.ref), question: member.question ?? '' }, { evidence: member.evidence }));
        } else if (isAddressing(member)) {
            result.addresses?.push(addressingModel(member));
        } else if (isAcceptance(member)) {
            result.acceptances?.push(withOptional<{ code: string; on?: string; reason?: string }>({ code: member.code ?? '' }, { on: member.target, reason: member.reason }));
        } else if (isExclusion(member)) {
            result.exclusions.push(withOptional<ExclusionModel>({ ref: clauseReference(member.ref) }, { justification: member.justification }));
        }
    }
    result.activities = [...phases.initial, ...phases.surveillance, ...phases.recertification];
    addOperation(scheme, result);
    return result;
}

function activityModel(activity: Activity, phase: ActivityPhase): ActivityModel {
    const coverRefs = activity.members.filter(isCoverage).flatMap(coverage => coverage.refs);
    return withOptional<ActivityModel>({
        name: activity.name ?? '',
        kind: (activity.kind ?? 'selection') as ActivityModel['kind'],
        phase,
        performers: activity.performers.map(targetNameOf),
        issues: [...activity.issues] as ActivityModel['issues'],
        licenses: activity.licenses.map(targetNameOf),
        coverRefs: coverRefs.map(clauseReference),
        covers: coveredClauses(coverRefs),
        checks: activity.members.filter(isCheck).map(checkModel)
    }, {
        method: activity.method as ActivityModel['method'],
        source: activity.source as ActivityModel['source'],
        sample: activity.members.find(isSampleDecl)?.value,
        criteria: activity.members.find(isCriteriaDecl)?.value,
        samplingPlan: samplingPlanModel(activity)
    });
}

function checkModel(check: Check): CheckModel {
    return withOptional<CheckModel>(
        { name: check.name ?? '', question: check.question ?? '', refs: check.refs.map(clauseReference), grading: (check.grading ?? 'findings') as CheckModel['grading'] },
        // Limits that are not numbers in order are an error of their own (measurement.ts).
        { evidence: check.evidence, unit: check.unit, limits: measurementLimits(check).limits }
    );
}

function patternModel(pattern: ActivityPattern): ActivityPatternModel {
    return withOptional<ActivityPatternModel>({ kind: (pattern.kind ?? 'selection') as ActivityPatternModel['kind'] }, {
        method: pattern.method as ActivityPatternModel['method'],
        source: pattern.source as ActivityPatternModel['source']
    });
}

function questionBankModel(bank: QuestionBank, builtin: boolean): QuestionBankModel {
    const questions = (bank.asks ?? []).filter(ask => refTextOf(ask.clause) !== '').map(ask => withOptional<AuditQuestion>({
        number: ask.clause?.ref?.name ?? refTextOf(ask.clause),
        question: ask.question ?? '',
        realisedBy: (ask.patterns ?? []).map(patternModel)
    }, { evidence: ask.evidence }));
    return { catalog: targetNameOf(bank.catalog), builtin, questions };
}

function addressingModel(addressing: Addressing): AddressingModel {
    return { refs: (addressing.refs ?? []).map(clauseReference), documents: [...(addressing.documents ?? [])] };
}

function markModel(mark: Mark): MarkModel {
    return markConditions(mark, withOptional<MarkModel>(
        { name: mark.name ?? '', description: mark.description ?? '', uses: [...mark.uses] as MarkModel['uses'] },
        { shape: mark.shape }
    ));
}

function roleModel(role: Role): RoleModel {
    return withOptional<RoleModel>({ id: role.name ?? '', title: role.title ?? '', needs: role.needs.map(targetNameOf) }, { summary: role.summary });
}

function competenceModel(competence: Competence): CompetenceModel {
    return withOptional<CompetenceModel>({
        id: competence.name ?? '',
        title: competence.title ?? '',
        basis: competence.basis.map(clauseReference),
        areas: competence.areas.map(clauseReference)
    }, { summary: competence.summary });
}

function evidenceModel(evidence: PersonEvidence | undefined): EvidenceModel {
    return withOptional<EvidenceModel>({ text: evidence?.text ?? '' }, {
        role: evidence?.role ? targetNameOf(evidence.role) : undefined,
        competence: evidence?.competence ? targetNameOf(evidence.competence) : undefined,
        area: evidence?.area ? clauseReference(evidence.area) : undefined,
        until: evidence?.expires,
        evaluated: evidence?.evaluated,
        witnessed: evidence?.witnessed
    });
}

function personModel(person: Person): PersonModel {
    return {
        id: person.name ?? '',
        name: person.fullName ?? '',
        qualifications: person.qualifications.map(q => withOptional<QualificationModel>({ role: targetNameOf(q?.role) },
            { until: q?.expires, evaluated: q?.evaluated, witnessed: q?.witnessed })),
        competences: person.competences.map(targetNameOf),
        areas: person.areas.map(clauseReference),
        evidence: person.evidence.map(evidenceModel)
    };
}
