import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { MAX_NESTING, MAX_SOURCE_LENGTH } from '../src/parser/input-limits.js';
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

    it('reads a 1 MB line', async () => {
        const roles = Array.from({ length: 60_000 }, (_, i) => `role R${i} "t" { needs C }`).join(' ');
        const [document] = await validateSources(services, `competence C "c" ${roles}\n`);
        expect(document.textDocument.getText().length).toBeGreaterThan(1_000_000);
        expect(codes(document.diagnostics)).toEqual([]);
    });
});
