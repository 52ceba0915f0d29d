import type { AstNode } from 'langium';
import type { Clause } from '../generated/ast.js';
import {
    isActivity, isCatalog, isCheck, isClause, isCompetence, isMark, isPerson, isRole, isScheme, isSchemeType
} from '../generated/ast.js';

/** The human words of a declaration (a clause's heading, a role's title), for completion, outline and hints. */
export function declarationTitle(node: AstNode): string | undefined {
    if (isClause(node)) return textOrNothing(node.heading);
    if (isCatalog(node) || isScheme(node) || isRole(node) || isCompetence(node) || isSchemeType(node)) {
        return textOrNothing(node.title);
    }
    if (isPerson(node)) return textOrNothing(node.fullName);
    if (isMark(node)) return textOrNothing(node.description);
    if (isActivity(node)) return [node.kind, node.method].filter(Boolean).join(' ') || undefined;
    if (isCheck(node)) return textOrNothing(node.question);
    return undefined;
}

function textOrNothing(text: string | undefined): string | undefined {
    return text ? unquote(text) : undefined;
}

/**
 * Langium keeps STRING values as written by the value converter: without quotes. Be lenient either
 * way; a text the parser never read (half-typed line) is ''.
 */
export function unquote(text: string | undefined): string {
    if (text === undefined) return '';
    return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** The clauses a clause is nested in, outermost first. */
export function parentClauses(clause: Clause): Clause[] {
    const chain: Clause[] = [];
    let current: AstNode | undefined = clause.$container;
    while (isClause(current)) {
        chain.unshift(current);
        current = current.$container;
    }
    return chain;
}

/** `8.5.1 Control of production and service provision`, or just the number when it has no heading. */
export function clauseLabel(clause: Clause): string {
    return clause.heading ? `${clause.name ?? ''} ${unquote(clause.heading)}` : clause.name ?? '';
}
