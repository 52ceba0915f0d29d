/**
 * The resolved Certa model: a plain, serialisable view of a linked workspace that generators,
 * the CLI and the editor's preview consume instead of AST nodes. Nothing here imports Langium, so
 * the model crosses process and browser boundaries as JSON and generators stay pure.
 *
 * References are resolved: roles, competences and marks by id, clause references to
 * `{ catalog, number, heading }` with ranges and subtrees expanded in clause order. A reference
 * that did not resolve (only possible when generating from sources with errors) keeps the name
 * as written.
 */

// A pure helper (no Langium) that generators apply to catalog clauses.
export { isReferenceOnlyClause } from '../scoping/reference-only-clauses.js';
export type { ClauseShape } from '../scoping/reference-only-clauses.js';

/** One clause of a catalog, as a reference target. */
export interface ResolvedClause {
    /** Catalog id, e.g. `ISO9001`. */
    catalog: string;
    /** Clause number, e.g. `8.5.1`, `A.2`, `19`. */
    number: string;
    /** Heading, absent for numbered paragraphs that have none. */
    heading?: string;
}

/** A clause reference as written (`ISO9001 8.2 .. 8.5`) and the clauses it stands for. */
export interface ClauseReference {
    /** The reference as written in the source. */
    text: string;
    catalog: string;
    /** The first (or only) clause; absent when the whole catalog is meant. */
    clause?: ResolvedClause;
    /** The end of a range. */
    to?: ResolvedClause;
    /** Every clause the reference stands for, in clause order (subtrees and ranges expanded). */
    clauses: ResolvedClause[];
}

export type Subject = 'product' | 'process' | 'service' | 'managementSystem' | 'batch';

export type ActivityKind =
    | 'selection' | 'determination' | 'review' | 'decision' | 'attestation' | 'applicationReview'
    | 'stage1' | 'stage2' | 'surveillanceAudit' | 'recertificationAudit';

export type ActivityMethod =
    | 'testing' | 'inspection' | 'designAppraisal' | 'serviceAssessment' | 'productionAssessment' | 'audit';

/** When an activity happens in the certification cycle. */
export type ActivityPhase = 'initial' | 'surveillance' | 'recertification';

export type SampleSource = 'market' | 'factory' | 'operator' | 'site' | 'field' | 'installation';

/** What is sampled, how many, how often, by which rule, from where. */
export interface SamplingPlanModel {
    what: string;
    count?: number;
    every?: Duration;
    rule?: string;
    source?: SampleSource;
}

export type AttestationKind = 'certificate' | 'batchCertificate' | 'rightToUseCertificate' | 'markLicence';

export type Grading = 'findings' | 'passFail' | 'measurement';

export interface Duration {
    value: number;
    unit: 'days' | 'weeks' | 'months' | 'years';
    /** The duration in months, for comparisons. */
    months: number;
}

export interface CheckModel {
    name: string;
    question: string;
    /** Clause references as written, resolved. */
    refs: ClauseReference[];
    evidence?: string;
    /** How the finding is graded; `findings` when the source does not say. */
    grading: Grading;
    /** A measured check's unit, as written (`N·m`). */
    unit?: string;
    limits?: MeasurementLimits;
}

/** The values a measured check accepts; an end left out is open. */
export interface MeasurementLimits {
    lower?: number;
    upper?: number;
}

export interface ActivityModel {
    name: string;
    kind: ActivityKind;
    method?: ActivityMethod;
    phase: ActivityPhase;
    /** Role ids. */
    performers: string[];
    source?: SampleSource;
    issues: AttestationKind[];
    /** Mark names. */
    licenses: string[];
    /** `covers` references as written. */
    coverRefs: ClauseReference[];
    /** Every covered clause once, ranges and subtrees expanded, in clause order. */
    covers: ResolvedClause[];
    checks: CheckModel[];
    sample?: string;
    criteria?: string;
    samplingPlan?: SamplingPlanModel;
}

export interface ExclusionModel {
    ref: ClauseReference;
    justification?: string;
}

export type MarkUse = 'products' | 'packaging' | 'certificates' | 'documents' | 'stationery' | 'advertising' | 'vehicles';

export interface MarkModel {
    name: string;
    description: string;
    shape?: string;
    uses: MarkUse[];
    /** Conditions of use and what the body does about misuse. */
    conditions?: string;
    misuse?: string;
}

/** The certification lifecycle after the decision (ISO/IEC 17065 7.9 to 7.11; ISO/IEC 17021-1 9.6.4, 9.6.5). */
export interface LifecycleModel {
    specialAudits: Array<{ purpose: 'scopeExtension' | 'shortNotice' | 'unannounced'; performers: string[]; conditions?: string }>;
    suspension?: { triggers: string[]; maximum?: Duration; restoredWhen?: string };
    withdrawal?: { triggers: string[] };
    scopeReduction?: { triggers: string[] };
    changes?: string;
    /** Transfer of certification from another body (IAF MD 2): the pre-transfer review and its roles. */
    transfer?: { review: string; reviewers: string[] };
}

/** A body the certification body outsources evaluation to. */
export interface ExternalBodyModel {
    id: string;
    title: string;
    accreditedTo: Array<{ standard: string; reference?: string }>;
    /** Names of the scheme's activities it performs. */
    performs: string[];
    /** What the agreement covers: confidentiality, impartiality, competence, records. */
    agreement: string[];
}

export interface CertificateModel {
    validFor?: Duration;
    states: string[];
}

/** Level of an audit finding (ISO/IEC 17021-1 3.12, 3.13). */
export type GradeLevel = 'major' | 'minor' | 'observation';

/** How the body verifies the correction and corrective action of a nonconformity. */
export type Verification = 'onSite' | 'byDocuments' | 'atNextAudit';

/** A grade of finding the scheme uses, with its deadlines and verification. */
export interface GradeModel {
    name: string;
    title: string;
    /** Absent for a grade of the scheme's own that does not say its level. */
    level?: GradeLevel;
    meaning?: string;
    correction?: Duration;
    correctiveAction?: Duration;
    verification?: Verification;
    /** Verified before the certification decision (required for majors). */
    beforeDecision: boolean;
}

/** Clauses an integrated scheme audits once for several standards (`combine … with …`). */
export interface CombinedClauses {
    refs: ClauseReference[];
    /** Catalog ids of the other standards. */
    with: string[];
}

export interface SchemeModel {
    id: string;
    title: string;
    version?: string;
    owner?: string;
    certifies?: { subject: Subject; standard?: string };
    /** Every management-system standard certified, in source order (several in an integrated scheme). */
    certifiedStandards?: string[];
    /** Clauses audited once for several certified standards. */
    combined?: CombinedClauses[];
    /** Technical areas of the scope (IAF codes or product categories of a user catalog). */
    scopeAreas?: ClauseReference[];
    /** The grades of finding the scheme uses. */
    grades?: GradeModel[];
    /** Catalog id of the accreditation standard, e.g. `ISO17065`. */
    operatedUnder?: string;
    /** Product scheme type (ISO/IEC 17067 / Guide 67). */
    schemeType?: { catalog: string; id: string; title?: string };
    usesQms?: string;
    scope?: string;
    requirements: ClauseReference[];
    cycle?: Duration;
    surveillance?: { every: Duration; firstWithin?: Duration };
    recertification?: { before: Duration };
    marks: MarkModel[];
    /** Initial activities first, then surveillance, then recertification, each in source order. */
    activities: ActivityModel[];
    exclusions: ExclusionModel[];
    /** How the scheme is operated; present only where the source describes it. */
    lifecycle?: LifecycleModel;
    externalBodies?: ExternalBodyModel[];
    /** Role ids handling complaints, and how complaints about certified clients reach them. */
    complaints?: { handledBy: string[]; aboutCertifiedClients?: string };
    /** Role ids deciding appeals. */
    appeals?: { decidedBy: string[] };
    certificate?: CertificateModel;
    /** The scheme's own audit questions (`ask ISO9001 8.5.1 "…"`); they win over question banks. */
    questions?: SchemeQuestionModel[];
    /** Where the certification body addresses clauses of its standard (`addresses ISO17065 7.4 by "QP-07"`). */
    addresses?: AddressingModel[];
    /** Findings the designer accepts (`accept "certa.…" on x because "…"`). */
    acceptances?: Array<{ code: string; on?: string; reason?: string }>;
    /** URI of the document that declares the scheme. */
    source?: string;
}

export interface RoleModel {
    id: string;
    title: string;
    summary?: string;
    /** Competence ids. */
    needs: string[];
}

export interface CompetenceModel {
    id: string;
    title: string;
    summary?: string;
    /** The clauses behind the competence (ISO/IEC 17021-1 Annex A, ISO/IEC 17065 6.1.2, ...). */
    basis: ClauseReference[];
    /** Technical areas (IAF codes). */
    areas: ClauseReference[];
}

export interface QualificationModel {
    /** Role id. */
    role: string;
    /** Last day of validity, `YYYY-MM-DD`. */
    until?: string;
    /** When the person was last evaluated for the role, `YYYY-MM-DD` (ISO/IEC 17021-1 7.1.3). */
    evaluated?: string;
    /** When the person was last witnessed performing the role, `YYYY-MM-DD` (ISO/IEC 17021-1 7.2.10). */
    witnessed?: string;
}

/** A record of competence (a CV, a training record, a witnessed audit), optionally dated and tied to what it shows. */
export interface EvidenceModel {
    text: string;
    /** Role id the evidence is for. */
    role?: string;
    /** Competence id the evidence is for. */
    competence?: string;
    /** Technical area the evidence is for. */
    area?: ClauseReference;
    /** The last day the record counts (`until`). */
    until?: string;
    evaluated?: string;
    witnessed?: string;
}

export interface PersonModel {
    id: string;
    name: string;
    qualifications: QualificationModel[];
    /** Competence ids. */
    competences: string[];
    /** Technical areas (IAF codes). */
    areas: ClauseReference[];
    evidence: EvidenceModel[];
}

export interface CatalogClause {
    number: string;
    heading?: string;
    /** Certa's or the user's own short description; never the standard's text. */
    summary?: string;
    mayBeNotApplicable: boolean;
    clauses: CatalogClause[];
}

export interface CatalogModel {
    id: string;
    title: string;
    edition?: string;
    /** e.g. `ISO 9001:2015`. */
    designation?: string;
    clauses: CatalogClause[];
    /** True for the catalogs shipped with Certa. */
    builtin: boolean;
}

export interface CertaModel {
    schemes: SchemeModel[];
    roles: RoleModel[];
    competences: CompetenceModel[];
    people: PersonModel[];
    /** Marks declared outside schemes. */
    marks: MarkModel[];
    catalogs: CatalogModel[];
    /** Question banks, builtin first; a later bank's question for a clause wins. */
    questionBanks?: QuestionBankModel[];
    /** `addresses` declared outside schemes (a certification body's own file). */
    addresses?: AddressingModel[];
}

/** Which activities carry out a clause of a certification body's standard. */
export interface ActivityPatternModel {
    kind: ActivityKind;
    method?: ActivityMethod;
    source?: SampleSource;
}

/** One question of a question bank, in Certa's or the user's own words. */
export interface AuditQuestion {
    /** Clause number in the bank's catalog. */
    number: string;
    question: string;
    evidence?: string;
    /** Scheme activities that carry the clause out; empty for a requirement on the certification body itself. */
    realisedBy: ActivityPatternModel[];
}

export interface QuestionBankModel {
    /** Catalog id. */
    catalog: string;
    builtin: boolean;
    questions: AuditQuestion[];
}

export interface SchemeQuestionModel {
    ref: ClauseReference;
    question: string;
    evidence?: string;
}

export interface AddressingModel {
    refs: ClauseReference[];
    /** The certification body's documents that address the clauses, as the designer names them. */
    documents: string[];
}
