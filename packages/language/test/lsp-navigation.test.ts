import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectSymbols } from 'langium/test';
import type { DocumentSymbol, Position } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    await clearTestDocuments(services);
});

/** The position of the first `marker` in the document, plus `shift` characters. */
function positionOf(document: LangiumDocument, marker: string, shift = 0): Position {
    const offset = document.textDocument.getText().indexOf(marker);
    expect(offset, `'${marker}' in the test source`).toBeGreaterThanOrEqual(0);
    return document.textDocument.positionAt(offset + shift);
}

const roles = `role LeadAuditor "Lead auditor"
scheme QMS "ISO 9001 certification" {
    activity stage1: stage1 audit by LeadAuditor { covers ISO9001 8.5.1 }
    activity stage2: stage2 audit by LeadAuditor
}`;

describe('go to definition', () => {
    it('jumps from a clause reference into the builtin catalog file', async () => {
        const [document] = await validateSources(services, roles);
        const links = await services.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, '8.5.1', 2)
        });
        expect(links).toHaveLength(1);
        const target = links![0];
        expect(services.catalogs.BuiltinCatalogs.isBuiltin(target.targetUri)).toBe(true);
        expect(target.targetUri).toMatch(/iso-9001\.certa$/);
        const catalogUri = (await services.catalogs.BuiltinCatalogs.uris()).find(u => u.toString() === target.targetUri)!;
        const catalog = services.shared.workspace.LangiumDocuments.getDocument(catalogUri)!;
        expect(catalog.textDocument.getText(target.targetSelectionRange)).toBe('8.5.1');
    });

    it('jumps from a role reference to the role', async () => {
        await expectGoToDefinition(services)({
            text: `role <|Lead<|>Auditor|> "Lead auditor"\nscheme S "s" { activity a: stage1 audit by Lead<|>Auditor }`,
            index: 1,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });
});

describe('find references', () => {
    it('finds every use of a role, with or without the declaration', async () => {
        await expectFindReferences(services)({
            text: `role <|<|>LeadAuditor|> "Lead auditor"\nscheme S "s" { activity a: stage1 audit by <|LeadAuditor|>\n activity b: stage2 audit by <|LeadAuditor|> }`,
            includeDeclaration: true,
            disposeAfterCheck: true
        });
    });
});

describe('rename', () => {
    it('renames a role at its declaration and every use', async () => {
        const [document] = await validateSources(services, roles);
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'LeadAuditor', 2), newName: 'Auditor'
        });
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        expect(edits).toHaveLength(3);
        expect(edits.every(e => e.newText === 'Auditor' && document.textDocument.getText(e.range) === 'LeadAuditor')).toBe(true);
    });

    it('refuses to rename a builtin clause, saying why', async () => {
        const [document] = await validateSources(services, roles);
        const params = { textDocument: { uri: document.uri.toString() }, position: positionOf(document, '8.5.1', 1) };
        const rename = services.lsp.RenameProvider!;
        expect(() => rename.prepareRename(document, params)).toThrow(ResponseError);
        await expect(rename.rename(document, { ...params, newName: '9.9' })).rejects.toThrow(/Builtin catalogs/);
    });

    it('renumbers a clause of the user\'s own catalog where it is referenced', async () => {
        const [document] = await validateSources(services,
            `catalog EN50525 "Cables" { clause 2 "Particular" { clause 2.31 "Single core" } }\nscheme S "s" { requirement EN50525 2.31 }`);
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'requirement EN50525 2.31', 'requirement EN50525 2'.length), newName: '2.32'
        });
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        expect(edits.map(e => document.textDocument.getText(e.range))).toEqual(['2.31', '2.31']);
        await expect(services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, '2.31'), newName: 'two'
        })).rejects.toThrow(/not a valid clause number/);
    });

    it('refuses a new name that is not an identifier', async () => {
        const [document] = await validateSources(services, roles);
        await expect(services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'LeadAuditor'), newName: 'Lead auditor'
        })).rejects.toThrow(/not a valid name/);
    });
});

describe('outline', () => {
    it('lists schemes, activities and roles with their titles', async () => {
        await expectSymbols(services)({
            text: roles,
            disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => {
                expect(symbols.map(s => `${s.name} ${s.detail}`)).toEqual(['LeadAuditor Lead auditor', 'QMS ISO 9001 certification']);
                expect(symbols[1].children?.map(s => `${s.name} ${s.detail}`)).toEqual(['stage1 stage1 audit', 'stage2 stage2 audit']);
            }
        });
    });

    it('shows checks with their questions under their activity', async () => {
        await expectSymbols(services)({
            text: `scheme S "s" { activity typeTest: determination testing { check resistance "Conductor resistance within limits?" } }`,
            disposeAfterCheck: true,
            assert: symbols => {
                const check = symbols[0].children?.[0].children?.[0];
                expect(`${check?.name} ${check?.detail}`).toBe('resistance Conductor resistance within limits?');
            }
        });
    });

    it('shows clauses of a user catalog with their headings, nested', async () => {
        await expectSymbols(services)({
            text: `catalog EN50525 "Cables" { clause 2 "Particular" { clause 2.31 "Single core" } }`,
            disposeAfterCheck: true,
            assert: symbols => {
                expect(symbols[0].name).toBe('EN50525');
                expect(symbols[0].children?.[0].detail).toBe('Particular');
                expect(symbols[0].children?.[0].children?.[0].name).toBe('2.31');
            }
        });
    });
});

describe('folding', () => {
    it('folds schemes and activity blocks, keeping the closing brace visible', async () => {
        await expectFoldings(services)({
            text: `<|scheme S "s" {\n    <|activity a: stage1 audit {\n        covers ISO9001 4|>\n    }|>\n}\n`,
            disposeAfterCheck: true
        });
    });
});
