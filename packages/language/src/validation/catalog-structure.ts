import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaAstType, Catalog, Clause, ClauseRef } from '../generated/ast.js';
import { isClause } from '../generated/ast.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import { defineRule } from './rule-catalog.js';
import { catalogOf, nameOf } from '../helpers/node-properties.js';

export const CatalogCodes = {
    duplicateClause: defineRule({
        code: 'certa.catalog.duplicate-clause', severity: 'error', basis: 'Certa language',
        summary: 'Two clauses of one catalog have the same number, so references to it are ambiguous.'
    }),
    misplacedClause: defineRule({
        code: 'certa.catalog.misplaced-clause', severity: 'error', basis: 'Certa language',
        summary: 'A nested clause number must extend its parent\'s number (8.5.1 inside 8.5).'
    }),
    reversedRange: defineRule({
        code: 'certa.reference.reversed-range', severity: 'error', basis: 'Certa language',
        summary: 'A clause range must run forwards in the catalog (8.2 .. 8.5, not 8.5 .. 8.2).'
    })
} as const;

/** Catalogs are data that rules rely on: their numbering must be unambiguous. */
export const catalogStructureChecks: ValidationChecks<CertaAstType> = {
    Catalog: clauseNumbersMustBeUnique,
    Clause: nestedClauseMustExtendParentNumber,
    ClauseRef: clauseRangeMustRunForwards
};

function clauseNumbersMustBeUnique(catalog: Catalog, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const clause of clauseIndexOf(catalog).clauses) {
        if (seen.has(clause.name)) {
            accept('error', `Catalog ${nameOf(catalog)} already has a clause ${nameOf(clause)}. Give each clause its own number.`,
                { node: clause, property: 'name', data: { code: CatalogCodes.duplicateClause } });
        }
        seen.add(clause.name);
    }
}

function nestedClauseMustExtendParentNumber(clause: Clause, accept: ValidationAcceptor): void {
    const parent = clause.$container;
    if (isClause(parent) && clause.name && parent.name && !extendsNumber(clause.name, parent.name)) {
        accept('error', `Clause ${nameOf(clause)} is nested in clause ${nameOf(parent)}, so its number must extend '${nameOf(parent)}' (${nameOf(parent)}.1, ${nameOf(parent)}_a${takesLetterSuffix(parent.name) ? `, ${nameOf(parent)}a` : ''}). Move it out of ${nameOf(parent)} or renumber it.`,
            { node: clause, property: 'name', data: { code: CatalogCodes.misplacedClause } });
    }
}

/** `8.5.1` in `8.5`, `9_a` in `9`, `4.1a` in `4.1`, `VIa` in `VI` (letter suffixes of amended clauses and elements). */
function extendsNumber(child: string, parent: string): boolean {
    if (!child.startsWith(parent) || child.length === parent.length) return false;
    const next = child.charAt(parent.length);
    return next === '.' || next === '_' || (takesLetterSuffix(parent) && /^[a-z]$/.test(child.slice(parent.length)));
}

function takesLetterSuffix(number: string): boolean {
    return /[0-9]$/.test(number) || /^[IVXLC]+$/.test(number);
}

function clauseRangeMustRunForwards(ref: ClauseRef, accept: ValidationAcceptor): void {
    const from = ref.clause?.ref;
    const to = ref.to?.ref;
    const catalog = catalogOf(ref);
    if (from && to && catalog && from !== to && !clauseIndexOf(catalog).isBefore(from, to)) {
        accept('error', `The range ${nameOf(from)} .. ${nameOf(to)} runs backwards. Write ${nameOf(to)} .. ${nameOf(from)}.`,
            { node: ref, property: 'to', data: { code: CatalogCodes.reversedRange } });
    }
}
