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

    it('looks ahead in proportion to the errors it recovers from, not to the errors times the file', () => {
        // The token look-ahead of the parser, counted: twice the broken declarations, about twice the work.
        const parser = services.parser.LangiumParser as unknown as { wrapper: { LA(this: unknown, k: number): unknown } };
        const lookAhead = parser.wrapper.LA;
        let calls = 0;
        parser.wrapper.LA = function (k) {
            calls++;
            return lookAhead.call(this, k);
        };
        const work = (n: number) => {
            calls = 0;
            services.parser.LangiumParser.parse(Array.from({ length: n }, (_, i) => `role R${i} "r" }`).join('\n'));
            return calls;
        };
        try {
            expect(work(4_000) / work(2_000)).toBeLessThan(2.2);
        } finally {
            parser.wrapper.LA = lookAhead;
        }
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
        expect(unknown[2_999]).toBe("Unknown competence 'K2999'. Declare it or correct the name.");
    });

    it('reads a 1 MB line', async () => {
        const roles = Array.from({ length: 60_000 }, (_, i) => `role R${i} "t" { needs C }`).join(' ');
        const [document] = await validateSources(services, `competence C "c" ${roles}\n`);
        expect(document.textDocument.getText().length).toBeGreaterThan(1_000_000);
        expect(codes(document.diagnostics)).toEqual([]);
    });
});
