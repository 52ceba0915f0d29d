import { MAX_NESTING, MAX_SOURCE_LENGTH } from '../parser/input-limits.js';
import { defineRule } from './rule-catalog.js';

/** Problems found before any rule runs: the text cannot be read or a name cannot be found. */
export const SyntaxCodes = {
    lexing: defineRule({
        code: 'certa.syntax.unexpected-character', severity: 'error', basis: 'Certa language',
        summary: 'A character that cannot start any word of the language, e.g. an unterminated string.'
    }),
    parsing: defineRule({
        code: 'certa.syntax.unexpected-input', severity: 'error', basis: 'Certa language',
        summary: 'The text does not follow the language (a missing brace, keyword or value).'
    }),
    notText: defineRule({
        code: 'certa.syntax.not-text', severity: 'error', basis: 'Certa language',
        summary: 'The file is binary data, not UTF-8 text.'
    }),
    tooDeep: defineRule({
        code: 'certa.syntax.too-deep', severity: 'error', basis: 'Certa language',
        summary: `Braces nest more than ${MAX_NESTING} levels deep; Certa reads the file up to that point only.`
    }),
    tooLong: defineRule({
        code: 'certa.syntax.too-long', severity: 'error', basis: 'Certa language',
        summary: `The file is longer than ${MAX_SOURCE_LENGTH / 1024 / 1024} MB of text; Certa does not read it.`
    }),
    emptyFile: defineRule({
        code: 'certa.syntax.empty-file', severity: 'warning', basis: 'Certa language',
        summary: 'The file declares nothing.'
    }),
    unknownCatalog: defineRule({
        code: 'certa.reference.unknown-catalog', severity: 'error', basis: 'Certa language',
        summary: 'A clause reference or a scheme names a catalog (standard) that no file in the workspace declares.'
    }),
    unknownClause: defineRule({
        code: 'certa.reference.unknown-clause', severity: 'error', basis: 'Certa language',
        summary: 'A clause reference names a clause number the catalog does not have; the nearest real clause is suggested.'
    }),
    unknownName: defineRule({
        code: 'certa.reference.unknown-name', severity: 'error', basis: 'Certa language',
        summary: 'A role, competence, mark, scheme type or functional element is used but not declared, or `accept … on NAME` names nothing in its scheme.'
    })
} as const;
