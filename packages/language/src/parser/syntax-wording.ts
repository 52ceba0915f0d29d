import { nearestNames } from '../scoping/nearest-names.js';

/** Terminals and data types in the words of the reference (docs/language.md), not the grammar's names. */
export const valueWords: Readonly<Record<string, string>> = {
    ID: 'a name', STRING: 'a quoted text "…"', INT: 'a number', DATE: 'a date YYYY-MM-DD',
    CLAUSE_NUMBER: 'a clause number', ANNEX_NUMBER: 'a clause number', TYPE_ID: 'a scheme type',
    ClauseNumber: 'a clause number', SchemeTypeId: 'a scheme type', Name: 'a name', EOF: 'the end of the file'
};

/** A keyword as a designer reads it in a message: words bare, punctuation quoted. */
export function keywordText(keyword: string): string {
    return /\p{L}/u.test(keyword) ? keyword : `'${keyword}'`;
}

/** A token type of the lexer (a terminal's name or a keyword's text) in words. */
export function tokenTypeText(name: string): string {
    return valueWords[name] ?? keywordText(name);
}

/** What was found, quoted, or "the end of the file". */
export function foundText(image: string | undefined, isEnd: boolean): string {
    if (isEnd || image === undefined || image === '') return 'the end of the file';
    const shown = image.length > 40 ? `${image.slice(0, 40)}…` : image;
    return `'${shown}'`;
}

/**
 * "Expected one of: … here, not 'x'." with a did-you-mean when the word found is a misspelt
 * keyword of those that may come (`evidnce` → `evidence`).
 */
export function expectedMessage(keywords: string[], values: string[], image: string | undefined, isEnd: boolean): string {
    const choices = [...keywords.map(keywordText), ...values];
    const found = foundText(image, isEnd);
    const list = choices.length === 1 ? choices[0] : `one of: ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    const words = keywords.filter(k => /\p{L}/u.test(k));
    const typedWord = !isEnd && image !== undefined && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(image);
    const suggestions = typedWord ? nearestNames(image, words).filter(s => s !== image) : [];
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
    return `Expected ${list} here, not ${found}.${hint}`;
}
