import type { ActivityModel, ActivityPatternModel, AuditQuestion, CatalogModel, QuestionBankModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import { CatalogLookups } from './catalog-lookups.js';
import { clauseKey } from './clauses.js';

export interface AskedQuestion {
    question: string;
    evidence?: string;
    from: 'scheme' | 'bank';
}

/** Looks up the audit question for a clause. */
export interface QuestionSource {
    ask(clause: Pick<ResolvedClause, 'catalog' | 'number'>): AskedQuestion | undefined;
    /** The bank entry of a clause (with `realisedBy`), whichever bank gave it. */
    bankEntry(clause: Pick<ResolvedClause, 'catalog' | 'number'>): AuditQuestion | undefined;
    /** The catalog's own summary of the clause, if it has one. */
    summary(clause: Pick<ResolvedClause, 'catalog' | 'number'>): string | undefined;
}

/**
 * Questions by clause: the scheme's own `ask` wins, then the last question bank that asks about the
 * clause (user banks come after the builtin ones). A catalog summary is a statement, never a
 * question: where nothing asks, the checklist names the clause and shows the summary as context.
 * `lookups`: the run's, when it has them (built from the same catalogs and banks).
 */
export function questionSource(
    scheme: SchemeModel | undefined, catalogs: readonly CatalogModel[], banks: readonly QuestionBankModel[],
    lookups: CatalogLookups = new CatalogLookups(catalogs, banks)
): QuestionSource {
    const fromBanks = lookups.bankQuestions;
    const fromScheme = new Map<string, AskedQuestion>();
    for (const own of scheme?.questions ?? []) {
        for (const clause of own.ref.clauses) {
            const asked: AskedQuestion = { question: own.question, from: 'scheme' };
            if (own.evidence !== undefined) asked.evidence = own.evidence;
            fromScheme.set(clauseKey(clause), asked);
        }
    }
    const summaries = lookups.summaries;
    return {
        ask(clause) {
            const key = clauseKey(clause);
            const own = fromScheme.get(key);
            if (own) return own;
            const banked = fromBanks.get(key);
            if (banked) {
                const asked: AskedQuestion = { question: banked.question, from: 'bank' };
                if (banked.evidence !== undefined) asked.evidence = banked.evidence;
                return asked;
            }
            return undefined;
        },
        summary: clause => summaries.get(clauseKey(clause)),
        bankEntry: clause => fromBanks.get(clauseKey(clause))
    };
}

/** True when the activity is of a kind the patterns name (`decision`, `determination from market`, …). */
export function realises(activity: Pick<ActivityModel, 'kind' | 'method' | 'source'>, patterns: readonly ActivityPatternModel[]): boolean {
    return patterns.some(pattern => pattern.kind === activity.kind
        && (pattern.method === undefined || pattern.method === activity.method)
        && (pattern.source === undefined || pattern.source === activity.source));
}

/** For a certification body's standard: which clauses activities carry out, and which fall on the body itself. */
export interface BodyStandardView {
    /** Clause number → the patterns of the activities that carry it out. */
    realisedBy: Map<string, ActivityPatternModel[]>;
    /** Clause numbers with a bank question but no `realisedBy`: requirements on the body. */
    bodyClauses: Set<string>;
}

export function bodyStandardView(catalogId: string, banks: readonly QuestionBankModel[]): BodyStandardView | undefined {
    const entries = new Map<string, AuditQuestion>();
    for (const bank of [...banks.filter(b => b.builtin), ...banks.filter(b => !b.builtin)]) {
        if (bank.catalog !== catalogId) continue;
        for (const question of bank.questions) entries.set(question.number, question);
    }
    const realisedBy = new Map<string, ActivityPatternModel[]>();
    const bodyClauses = new Set<string>();
    for (const [number, question] of entries) {
        if (question.realisedBy.length > 0) realisedBy.set(number, question.realisedBy);
        else bodyClauses.add(number);
    }
    // A bank that never says `realisedBy` is about a standard the organisation meets (ISO 9001), not a body's.
    return realisedBy.size === 0 ? undefined : { realisedBy, bodyClauses };
}
