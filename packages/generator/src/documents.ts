import type * as CertaModelTypes from '@certa/language/model';

/**
 * The documents the generator produces, as data. The JSON format writes these objects as they are
 * (`schema/certa-documents.schema.json` describes them); the other formats render them as tables.
 */

export type ResolvedClause = CertaModelTypes.ResolvedClause;

/**
 * The grades an auditor may give an item graded by `findings` when the scheme declares none of its
 * own: the usual management-system audit findings.
 */
export const FINDING_VALUES = [
    'conformity',
    'major nonconformity',
    'minor nonconformity',
    'observation',
    'not applicable'
] as const;

export type Finding = typeof FINDING_VALUES[number];

/** The values of an item graded `passFail`. */
export const PASS_FAIL_VALUES = ['pass', 'fail', 'not applicable'] as const;

export interface SchemeSummary {
    id: string;
    title: string;
    version?: string;
    owner?: string;
}

/**
 * What a client audit programme knows about one audit; every field may be missing, and a missing field
 * is left blank in the checklist for the auditor to fill in.
 */
export interface AuditHeaderInput {
    client?: string;
    sites?: string[];
    /** e.g. `stage 2`, `surveillance 1`, `recertification`. */
    auditType?: string;
    /** First and last day of the audit, `YYYY-MM-DD`. */
    dates?: { start: string; end?: string };
    team?: Array<{ name: string; role: string }>;
    /** e.g. `3 auditor-days`. */
    duration?: string;
    scope?: string;
    criteria?: string;
    standardEdition?: string;
}

/** The header block of a checklist: each field's value, or null where the auditor fills it in. */
export interface AuditHeader {
    client: string | null;
    sites: string | null;
    auditType: string | null;
    dates: string | null;
    team: string | null;
    duration: string | null;
    scope: string | null;
    criteria: string | null;
    standardEdition: string | null;
}

/**
 * How a nonconformity grade is closed: the time allowed for the correction and for the corrective
 * action, counted from the last day of the audit, and what must happen before the decision.
 */
export interface NcGrade {
    grade: string;
    /** True for grades that are nonconformities (the rest are conformity, observation, not applicable). */
    nonconformity: boolean;
    correctionDays?: number;
    correctiveActionDays?: number;
    /** In words: what is verified and when. */
    rule: string;
    /** True when the scheme says nothing and Certa's defaults are used. */
    isDefault: boolean;
}

export interface ChecklistItem {
    /** `<activity>.<check>` for the activity's own checks, `<activity>.<catalog>-<clause>` for covered clauses. */
    id: string;
    source: 'check' | 'covered-clause';
    /** Clause references as written (`ISO9001 8.5 .. 8.7`); for a covered clause, the clause itself. */
    refs: string[];
    /** The clauses the item is about (the first clause of each reference). */
    clauses: ResolvedClause[];
    /** The covered clauses that group the item, outermost first (the checklist's sub-headings). */
    group: ResolvedClause[];
    question: string;
    evidence?: string;
    /** Where the question comes from: a scheme's check or `ask`, a question bank, or a fallback naming the clause. */
    questionFrom: 'check' | 'scheme' | 'bank' | 'fallback';
    grading: CertaModelTypes.Grading;
    /** A measured check's unit and accepted values, as the scheme gives them. */
    unit?: string;
    limits?: CertaModelTypes.MeasurementLimits;
    /** The values the finding column accepts; null for a measurement, whose finding is the measured value. */
    findingValues: string[] | null;
    /** Set when the clause is declared not applicable in the scheme. */
    excluded?: { justification?: string };
    /** Columns the auditor fills in; empty in generated documents (an excluded clause's finding is `not applicable`). */
    finding: string | null;
    evidenceSeen: string | null;
    comments: string | null;
    ncReference: string | null;
}

export interface ChecklistActivity {
    name: string;
    /** In an integrated scheme, the certified standard this part of the activity audits (one section each). */
    standard?: string;
    kind: CertaModelTypes.ActivityKind;
    method?: CertaModelTypes.ActivityMethod;
    phase: CertaModelTypes.ActivityPhase;
    performers: string[];
    sample?: string;
    criteria?: string;
    samplingPlan?: CertaModelTypes.SamplingPlanModel;
    /** External bodies the scheme outsources this activity to (ISO/IEC 17065 6.2.2; ISO/IEC 17021-1 7.5). */
    externalBodies?: Array<Pick<CertaModelTypes.ExternalBodyModel, 'id' | 'title' | 'accreditedTo'>>;
    items: ChecklistItem[];
}

export interface ChecklistDocument {
    kind: 'checklist';
    scheme: SchemeSummary;
    /**
     * Identifies the scheme version and the checklist items it gives (ids, gradings, questions), so that
     * `certa findings` can tell a filled checklist from an older or another scheme's.
     */
    fingerprint: string;
    header: AuditHeader;
    /** The grades of items graded by `findings`. */
    findingValues: string[];
    grades: NcGrade[];
    activities: ChecklistActivity[];
}

export interface RoleRow {
    id: string;
    title: string;
    needs: string[];
    /** Technical areas the role needs: those of the competences it needs, in catalog order. */
    areas: ResolvedClause[];
    /** `<scheme>.<activity>` the role performs; also `<scheme>.complaints`, `.appeals`, `.specialAudit:<purpose>`, `.transfer`. */
    performs: string[];
    /** People with a current qualification for the role. */
    qualified: string[];
    /** Nobody holds a current qualification for the role. */
    uncovered: boolean;
}

/** A clause reference as written; `clause` is its first clause, absent when a whole catalog is meant. */
export interface WrittenReference {
    text: string;
    clause?: ResolvedClause;
}

export interface CompetenceRow {
    id: string;
    title: string;
    /** The references behind it as written (`ISO17021_1 A.2.2`, a whole catalog), each with its first clause. */
    basis: WrittenReference[];
    areas: ResolvedClause[];
    neededBy: string[];
    /** Who has it: directly (`competent`) or through a current qualification for a role that needs it. */
    heldBy: Array<{ person: string; via?: string }>;
    /** Nobody has it. */
    unheld: boolean;
}

export interface QualificationCell {
    role: string;
    until?: string;
    /** Last evaluated for the role (ISO/IEC 17021-1 7.1.3). */
    evaluated?: string;
    /** Last witnessed performing the role (ISO/IEC 17021-1 7.2.10). */
    witnessed?: string;
    expired: boolean;
}

/** A record of competence as written, with what it is for and its dates. */
export interface EvidenceRecord {
    text: string;
    role?: string;
    competence?: string;
    area?: WrittenReference;
    /** The last day the record counts, and whether that day has passed. */
    until?: string;
    expired: boolean;
    evaluated?: string;
    witnessed?: string;
}

export interface PersonRow {
    id: string;
    name: string;
    qualifications: QualificationCell[];
    competences: string[];
    areas: ResolvedClause[];
    evidence: EvidenceRecord[];
}

export interface CompetenceGap {
    kind: 'role-uncovered' | 'competence-unheld' | 'qualification-expired' | 'evidence-expired';
    /** The role, competence or person concerned. */
    subject: string;
    detail: string;
}

/** A body the scheme outsources evaluation to, as the competence matrix lists it. */
export interface ExternalBodyRow extends CertaModelTypes.ExternalBodyModel {
    /** The scheme id. */
    scheme: string;
}

export interface CompetenceMatrixDocument {
    kind: 'competence-matrix';
    /** External bodies of the schemes shown, with their accreditation and what they perform; absent when there are none. */
    externalBodies?: ExternalBodyRow[];
    /** The schemes whose roles are shown; empty when the whole workspace is. */
    schemes: SchemeSummary[];
    /** The day expiry was checked against, `YYYY-MM-DD`. */
    today: string;
    roles: RoleRow[];
    competences: CompetenceRow[];
    people: PersonRow[];
    /** Every technical area named by a competence or a person, in catalog order. */
    areas: ResolvedClause[];
    gaps: CompetenceGap[];
}

/**
 * `body`: a requirement on the certification body itself (its structure, resources, management
 * system), which no scheme activity carries out; the conformity checklist shows where it is addressed.
 */
export type CoverageStatus = 'covered' | 'partial' | 'gap' | 'excluded' | 'body';

export interface CoverageRow {
    number: string;
    heading?: string;
    /** Nesting depth, 0 for top-level clauses. */
    depth: number;
    status: CoverageStatus;
    justification?: string;
    /**
     * Activities that cover the clause, and the checks that refer to it; `combined`: the clauses of other
     * standards the activity audits that the scheme combines with this one (`combine … with`, IAF MD 11).
     */
    coveredBy: Array<{ activity: string; covers: boolean; checks: string[]; realises?: boolean; combined?: string[] }>;
}

export interface CoverageMatrixDocument {
    kind: 'coverage-matrix';
    scheme: SchemeSummary;
    catalog: { id: string; title: string; designation?: string };
    activities: Array<{ name: string; phase: CertaModelTypes.ActivityPhase; kind: CertaModelTypes.ActivityKind }>;
    clauses: CoverageRow[];
    summary: Record<CoverageStatus, number>;
}

/** The scheme as a reviewer reads it. */
export interface SchemeDocument {
    kind: 'scheme-document';
    scheme: SchemeSummary;
    /** Certifies, operated under, scheme type, scope, requirements, cycle, surveillance, recertification: those the scheme states. */
    facts: Partial<Record<'certifies' | 'operatedUnder' | 'schemeType' | 'usesQms' | 'scope' | 'requirements' | 'cycle' | 'surveillance' | 'recertification', string>>;
    activities: Array<{
        name: string;
        phase: CertaModelTypes.ActivityPhase;
        kind: CertaModelTypes.ActivityKind;
        method?: CertaModelTypes.ActivityMethod;
        performers: string[];
        source?: CertaModelTypes.SampleSource;
        /** Sampling, as the scheme describes it in words (`sample "…"`). */
        sample?: string;
        /** The sampling plan as data (`samplingPlan "…" count … every … rule … from …`). */
        samplingPlan?: CertaModelTypes.SamplingPlanModel;
        /** Ids of the external bodies the activity is outsourced to. */
        externalBodies?: string[];
        /** Decision or acceptance criteria. */
        criteria?: string;
        /** `covers` references as written. */
        covers: string[];
        checks: Array<{ name: string; question: string; grading: CertaModelTypes.Grading; evidence?: string; unit?: string; limits?: CertaModelTypes.MeasurementLimits }>;
        issues: CertaModelTypes.AttestationKind[];
        licenses: string[];
    }>;
    /** The certification cycle period by period, with the activities of each. */
    programme: Array<{ period: string; activities: string[] }>;
    /** Marks, where they may be used, their conditions of use and what the body does about misuse (ISO/IEC 17065 4.1.3). */
    marks: Array<{ name: string; description: string; shape?: string; uses: CertaModelTypes.MarkUse[]; conditions?: string; misuse?: string; licensedBy: string[] }>;
    /** The finding grades and how each is closed (the scheme's own, else Certa's defaults, marked as such). */
    grades: NcGrade[];
    /** Suspension, withdrawal, scope reduction, changes, special audits and transfer: as far as the scheme describes them. */
    lifecycle?: CertaModelTypes.LifecycleModel;
    complaints?: { handledBy: string[]; aboutCertifiedClients?: string };
    appeals?: { decidedBy: string[] };
    /** What the certificate states and how long it is valid. */
    certificate?: CertaModelTypes.CertificateModel;
    /** Roles the scheme names: for activities, complaints, appeals, special audits and transfers. */
    roles: Array<{ id: string; title: string; performs: string[]; needs: Array<{ id: string; title: string; basis: string[] }> }>;
    /** Bodies the scheme outsources evaluation to: their accreditation, the activities they perform, what the agreement covers. */
    externalBodies: CertaModelTypes.ExternalBodyModel[];
    exclusions: Array<{ ref: string; justification?: string }>;
    acceptances: Array<{ code: string; on?: string; reason?: string }>;
}

/** One requirement clause of a certification body's standard, as an accreditation assessor checks it. */
export interface ConformityRow {
    clause: ResolvedClause;
    /** The headings above the clause, outermost first. */
    group: ResolvedClause[];
    /** Certa's (or the user's) summary of the requirement, never the standard's text. */
    summary?: string;
    question?: string;
    evidence?: string;
    /** `body`: a requirement on the certification body itself; `activities`: carried out by scheme activities. */
    fallsOn: 'body' | 'activities';
    addressedBy: { documents: string[]; activities: string[] };
    /** Columns the assessor fills in; empty in generated documents. */
    documentReview: string | null;
    onSiteEvidence: string | null;
    result: string | null;
}

export interface ConformityChecklistDocument {
    kind: 'conformity-checklist';
    scheme: SchemeSummary;
    catalog: { id: string; title: string; designation?: string };
    resultValues: string[];
    rows: ConformityRow[];
    summary: { body: number; activities: number; addressed: number; unaddressed: number };
}

export type CertaDocument = ChecklistDocument | CompetenceMatrixDocument | CoverageMatrixDocument | SchemeDocument | ConformityChecklistDocument;

/** One generated file: a relative path (forward slashes) and its bytes or text. */
export interface GeneratedFile {
    path: string;
    content: string | Uint8Array;
}
