/**
 * Three places where Chevrotain's error recovery costs grow with the errors already recovered, which a
 * file of a few thousand broken declarations in a row (a paste, a bad merge) turned into a crash and
 * into seconds of parsing. Each replacement gives the answers of the original.
 *
 * - Recovery inside a repetition (`elements+=X*`, `X+`) skips to where the next iteration can start
 *   and then calls the repetition again, recursively: a dozen stack frames per recovered error that
 *   stay until the repetition ends, so some thousands of errors overflowed the stack. The recursive
 *   call is the last thing each repetition does; here it is a loop.
 * - Before that, it looks ahead for the first token that could follow the rules being parsed, once per
 *   error. When that token is far away (only the end of the file at the top level; a `}` that a long
 *   run of broken lines lacks), every error walked the same tokens again: quadratic in the errors.
 *   The end of the file is now answered at once, and each search remembers where it stopped for its
 *   set of followers, so a later search with the same set that starts before that point resumes
 *   there: no token between is one of them.
 * - Before trying to insert or delete one token, it works out which tokens may come next by walking
 *   the grammar from the top rule, once per error, though the answer depends only on where in the
 *   grammar the parser is. The answers are kept per grammar path (a bounded number of them).
 */

type Repetition = (this: RecoveringParser, occurrence: number, action: unknown) => void;
type Attempt = (this: RecoveringParser, repetition: unknown, ...rest: unknown[]) => void;
interface TokenType { name: string }
interface Token { tokenType: TokenType }
interface GrammarPath { ruleStack: string[]; occurrenceStack: number[]; lastTok: TokenType; lastTokOccurrence: number }

interface RecoveringParser {
    manyInternal: Repetition;
    atLeastOneInternal: Repetition;
    attemptInRepetitionRecovery: Attempt;
    findReSyncTokenType(this: RecoveringParser): TokenType;
    flattenFollowSet(this: RecoveringParser): TokenType[];
    getNextPossibleTokenTypes(this: RecoveringParser, path: GrammarPath): TokenType[];
    LA(this: RecoveringParser, howMuch: number): Token;
    tokenMatcher(token: Token, type: TokenType): boolean;
    currIdx: number;
    tokVector: Token[];
}

/** Grammar paths whose next tokens are kept; deep nesting makes each path distinct, so a bound. */
const KEPT_GRAMMAR_PATHS = 5_000;

/** Makes recovery in `parser` (a Chevrotain parser with recovery enabled) linear in the errors it recovers. */
export function recoverLinearly(parser: RecoveringParser): void {
    const attempt = parser.attemptInRepetitionRecovery;
    const many = parser.manyInternal;
    const atLeastOne = parser.atLeastOneInternal;
    let again = false;
    const repeat = () => { again = true; };
    const looping = (repetition: Repetition): Repetition => function (occurrence, action) {
        // `again` is set by this repetition's own last step; inner repetitions have consumed theirs.
        do {
            again = false;
            repetition.call(this, occurrence, action);
        } while (again);
    };
    parser.manyInternal = looping(many);
    parser.atLeastOneInternal = looping(atLeastOne);
    parser.attemptInRepetitionRecovery = function (repetition, ...rest) {
        const ours = repetition === parser.manyInternal || repetition === parser.atLeastOneInternal;
        attempt.call(this, ours ? repeat : repetition, ...rest);
    };

    // Per parsed token vector: for each follower set, the last search's start and the index it found.
    let searchedTokens: Token[] | undefined;
    const searches = new Map<string, { from: number; found: number }>();
    parser.findReSyncTokenType = function () {
        // Chevrotain's end-of-file token type is named EOF; the grammar declares no terminal of that name.
        const followers = this.flattenFollowSet();
        if (followers.length > 0 && followers.every(type => type.name === 'EOF')) return followers[0];
        if (searchedTokens !== this.tokVector) {
            searchedTokens = this.tokVector;
            searches.clear();
        }
        const key = followers.map(type => type.name).join(' ');
        const start = this.currIdx + 1;
        const last = searches.get(key);
        const resumed = last !== undefined && last.from <= start && start <= last.found;
        // LA answers the end-of-file token past the end, and EOF is always a follower: this ends.
        for (let index = resumed ? last.found : start; ; index++) {
            const token = this.LA(index - this.currIdx);
            const match = followers.find(type => this.tokenMatcher(token, type));
            if (match !== undefined) {
                searches.set(key, { from: resumed ? last.from : start, found: index });
                return match;
            }
        }
    };

    const nextPossibleTokenTypes = parser.getNextPossibleTokenTypes;
    const nextTokens = new Map<string, TokenType[]>();
    parser.getNextPossibleTokenTypes = function (path) {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
        let types = nextTokens.get(key);
        if (types === undefined) {
            if (nextTokens.size >= KEPT_GRAMMAR_PATHS) nextTokens.clear();
            types = nextPossibleTokenTypes.call(this, path);
            nextTokens.set(key, types);
        }
        return types;
    };
}
