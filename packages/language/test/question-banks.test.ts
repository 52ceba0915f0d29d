import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { Catalog, Clause, Document, QuestionBank } from '../src/generated/ast.js';
import { isCatalog, isQuestionBank } from '../src/generated/ast.js';
import { clauseIndexOf } from '../src/scoping/clause-index.js';
import { isReferenceOnlyClause } from '../src/scoping/reference-only-clauses.js';
import { createTestServices } from './test-services.js';

let documents: Array<LangiumDocument<Document>>;

beforeAll(async () => {
    const services: CertaServices = await createTestServices();
    documents = (await services.catalogs.BuiltinCatalogs.load()) as Array<LangiumDocument<Document>>;
});

function elements(): Document['elements'] {
    return documents.flatMap(document => document.parseResult.value.elements);
}

function bank(catalog: string): QuestionBank {
    const found = elements().find(e => isQuestionBank(e) && e.catalog.$refText === catalog);
    if (!found) throw new Error(`no builtin question bank for ${catalog}`);
    return found as QuestionBank;
}

/**
 * Requirement clauses: clauses without sub-clauses (headings group them); Annex A rows are knowledge,
 * and scope, references, terms and informative annexes are for reference only.
 */
function requirementClauses(catalogId: string): Clause[] {
    const catalog = elements().find(e => isCatalog(e) && e.name === catalogId) as Catalog;
    const index = clauseIndexOf(catalog);
    const referenceOnly = new Set(catalog.clauses
        .filter(c => isReferenceOnlyClause({ number: c.name, heading: c.heading, topLevel: true, subclauses: c.clauses.length }))
        .flatMap(c => index.subtree(c)));
    return index.clauses.filter(clause => clause.clauses.length === 0 && !clause.name.startsWith('A') && !referenceOnly.has(clause));
}

describe('builtin question banks', () => {
    it.each(['ISO9001', 'ISO17021_1', 'ISO17065'])('%s: one question with expected evidence for every requirement clause, none for headings', catalogId => {
        const asks = bank(catalogId).asks;
        const asked = asks.map(ask => ask.clause.$refText);
        expect(new Set(asked).size, 'each clause asked once').toBe(asked.length);
        expect(asked.sort()).toEqual(requirementClauses(catalogId).map(clause => clause.name).sort());
        for (const ask of asks) {
            expect(ask.question, ask.clause.$refText).toMatch(/\?$/);
            expect(ask.evidence?.length ?? 0, ask.clause.$refText).toBeGreaterThan(10);
        }
    });

    it('questions are not the catalog summaries restated', () => {
        for (const catalogId of ['ISO9001', 'ISO17021_1', 'ISO17065']) {
            for (const ask of bank(catalogId).asks) {
                expect(ask.question).not.toBe(ask.clause.ref?.summary);
            }
        }
    });

    it('the CB standards say which clauses scheme activities carry out, and leave the rest on the body', () => {
        const realised = (catalogId: string): string[] => bank(catalogId).asks.filter(ask => ask.patterns.length > 0).map(ask => ask.clause.$refText);
        expect(realised('ISO17065')).toEqual(expect.arrayContaining(['7.3', '7.4', '7.5', '7.6', '7.9']));
        expect(realised('ISO17065')).not.toContain('4.2');
        expect(realised('ISO17021_1')).toEqual(expect.arrayContaining(['9.1.2', '9.3.1.2', '9.3.1.3', '9.5.1', '9.6.2.2', '9.6.3.2']));
        expect(realised('ISO17021_1')).not.toContain('5.2');
        expect(bank('ISO9001').asks.filter(ask => ask.patterns.length > 0)).toEqual([]);
    });

    it('ship as separate files beside the catalogs', () => {
        const files = documents.filter(d => d.parseResult.value.elements.some(isQuestionBank)).map(d => path.basename(d.uri.fsPath));
        expect(files.sort()).toEqual(['iso-9001.questions.certa', 'iso-iec-17021-1.questions.certa', 'iso-iec-17065.questions.certa']);
    });
});
