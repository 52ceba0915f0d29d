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

export type SampleSource = 'market' | 'factory';

export type AttestationKind = 'certificate' | 'batchCertificate' | 'rightToUseCertificate' | 'markLicence';

export type Grading = 'findings' | 'passFail' | 'measurement';

export interface Duration {
    value: number;
    unit: 'months' | 'years';
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
}

export interface SchemeModel {
    id: string;
    title: string;
    version?: string;
    owner?: string;
    certifies?: { subject: Subject; standard?: string };
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
}

export interface PersonModel {
    id: string;
    name: string;
    qualifications: QualificationModel[];
    /** Competence ids. */
    competences: string[];
    /** Technical areas (IAF codes). */
    areas: ClauseReference[];
    evidence: string[];
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
