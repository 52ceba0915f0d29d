import { LangiumParserErrorMessageProvider } from 'langium';
import { expectedMessage, foundText, tokenTypeText, valueWords } from './syntax-wording.js';

type MismatchOptions = Parameters<LangiumParserErrorMessageProvider['buildMismatchTokenMessage']>[0];
type NotAllInputOptions = Parameters<LangiumParserErrorMessageProvider['buildNotAllInputParsedMessage']>[0];
type NoViableAltOptions = Parameters<LangiumParserErrorMessageProvider['buildNoViableAltMessage']>[0];
type EarlyExitOptions = Parameters<LangiumParserErrorMessageProvider['buildEarlyExitMessage']>[0];
type Token = MismatchOptions['actual'];

/**
 * Parser errors in the designer's words: what may come here (keywords as written, values as
 * "a name", "a quoted text"), what was found, and a did-you-mean for a misspelt keyword.
 * Chevrotain only knows the one token it wanted at a mismatch; CertaDocumentValidator widens that
 * to everything the grammar allows at that point (expected-words.ts).
 */
export class CertaParserErrorMessageProvider extends LangiumParserErrorMessageProvider {

    override buildMismatchTokenMessage({ expected, actual }: MismatchOptions): string {
        return this.expected([expected.name], actual);
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: NotAllInputOptions): string {
        return `Expected a declaration here (catalog, scheme, role, competence, person, mark or accept), not ${foundText(firstRedundant.image, isEnd(firstRedundant))}.`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: NoViableAltOptions): string {
        return this.expected(expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0]?.name)), actual[0]);
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: EarlyExitOptions): string {
        return this.expected(expectedIterationPaths.map(path => path[0]?.name), actual[0]);
    }

    private expected(names: Array<string | undefined>, actual: Token | undefined): string {
        const distinct = [...new Set(names.filter((name): name is string => Boolean(name)))];
        const keywords = distinct.filter(name => !isValue(name)).sort();
        const values = [...new Set(distinct.filter(isValue).map(tokenTypeText))].sort();
        return expectedMessage(keywords, values, actual?.image, actual === undefined || isEnd(actual));
    }
}

/** Terminals (ID, STRING, …) rather than keywords. */
function isValue(name: string): boolean {
    return Object.hasOwn(valueWords, name);
}

function isEnd(token: Token): boolean {
    return token.tokenType?.name === 'EOF';
}
