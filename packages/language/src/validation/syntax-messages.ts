import type { Grammar, LangiumCompletionParser } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { expectedWordsAfter } from '../parser/expected-words.js';
import { expectedMessage, foundText } from '../parser/syntax-wording.js';

/** Each widening reads its declaration up to the error again; a file full of errors gets it for the first few. */
const MAX_WIDENED = 10;
/** And only while the text read again stays small: a huge broken declaration keeps the parser's wording. */
const MAX_REREAD = 200_000;

/**
 * Chevrotain names only the one token it wanted (`'}'` where a scheme member was misspelt); the
 * designer wants every word that may come there. For the first parser errors of a file, asks the
 * grammar (through the completion parser) what may follow the text before the error and rewrites
 * the message with that list and a did-you-mean. Messages whose position is not the token found
 * (Chevrotain's recovery inserted one) keep the parser's own wording.
 */
export function widenSyntaxMessages(parser: LangiumCompletionParser, grammar: Grammar, document: TextDocument,
    diagnostics: Diagnostic[], readTo: number, elementStarts: readonly number[] = []): void {
    let widened = 0;
    let reread = 0;
    for (const diagnostic of diagnostics) {
        if (widened >= MAX_WIDENED) return;
        if (typeof diagnostic.message !== 'string') continue;
        const atEnd = diagnostic.message.includes(`not ${foundText(undefined, true)}.`);
        const start = atEnd ? readTo : document.offsetAt(diagnostic.range.start);
        const image = atEnd ? undefined : document.getText(diagnostic.range);
        if (!atEnd && !diagnostic.message.includes(`not ${foundText(image, false)}.`)) continue;
        widened++;
        // A file is a list of declarations, so what may follow depends only on the text since the
        // start of the declaration the error is in: reading the file from its start again made
        // each widening cost the whole file before it.
        const from = declarationStart(elementStarts, start);
        reread += start - from;
        if (reread > MAX_REREAD) return;
        let words;
        try {
            words = expectedWordsAfter(parser, grammar, document.getText().slice(from, start));
        } catch {
            continue; // the parser's own message is still true; a better one is not worth a failure
        }
        if (words.keywords.length + words.values.length === 0) continue;
        diagnostic.message = expectedMessage(words.keywords, words.values, image, atEnd);
    }
}

/** The last of the (ascending) declaration starts at or before `offset`; 0 if none is. */
function declarationStart(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    let found = 0;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= offset) {
            found = starts[middle];
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
