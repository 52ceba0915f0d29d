import type { Grammar, LangiumCompletionParser } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { expectedWordsAfter } from '../parser/expected-words.js';
import { expectedMessage, foundText } from '../parser/syntax-wording.js';

/** Each widening reads the file up to the error again; a file full of errors gets it for the first few. */
const MAX_WIDENED = 10;
/** And only while the text read again stays small: a huge broken file keeps the parser's wording. */
const MAX_REREAD = 1_000_000;

/**
 * Chevrotain names only the one token it wanted (`'}'` where a scheme member was misspelt); the
 * designer wants every word that may come there. For the first parser errors of a file, asks the
 * grammar (through the completion parser) what may follow the text before the error and rewrites
 * the message with that list and a did-you-mean. Messages whose position is not the token found
 * (Chevrotain's recovery inserted one) keep the parser's own wording.
 */
export function widenSyntaxMessages(parser: LangiumCompletionParser, grammar: Grammar, document: TextDocument,
    diagnostics: Diagnostic[], readTo: number): void {
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
        reread += start;
        if (reread > MAX_REREAD) return;
        let words;
        try {
            words = expectedWordsAfter(parser, grammar, document.getText().slice(0, start));
        } catch {
            continue; // the parser's own message is still true; a better one is not worth a failure
        }
        if (words.keywords.length + words.values.length === 0) continue;
        diagnostic.message = expectedMessage(words.keywords, words.values, image, atEnd);
    }
}
