import type { AuditQuestion, CatalogModel, QuestionBankModel, ResolvedClause, SchemeModel } from '@certa/language/model';
import { clauseKey, flattenCatalog } from './clauses.js';

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
 */
export function questionSource(scheme: SchemeModel | undefined, catalogs: readonly CatalogModel[], banks: readonly QuestionBankModel[]): QuestionSource {
    const fromBanks = new Map<string, AuditQuestion>();
    const ordered = [...banks.filter(bank => bank.builtin), ...banks.filter(bank => !bank.builtin)];
    for (const bank of ordered) {
        for (const question of bank.questions) fromBanks.set(clauseKey({ catalog: bank.catalog, number: question.number }), question);
    }
    const fromScheme = new Map<string, AskedQuestion>();
    for (const own of scheme?.questions ?? []) {
        for (const clause of own.ref.clauses) {
            const asked: AskedQuestion = { question: own.question, from: 'scheme' };
            if (own.evidence !== undefined) asked.evidence = own.evidence;
            fromScheme.set(clauseKey(clause), asked);
        }
    }
    const summaries = new Map<string, string>();
    for (const catalog of catalogs) {
        for (const { clause } of flattenCatalog(catalog)) {
            if (clause.summary !== undefined) summaries.set(clauseKey({ catalog: catalog.id, number: clause.number }), clause.summary);
        }
    }
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
