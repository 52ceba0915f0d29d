/**
 * Chevrotain works out the lookahead of every alternative, option and repetition of the grammar when
 * the parser is built: about 40 ms of a cold `certa validate` of 400 ms, for a grammar of which one
 * file uses a small part. Here each lookahead function is worked out the first time the parser takes
 * that decision, by the same strategy from the same options, so it decides exactly as before.
 */

type Lookahead = (this: LookaheadParser, ...args: unknown[]) => unknown;
type Build = (options: unknown) => Lookahead;

interface LookaheadParser {
    /** The lookahead functions of the rule being parsed, by decision key; a sparse array. */
    currRuleLookaheadFuncs: Lookahead[];
}

interface LookaheadStrategy {
    buildLookaheadForAlternation: Build;
    buildLookaheadForOptional: Build;
}

/** Call before the parser's self-analysis (`finalize`), which is where the functions are built. */
export function buildLookaheadLazily(parser: { lookaheadStrategy: LookaheadStrategy }): void {
    const strategy = parser.lookaheadStrategy;
    for (const name of ['buildLookaheadForAlternation', 'buildLookaheadForOptional'] as const) {
        const build = strategy[name].bind(strategy);
        strategy[name] = options => {
            let built: Lookahead | undefined;
            const stub: Lookahead = function (...args) {
                if (built === undefined) {
                    built = build(options);
                    // The decision is taken in the rule that holds it, so its table holds the stub:
                    // put the real function there, and later decisions skip the stub.
                    const table = this.currRuleLookaheadFuncs;
                    const at = table.indexOf(stub);
                    if (at >= 0) table[at] = built;
                }
                return built.apply(this, args);
            };
            return stub;
        };
    }
}
