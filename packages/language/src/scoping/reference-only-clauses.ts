/**
 * Clauses a catalog lists so that references resolve, but that state no requirement an audit
 * programme must cover: clauses 1 to 3 of an ISO/IEC document (Scope, Normative references, Terms
 * and definitions: the fixed opening of every document under the ISO/IEC Directives, Part 2), and an
 * annex listed by its letter alone, without sub-clauses (how the builtin catalogs list informative
 * annexes; a normative annex with rows, such as Annex A of ISO/IEC 17021-1, keeps its sub-clauses).
 * Coverage rules and coverage matrices leave them out.
 */
export interface ClauseShape {
    number: string;
    heading?: string;
    topLevel: boolean;
    subclauses: number;
}

const preliminary: Record<string, string> = { '1': 'scope', '2': 'normative references', '3': 'terms and definitions' };

export function isReferenceOnlyClause(clause: ClauseShape): boolean {
    if (!clause.topLevel) return false;
    if (preliminary[clause.number] !== undefined) return clause.heading?.trim().toLowerCase() === preliminary[clause.number];
    // Annex letters A to H; I, V and the like are the functional elements of ISO/IEC 17067.
    return /^[A-H]$/.test(clause.number) && clause.subclauses === 0;
}
