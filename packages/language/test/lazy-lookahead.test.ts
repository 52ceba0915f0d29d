import * as fs from 'node:fs';
import type { AstNode, LangiumParser, ParseResult } from 'langium';
import { AstUtils, createParser } from 'langium';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { defaultCatalogDirectory } from '../src/catalogs/builtin-catalogs.js';
import { createCertaServices } from '../src/certa-module.js';
import { CertaParser } from '../src/parser/certa-parser.js';
import { certaFiles, examplesFolder } from './test-services.js';

/**
 * The parser works out each lookahead function when a file first needs it (lazy-lookahead.ts).
 * Whatever order the decisions come in, it must read every text exactly as a parser that worked
 * them all out up front: the same tree, the same places, the same errors.
 */
const services = createCertaServices(EmptyFileSystem).Certa;

function eagerParser(): LangiumParser {
    const parser = createParser(services.Grammar, new CertaParser(services), services.parser.Lexer.definition);
    parser.finalize();
    parser.recoverLinearly();
    return parser;
}

/** What a reader of the tree sees: every node's type, text span and plain properties, and the errors. */
function reading(result: ParseResult<AstNode>): string[] {
    const nodes = AstUtils.streamAst(result.value).map(node => {
        const plain = Object.entries(node).filter(([key, value]) => !key.startsWith('$') && typeof value !== 'object');
        return `${node.$type} ${node.$cstNode?.offset}+${node.$cstNode?.length} ${JSON.stringify(plain)}`;
    }).toArray();
    const errors = [...result.lexerErrors, ...result.parserErrors].map(error => JSON.stringify(error.message));
    return [...nodes, ...errors];
}

/** Every example and catalog, whole, cut off at a few points, and with a line in four dropped. */
function texts(): string[] {
    const files = [...certaFiles(examplesFolder), ...certaFiles(defaultCatalogDirectory())];
    return files.flatMap(file => {
        const text = fs.readFileSync(file, 'utf8');
        const cuts = [0.2, 0.5, 0.8].map(share => text.slice(0, Math.floor(text.length * share)));
        const gappy = text.split('\n').filter((_, index) => index % 4 !== 1).join('\n');
        return [text, ...cuts, gappy];
    });
}

describe('lazily built lookahead', () => {
    it('reads every text as a parser that built all its lookahead first', () => {
        const lazy = createCertaServices(EmptyFileSystem).Certa.parser.LangiumParser;
        const eager = eagerParser();
        const all = texts();
        expect(all.length).toBeGreaterThan(50);
        // Broken texts first, so the lazy parser meets many decisions inside error recovery.
        for (const text of [...all].reverse()) {
            expect(reading(lazy.parse(text))).toEqual(reading(eager.parse(text)));
        }
    });
});
