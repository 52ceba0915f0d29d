import type { ResolvedClause, SchemeSummary } from '../documents.js';

/**
 * The findings report `certa findings` writes from a filled-in checklist, as data. The JSON format
 * writes it as it is (`schema/certa-findings.schema.json` describes it).
 */

/** Something wrong with the filled-in checklist, where it is. */
export interface FindingProblem {
    code:
        | 'not-a-checklist' | 'missing-columns' | 'empty-sheet' | 'unknown-scheme' | 'fingerprint-mismatch' | 'no-fingerprint'
        | 'unknown-item' | 'changed-item' | 'duplicate-item' | 'missing-item' | 'bad-finding' | 'missing-evidence'
        | 'excluded-item-graded' | 'bad-audit-date' | 'no-audit-date';
    /** Errors make the checklist invalid (exit code 1); warnings are reported only. */
    severity: 'error' | 'warning';
    /** Sheet name (XLSX) or file name (CSV). */
    sheet: string;
    row: number;
    message: string;
}

/** One graded item as the report shows it. */
export interface GradedItem {
    item: string;
    activity: string;
    clauses: ResolvedClause[];
    question: string;
    finding: string;
    evidenceSeen: string;
    comments: string;
    ncReference: string;
    sheet: string;
    row: number;
    /** A measured item's accepted values (`40 to 45 N·m`), and whether the value written lies within them. */
    accepted?: string;
    withinLimits?: boolean;
}

export interface Nonconformity extends GradedItem {
    /** The grade whose closing rule applies (a failed pass/fail check takes the most severe grade's). */
    grade: string;
    /** Days from the audit's last day, and the dates they give; dates are null without an audit date. */
    correctionDays?: number;
    correctionDue: string | null;
    correctiveActionDays?: number;
    correctiveActionDue: string | null;
    rule: string;
    /** True when the rule is Certa's default, the scheme having none. */
    ruleIsDefault: boolean;
}

export interface OpenItem {
    item: string;
    activity: string;
    question: string;
    /** Where the row is; absent when the row is missing from the checklist. */
    sheet?: string;
    row?: number;
}

export interface FindingsDocument {
    kind: 'findings-report';
    /** The checklist file as given. */
    checklist: string;
    scheme: SchemeSummary;
    fingerprint: { checklist: string | null; sources: string; matches: boolean | null };
    /** The audit's last day, `YYYY-MM-DD`, from `--audit-date` or the checklist header. */
    auditDate: string | null;
    /** The activities the audit covered: those with at least one finding; only their ungraded items are open. */
    activities: string[];
    /** False when the checklist has errors: its findings cannot be relied on as they are. */
    valid: boolean;
    /** Number of graded items by finding value; `open` counts items with no finding yet. */
    counts: Record<string, number>;
    nonconformities: Nonconformity[];
    observations: GradedItem[];
    measurements: GradedItem[];
    openItems: OpenItem[];
    problems: FindingProblem[];
}
