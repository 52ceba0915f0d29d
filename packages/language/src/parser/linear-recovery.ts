/**
 * Two places where Chevrotain's error recovery costs grow with the errors already recovered, which a
 * file of a few thousand broken declarations in a row (a paste, a bad merge) turned into a crash and
 * into seconds of parsing. Both replacements take the same steps as the originals.
 *
 * - Recovery inside a repetition (`elements+=X*`, `X+`) skips to where the next iteration can start
 *   and then calls the repetition again, recursively: a dozen stack frames per recovered error that
 *   stay until the repetition ends, so some thousands of errors overflowed the stack. The recursive
 *   call is the last thing each repetition does; here it is a loop.
 * - Before that, it looks ahead for the first token that could follow the rules being parsed. At the
 *   top of the file that is only the end of the file, and the look-ahead walked every remaining token
 *   to find it, once per error: quadratic in the file's errors.
 */

type Repetition = (this: RecoveringParser, occurrence: number, action: unknown) => void;
type Attempt = (this: RecoveringParser, repetition: unknown, ...rest: unknown[]) => void;
interface TokenType { name: string }

interface RecoveringParser {
    manyInternal: Repetition;
    atLeastOneInternal: Repetition;
    attemptInRepetitionRecovery: Attempt;
    findReSyncTokenType(this: RecoveringParser): TokenType;
    flattenFollowSet(this: RecoveringParser): TokenType[];
}

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

    const findReSyncTokenType = parser.findReSyncTokenType;
    parser.findReSyncTokenType = function () {
        // Chevrotain's end-of-file token type is named EOF; the grammar declares no terminal of that name.
        const followers = this.flattenFollowSet();
        if (followers.length > 0 && followers.every(type => type.name === 'EOF')) return followers[0];
        return findReSyncTokenType.call(this);
    };
}
