import type * as CertaModelTypes from '@certa/language/model';

/**
 * The documents the generator produces, as data. The JSON format writes these objects as they are
 * (`schema/certa-documents.schema.json` describes them); the other formats render them as tables.
 */

export type ResolvedClause = CertaModelTypes.ResolvedClause;

/** The values an auditor may enter in a checklist's finding column. */
export const FINDING_VALUES = [
    'conformity',
    'minor nonconformity',
    'major nonconformity',
    'opportunity for improvement',
    'not applicable'
] as const;

export type Finding = typeof FINDING_VALUES[number];

export interface SchemeSummary {
    id: string;
    title: string;
    version?: string;
    owner?: string;
}

export interface ChecklistItem {
    /** `<activity>.<check>` for the activity's own checks, `<activity>.<catalog>-<clause>` for covered clauses. */
    id: string;
    source: 'check' | 'covered-clause';
    /** Clause references as written (`ISO9001 8.5 .. 8.7`); for a covered clause, the clause itself. */
    refs: string[];
    /** The clauses the item is about (the first clause of each reference). */
    clauses: ResolvedClause[];
    question: string;
    evidence?: string;
    grading: CertaModelTypes.Grading;
    /** Set when the clause is declared not applicable in the scheme. */
    excluded?: { justification?: string };
    /** Columns the auditor fills in; always empty in generated documents. */
    finding: Finding | null;
    evidenceSeen: string | null;
    auditor: string | null;
    date: string | null;
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
    items: ChecklistItem[];
}

export interface ChecklistDocument {
    kind: 'checklist';
    scheme: SchemeSummary;
    findingValues: Finding[];
    /** The grades of finding the scheme declares, with deadlines and verification (for the checklist header). */
    grades?: CertaModelTypes.GradeModel[];
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
    kind: 'role-uncovered' | 'competence-unheld' | 'qualification-expired';
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

export type CoverageStatus = 'covered' | 'partial' | 'gap' | 'excluded';

export interface CoverageRow {
    number: string;
    heading?: string;
    /** Nesting depth, 0 for top-level clauses. */
    depth: number;
    status: CoverageStatus;
    justification?: string;
    /** Activities that cover the clause, and the checks that refer to it. */
    coveredBy: Array<{ activity: string; covers: boolean; checks: string[] }>;
}

export interface CoverageMatrixDocument {
    kind: 'coverage-matrix';
    scheme: SchemeSummary;
    catalog: { id: string; title: string; designation?: string };
    activities: Array<{ name: string; phase: CertaModelTypes.ActivityPhase; kind: CertaModelTypes.ActivityKind }>;
    clauses: CoverageRow[];
    summary: Record<CoverageStatus, number>;
}

export type CertaDocument = ChecklistDocument | CompetenceMatrixDocument | CoverageMatrixDocument;

/** One generated file: a relative path (forward slashes) and its bytes or text. */
export interface GeneratedFile {
    path: string;
    content: string | Uint8Array;
}
