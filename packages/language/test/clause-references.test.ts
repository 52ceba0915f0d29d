import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { ClauseRef, Competence } from '../src/generated/ast.js';
import { isCompetence } from '../src/generated/ast.js';
import { expandClauseRef } from '../src/scoping/clause-index.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});
afterEach(async () => {
    await clearTestDocuments(services);
});

/** The clause numbers a `basis` reference stands for. */
async function expand(reference: string, ...otherSources: string[]): Promise<string[]> {
    const [document] = await validateSources(services, `competence C "C" basis ${reference}`, ...otherSources);
    const competence = document.parseResult.value.elements.find(isCompetence) as Competence;
    return expandClauseRef(competence.basis[0] as ClauseRef).map(clause => clause.name);
}

async function diagnosticsFor(reference: string) {
    const [document] = await validateSources(services, `competence C "C" basis ${reference}`);
    return document.diagnostics ?? [];
}

describe('clause references', () => {
    it('resolve a single clause to its subtree', async () => {
        expect(await expand('ISO9001 8.5.1')).toEqual(['8.5.1']);
        expect(await expand('ISO9001 7.1.5')).toEqual(['7.1.5', '7.1.5.1', '7.1.5.2']);
    });

    it('resolve a range in document order, including the last clause\'s sub-clauses', async () => {
        const range = await expand('ISO9001 8.5 .. 8.7');
        expect(range[0]).toBe('8.5');
        expect(range).toContain('8.5.6');
        expect(range).toContain('8.6');
        expect(range.at(-1)).toMatch(/^8\.7(\.\d+)?$/);
        expect(range).not.toContain('8.4');
        expect(range).not.toContain('9');
    });

    it('resolve a catalog alone to all its clauses', async () => {
        const all = await expand('ISO9001');
        expect(all).toContain('4');
        expect(all).toContain('10.3');
    });

    it('resolve numbered paragraphs without headings', async () => {
        expect(await expand('ISO9001 4.4.1')).toEqual(['4.4.1']);
    });

    it('resolve clauses of a user catalog in another file', async () => {
        const catalog = 'catalog EN50525 "Cables" edition "2011" { clause 2 "Part 2" { clause 2.31 "Single core non-sheathed" } }';
        expect(await expand('EN50525 2', catalog)).toEqual(['2', '2.31']);
    });

    it('suggest the nearest number and the parent for an unknown clause', async () => {
        const [diagnostic] = await diagnosticsFor('ISO9001 8.5.7');
        expect(diagnostic.code).toBe('certa.reference.unknown-clause');
        expect(diagnostic.message).toMatch(/^Catalog ISO9001 has no clause 8\.5\.7\. Did you mean ISO9001 8\.5\.6 or ISO9001 8\.5\?/);
        expect(diagnostic.data).toMatchObject({ refText: '8.5.7', suggestions: ['8.5.6', '8.5'] });
    });

    it('suggest first the clause a doubled or stray digit came from', async () => {
        const [diagnostic] = await diagnosticsFor('ISO9001 8.33');
        expect(diagnostic.data).toMatchObject({ suggestions: ['8.3', '8.7', '8'] });
    });

    it('suggest the parent when the typed clause has no siblings of its depth', async () => {
        const [diagnostic] = await diagnosticsFor('ISO9001 8.5.1.3');
        expect(diagnostic.data).toMatchObject({ suggestions: ['8.5.1'] });
    });

    it('suggest the nearest top-level clause past the end of a catalog', async () => {
        const [diagnostic] = await diagnosticsFor('ISO9001 12');
        expect(diagnostic.data).toMatchObject({ suggestions: ['10'] });
    });

    it('report an unknown catalog once, listing the catalogs instead of guessing another standard', async () => {
        const diagnostics = await diagnosticsFor('ISO9100 8.5');
        expect(diagnostics.map(d => d.code)).toEqual(['certa.reference.unknown-catalog']);
        expect(diagnostics[0].message).not.toContain('Did you mean');
        expect(diagnostics[0].message).toContain('ISO9001');
    });

    it('suggest a catalog that differs only in case', async () => {
        const diagnostics = await diagnosticsFor('iso9001 8.5');
        expect(diagnostics.map(d => d.code)).toEqual(['certa.reference.unknown-catalog']);
        expect(diagnostics[0].message).toContain('Did you mean ISO9001?');
    });

    it('report a range that runs backwards', async () => {
        const diagnostics = await diagnosticsFor('ISO9001 8.7 .. 8.5');
        expect(diagnostics.map(d => d.code)).toEqual(['certa.reference.reversed-range']);
        expect(diagnostics[0].message).toContain('Write 8.5 .. 8.7');
    });
});

describe('catalog structure', () => {
    it('reports a duplicate clause number and a nested number that does not extend its parent', async () => {
        const [document] = await validateSources(services,
            'catalog X "X" { clause 1 "One" { clause 1.1 "A" clause 2.1 "Wrong" } clause 1 "Again" }');
        expect(document.diagnostics!.map(d => d.code).sort()).toEqual(['certa.catalog.duplicate-clause', 'certa.catalog.misplaced-clause']);
    });
});

describe('nearest names', () => {
    it('counts a swap of neighbouring characters as one edit and keeps only the closest', async () => {
        const { nearestNames, editDistance } = await import('../src/scoping/nearest-names.js');
        expect(editDistance('8.5.1', '8.51.')).toBe(1);
        expect(nearestNames('ISO9010', ['ISO9001', 'ISO17065', 'ISO17067'])).toEqual(['ISO9001']);
        expect(nearestNames('4.10', ['4.1', '4.2', '4.3', '10'])).toEqual(['4.1']);
        expect(nearestNames('zzzz', ['ISO9001'])).toEqual([]);
    });
});
