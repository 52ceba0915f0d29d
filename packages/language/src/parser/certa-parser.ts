import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import { createParser, LangiumParser } from 'langium';
import type { ParserOptions } from 'langium';
import { nestingCut } from './nesting-limit.js';

/** A parse result that stopped at the nesting limit: `cutAt` is where reading stopped. */
export interface CutParseResult<T extends AstNode = AstNode> extends ParseResult<T> {
    cutAt?: number;
}

/** Langium's parser, reading a file only up to the nesting limit (see nesting-limit.ts). */
export class CertaParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): CutParseResult<T> {
        const cut = nestingCut(input);
        if (cut === undefined) return super.parse<T>(input, options);
        return { ...super.parse<T>(input.slice(0, cut), options), cutAt: cut };
    }
}

export function createCertaParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new CertaParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
