import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import { createParser, LangiumParser } from 'langium';
import type { ParserOptions } from 'langium';
import { MAX_SOURCE_LENGTH, nestingCut } from './input-limits.js';
import { buildLookaheadLazily } from './lazy-lookahead.js';
import { recoverLinearly } from './linear-recovery.js';

/**
 * A parse result that stopped at a limit: `cutAt` is where reading stopped at the nesting limit,
 * `tooLong` the length of a file that was not read at all.
 */
export interface CutParseResult<T extends AstNode = AstNode> extends ParseResult<T> {
    cutAt?: number;
    tooLong?: number;
}

/** Langium's parser, reading a file only within the input limits (see input-limits.ts). */
export class CertaParser extends LangiumParser {
    /** Called once the grammar is finalised (see linear-recovery.ts). */
    recoverLinearly(): void {
        recoverLinearly(this.wrapper as unknown as Parameters<typeof recoverLinearly>[0]);
    }

    /** Called before the grammar is finalised (see lazy-lookahead.ts). */
    buildLookaheadLazily(): void {
        buildLookaheadLazily(this.wrapper as unknown as Parameters<typeof buildLookaheadLazily>[0]);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): CutParseResult<T> {
        if (input.length > MAX_SOURCE_LENGTH) return { ...super.parse<T>('', options), tooLong: input.length };
        const cut = nestingCut(input);
        if (cut === undefined) return super.parse<T>(input, options);
        return { ...super.parse<T>(input.slice(0, cut), options), cutAt: cut };
    }
}

export function createCertaParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new CertaParser(services), services.parser.Lexer.definition);
    parser.buildLookaheadLazily();
    parser.finalize();
    parser.recoverLinearly();
    return parser;
}
