import type { AuditQuestion, CatalogClause, CatalogModel, QuestionBankModel, ResolvedClause } from '@certa/language/model';
import { clauseKey, flattenCatalog } from './clauses.js';
import type { BodyStandardView } from './questions.js';
import { bodyStandardView } from './questions.js';

/** A catalog clause in document order, with its depth, and as the documents refer to it. */
export interface FlatClause {
    clause: CatalogClause;
    depth: number;
    /** One object per catalog clause, shared by the documents of every scheme. */
    resolved: ResolvedClause;
    key: string;
}

/** A catalog clause that has sub-clauses, with its key. */
export interface ParentClause {
    clause: ResolvedClause;
    key: string;
}

function flatClauses(catalog: CatalogModel): FlatClause[] {
    return flattenCatalog(catalog).map(({ clause, depth }) => {
        const resolved: ResolvedClause = clause.heading === undefined
            ? { catalog: catalog.id, number: clause.number }
            : { catalog: catalog.id, number: clause.number, heading: clause.heading };
        return { clause, depth, resolved, key: clauseKey(resolved) };
    });
}

/**
 * What the documents of every scheme read from the catalogs and question banks, derived once per
 * generation run rather than once per scheme (with 450 schemes that was a third of planning them).
 * Each table is built on first use. A run does not change its model while it generates; the next
 * run makes new lookups, so nothing carries over from one model to another.
 */
export class CatalogLookups {
    private readonly flat = new Map<CatalogModel, FlatClause[]>();
    private parentTable?: Map<string, ParentClause>;
    private bankTable?: Map<string, AuditQuestion>;
    private summaryTable?: Map<string, string>;
    private readonly bodyViews = new Map<string, BodyStandardView | undefined>();

    constructor(readonly catalogs: readonly CatalogModel[], readonly banks: readonly QuestionBankModel[]) {}

    /** The clauses of a catalog in document order, with their depth. */
    flatten(catalog: CatalogModel): readonly FlatClause[] {
        let result = this.flat.get(catalog);
        if (!result) this.flat.set(catalog, result = flatClauses(catalog));
        return result;
    }

    /** The parent of every catalog clause, by clause key (the first catalog declaring a key wins). */
    get parents(): ReadonlyMap<string, ParentClause> {
        if (!this.parentTable) {
            const parent = new Map<string, ParentClause>();
            for (const catalog of this.catalogs) {
                for (const { clause, resolved, key } of this.flatten(catalog)) {
                    if (clause.clauses.length === 0) continue;
                    const entry: ParentClause = { clause: resolved, key };
                    for (const child of clause.clauses) {
                        const childKey = clauseKey({ catalog: catalog.id, number: child.number });
                        if (!parent.has(childKey)) parent.set(childKey, entry);
                    }
                }
            }
            this.parentTable = parent;
        }
        return this.parentTable;
    }

    /** `bodyStandardView` of a catalog: the same for every scheme of the run. */
    bodyStandard(catalogId: string): BodyStandardView | undefined {
        if (!this.bodyViews.has(catalogId)) this.bodyViews.set(catalogId, bodyStandardView(catalogId, this.banks));
        return this.bodyViews.get(catalogId);
    }

    /** Bank questions by clause key: builtin banks first, so a user's bank wins. */
    get bankQuestions(): ReadonlyMap<string, AuditQuestion> {
        if (!this.bankTable) {
            const questions = new Map<string, AuditQuestion>();
            const ordered = [...this.banks.filter(bank => bank.builtin), ...this.banks.filter(bank => !bank.builtin)];
            for (const bank of ordered) {
                for (const question of bank.questions) questions.set(clauseKey({ catalog: bank.catalog, number: question.number }), question);
            }
            this.bankTable = questions;
        }
        return this.bankTable;
    }

    /** The catalogs' own clause summaries, by clause key. */
    get summaries(): ReadonlyMap<string, string> {
        if (!this.summaryTable) {
            const summaries = new Map<string, string>();
            for (const catalog of this.catalogs) {
                for (const { clause } of this.flatten(catalog)) {
                    if (clause.summary !== undefined) summaries.set(clauseKey({ catalog: catalog.id, number: clause.number }), clause.summary);
                }
            }
            this.summaryTable = summaries;
        }
        return this.summaryTable;
    }
}
