import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { MAX_NESTING, MAX_SOURCE_LENGTH } from '../src/parser/input-limits.js';
import { SUGGESTION_BUDGET } from '../src/scoping/nearest-names.js';
import { clearTestDocuments, codes, createTestServices, validateSources } from './test-services.js';

/**
 * Hostile sizes: whatever a file holds, the build ends with diagnostics that say what happened,
 * never a stack overflow or an unbounded run. (Time and memory are measured by the benchmark.)
 */
let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    await clearTestDocuments(services);
});

function catalogWithClauses(sections: number, perSection: number): string {
    const lines = ['catalog BIG "Big" {'];
    for (let i = 1; i <= sections; i++) {
        lines.push(`clause ${i} "Section ${i}" {`);
        for (let j = 1; j <= perSection; j++) lines.push(`  clause ${i}.${j} "Item ${i}.${j}"`);
        lines.push('}');
    }
    lines.push('}');
    return lines.join('\n');
}

describe('input limits', () => {
    it('reports a file over the length limit once and does not read it', async () => {
        const text = `role R "r"\n// ${'x'.repeat(MAX_SOURCE_LENGTH)}\n`;
        const [document] = await validateSources(services, text);
        expect(codes(document.diagnostics)).toEqual(['certa.syntax.too-long']);
    });

    it('stops at the nesting limit with one diagnostic where reading stopped, however deep the braces go', async () => {
        const depth = 5_000;
        const text = `scheme S "s" ${'{'.repeat(depth)}${'}'.repeat(depth)}`;
        const [document] = await validateSources(services, text);
        const deep = (document.diagnostics ?? []).filter(d => d.code === 'certa.syntax.too-deep');
        expect(deep).toHaveLength(1);
        expect(deep[0].range.start.character).toBe('scheme S "s" '.length + MAX_NESTING);
    });

    it('reads braces inside texts and comments as text, not as nesting', async () => {
        const text = `role R "${'{'.repeat(100)}" // ${'{'.repeat(100)}\n/* ${'{'.repeat(100)} */\nscheme S "s" { }\n`;
        const [document] = await validateSources(services, text);
        expect(codes(document.diagnostics)).not.toContain('certa.syntax.too-deep');
    });

    it('builds a catalog of 100,000 clauses without a finding', async () => {
        const [document] = await validateSources(services, catalogWithClauses(1_000, 99));
        expect(codes(document.diagnostics)).toEqual([]);
    });

    it('reports each of 10,000 unresolved names in one file', async () => {
        const activities = Array.from({ length: 10_000 }, (_, i) => `activity a${i}: stage2 audit by Nobody${i}`);
        const [document] = await validateSources(services, `scheme E "e" {\n${activities.join('\n')}\n}\n`);
        expect(codes(document.diagnostics).filter(code => code === 'certa.reference.unknown-name')).toHaveLength(10_000);
    });

    it('recovers from 6,000 stray braces between declarations, one error each, without overflowing the stack', async () => {
        const text = Array.from({ length: 6_000 }, (_, i) => `role R${i} "r" }`).join('\n');
        const [document] = await validateSources(services, text);
        expect(document.parseResult.value.elements).toHaveLength(6_000);
        expect(codes(document.diagnostics).filter(code => code.startsWith('certa.syntax.'))).toHaveLength(6_000);
    });

    /** How often parsing `text(n)` calls the parser's `method`, for n and then for 2n. */
    function workFor(method: 'LA' | 'getGAstProductions', text: (n: number) => string, n: number, parsing = services): [number, number] {
        const wrapper = (parsing.parser.LangiumParser as unknown as { wrapper: Record<typeof method, (this: unknown, ...args: unknown[]) => unknown> }).wrapper;
        const original = wrapper[method];
        let calls = 0;
        wrapper[method] = function (...args) {
            calls++;
            return original.apply(this, args);
        };
        const work = (size: number) => {
            calls = 0;
            parsing.parser.LangiumParser.parse(text(size));
            return calls;
        };
        try {
            return [work(n), work(2 * n)];
        } finally {
            wrapper[method] = original;
        }
    }

    it('looks ahead in proportion to the errors it recovers from, not to the errors times the file', () => {
        // The token look-ahead of the parser, counted: twice the broken declarations, about twice the work.
        const [once, twice] = workFor('LA', n => Array.from({ length: n }, (_, i) => `role R${i} "r" }`).join('\n'), 2_000);
        expect(twice / once).toBeLessThan(2.2);
    });

    // A line of thousands of stray tokens inside a block (a fuzzed paste): each error looked ahead for
    // the block's `}` from where it was, so the whole rest of the line once per error.
    const strayTokens = (n: number) => {
        const words = ['covers', 'x', '8.5.1', 'ISO9001', ','];
        const junk = Array.from({ length: n }, (_, i) => words[(i * 7 + (i >> 3)) % words.length]).join(' ');
        return `scheme S "s" {\n  activity a: stage2 audit by R {\n    covers ISO9001 9.1.2, ${junk}\n  }\n}\nrole R "r"\n`;
    };

    it('looks ahead in proportion to the stray tokens of a long line inside a block', () => {
        const [once, twice] = workFor('LA', strayTokens, 4_000);
        expect(services.parser.LangiumParser.parse(strayTokens(4_000)).parserErrors.length).toBeGreaterThan(500);
        expect(twice / once).toBeLessThan(2.2);
    });

    it('works out the tokens that may come next once per place in the grammar, not once per error', async () => {
        // Each computation walks the grammar from its top rule (getGAstProductions). A parser that has
        // not recovered yet walks it for some places of the first file, and for none of the second.
        const errors = services.parser.LangiumParser.parse(strayTokens(2_000)).parserErrors.length;
        const [first, second] = workFor('getGAstProductions', strayTokens, 2_000, await createTestServices());
        expect(first).toBeGreaterThan(0);
        expect(first).toBeLessThan(errors / 10);
        expect(second).toBe(0);
    });

    it('reports each of 3,000 unknown names among 3,000 names, with suggestions while the file\'s budget lasts', async () => {
        const lines = Array.from({ length: 3_000 }, (_, i) => `competence C${i} "c" basis ISO9001 4.4\nrole R${i} "r" { needs K${i} }`);
        const [document] = await validateSources(services, lines.join('\n'));
        const unknown = (document.diagnostics ?? []).filter(d => d.code === 'certa.reference.unknown-name').map(d => d.message as string);
        expect(unknown).toHaveLength(3_000);
        expect(unknown[0]).toContain("Unknown competence 'K0'. Did you mean C0?");
        // Each description compares a name with the 3,000 competences: the budget covers the first ones.
        const described = Math.ceil(SUGGESTION_BUDGET / 3_000);
        expect(unknown.filter(m => m.includes('Did you mean'))).toHaveLength(described);
        expect(unknown[2_999]).toBe("Unknown competence 'K2999'. Declare it ('competence K2999 \"…\"') or correct the name.");
    });

    it('reads a 1 MB line', async () => {
        const roles = Array.from({ length: 60_000 }, (_, i) => `role R${i} "t" { needs C }`).join(' ');
        const [document] = await validateSources(services, `competence C "c" ${roles}\n`);
        expect(document.textDocument.getText().length).toBeGreaterThan(1_000_000);
        expect(codes(document.diagnostics)).toEqual([]);
    });
});
