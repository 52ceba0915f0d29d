import type { CatalogClause, CatalogModel, ResolvedClause, SchemeModel } from '@certa/language/model';

/** A key that identifies a clause across catalogs. */
export function clauseKey(clause: Pick<ResolvedClause, 'catalog' | 'number'>): string {
    return `${clause.catalog} ${clause.number}`;
}

/**
 * The groups (outermost first) that a row opens and the row before it was not in: where a table
 * shows a sub-heading. Mostly the same clause objects follow each other; else the catalog and
 * number decide.
 */
export function openedGroups(previous: readonly ResolvedClause[], group: readonly ResolvedClause[]): ResolvedClause[] {
    return group.filter((clause, depth) => {
        const shown = previous[depth];
        return shown !== clause && (shown === undefined || shown.catalog !== clause.catalog || shown.number !== clause.number);
    });
}

/** `ISO9001 8.5.1 Control of production and service provision`. */
export function clauseLabel(clause: ResolvedClause): string {
    return clause.heading ? `${clause.catalog} ${clause.number} ${clause.heading}` : `${clause.catalog} ${clause.number}`;
}

/** Excluded clauses of a scheme (subtrees and ranges expanded) with their justification. */
export function exclusionsOf(scheme: SchemeModel): Map<string, string | undefined> {
    const result = new Map<string, string | undefined>();
    for (const exclusion of scheme.exclusions) {
        for (const clause of exclusion.ref.clauses) {
            if (!result.has(clauseKey(clause))) result.set(clauseKey(clause), exclusion.justification);
        }
    }
    return result;
}

/** The clauses of a catalog in document order, with their depth. */
export function flattenCatalog(catalog: CatalogModel): Array<{ clause: CatalogClause; depth: number }> {
    const result: Array<{ clause: CatalogClause; depth: number }> = [];
    const visit = (clause: CatalogClause, depth: number): void => {
        result.push({ clause, depth });
        clause.clauses.forEach(child => visit(child, depth + 1));
    };
    catalog.clauses.forEach(clause => visit(clause, 0));
    return result;
}

/** Orders clauses by their position in their catalog (catalogs in model order); unknown clauses last. */
export function clauseOrder(catalogs: readonly CatalogModel[]): (a: ResolvedClause, b: ResolvedClause) => number {
    const position = new Map<string, number>();
    for (const catalog of catalogs) {
        for (const { clause } of flattenCatalog(catalog)) {
            const key = clauseKey({ catalog: catalog.id, number: clause.number });
            if (!position.has(key)) position.set(key, position.size);
        }
    }
    // Sorting compares the same clause objects many times: their key is built once each. A Map, not
    // a WeakMap: an order serves one generation run, whose documents hold these clauses anyway, and
    // hundreds of thousands of weak entries cost the garbage collector more than the sorting itself.
    const positions = new Map<ResolvedClause, number>();
    const at = (clause: ResolvedClause): number => {
        let found = positions.get(clause);
        if (found === undefined) positions.set(clause, found = position.get(clauseKey(clause)) ?? Number.MAX_SAFE_INTEGER);
        return found;
    };
    return (a, b) => at(a) - at(b) || clauseKey(a).localeCompare(clauseKey(b), 'en', { numeric: true });
}
