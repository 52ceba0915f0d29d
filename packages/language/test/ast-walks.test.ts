import * as fs from 'node:fs';
import type { AstNode, LangiumDocument, ReferenceDescription, ReferenceInfo } from 'langium';
import { AstUtils, DefaultReferenceDescriptionProvider, DefaultScopeProvider, isOperationCancelled } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { CertaAstType } from '../src/generated/ast.js';
import { walkAst, walkedTree } from '../src/helpers/ast-walk.js';
import { InternalCodes } from '../src/validation/internal-errors.js';
import { certaFiles, clearTestDocuments, createTestServices, examplesFolder, messageOf, validateSources } from './test-services.js';
import { discoverCases } from './validation-cases.js';

/**
 * Certa links, indexes references, collects local symbols and validates with its own synchronous walk
 * (walkAst) instead of Langium's streams. Everything downstream (diagnostic order, find references,
 * rename) relies on it meeting the same nodes and references in the same order.
 */
let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    vi.restoreAllMocks();
    await clearTestDocuments(services);
});

const exampleTexts = certaFiles(examplesFolder).map(file => fs.readFileSync(file, 'utf8'));
// The cases include broken files, whose partly parsed trees have missing properties.
const caseTexts = discoverCases().flatMap(c => c.files.map(f => f.text));

function walked(root: AstNode): { nodes: AstNode[]; references: ReferenceInfo[] } {
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    walkAst(root, node => { nodes.push(node); }, info => references.push(info));
    return { nodes, references };
}

describe('walkedTree', () => {
    it('meets the nodes and references of every example and case in the order of Langium\'s streams, also when read again after the build', async () => {
        const documents = await validateSources(services, ...exampleTexts, ...caseTexts);
        let referenceCount = 0;
        for (const document of documents) {
            const root = document.parseResult.value;
            const { nodes, references } = walkedTree(root);
            expect(walked(root)).toEqual({ nodes, references });
            expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
            const expected = AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();
            expect(references.map(r => [r.container, r.property, r.index, r.reference])).toEqual(expected.map(r => [r.container, r.property, r.index, r.reference]));
            referenceCount += references.length;
        }
        expect(referenceCount).toBeGreaterThan(1000);
    });
});

describe('scopes', () => {
    it('give every reference of the examples and cases what Langium\'s scope with the local symbols in front gives', async () => {
        const documents = await validateSources(services, ...exampleTexts, ...caseTexts);
        const provider = services.references.ScopeProvider;
        const reflection = services.shared.AstReflection;
        const names = (scope: ReturnType<typeof provider.getScope>) => scope.getAllElements().map(d => `${d.name} ${d.documentUri.toString()} ${d.path}`).toArray();
        let compared = 0;
        for (const document of documents) {
            for (const info of walkedTree(document.parseResult.value).references) {
                // Clause numbers, scheme types, activities and bank questions have scopes of their own.
                if (['Clause', 'SchemeType', 'Activity'].includes(reflection.getReferenceType(info))) continue;
                const ours = provider.getScope(info);
                const langiums = DefaultScopeProvider.prototype.getScope.call(provider, info);
                const text = info.reference.$refText;
                expect(ours.getElement(text)?.path, text).toBe(langiums.getElement(text)?.path);
                expect(names(ours)).toEqual(names(langiums));
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(500);
    });
});

describe('the walks built on it', () => {
    it('index the same reference descriptions as Langium\'s provider', async () => {
        const documents = await validateSources(services, ...exampleTexts);
        const langium = new DefaultReferenceDescriptionProvider(services);
        const certa = services.workspace.ReferenceDescriptionProvider;
        let count = 0;
        // Every field a reader reads (the segment is a getter of ours).
        const fields = (d: ReferenceDescription) => ({
            sourceUri: d.sourceUri, sourcePath: d.sourcePath, targetUri: d.targetUri, targetPath: d.targetPath, segment: d.segment, local: d.local
        });
        for (const document of documents) {
            const ours = await certa.createDescriptions(document);
            expect(ours.map(fields)).toEqual((await langium.createDescriptions(document)).map(fields));
            count += ours.length;
        }
        expect(count).toBeGreaterThan(500);
    });

    it('report a check that throws or rejects as an internal error on its node, and keep the file\'s other findings', async () => {
        const fresh = await createTestServices();
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        fresh.validation.ValidationRegistry.register<CertaAstType>({
            Role: [
                () => { throw new Error('thrown at once'); },
                async () => { await Promise.resolve(); throw new Error('rejected later'); }
            ]
        });
        const [document] = await validateSources(fresh, 'role Auditor "Auditor" { needs UnknownCompetence }');
        const internal = (document.diagnostics ?? []).filter(d => d.code === InternalCodes.internalError).map(messageOf);
        expect(internal).toEqual([expect.stringContaining('thrown at once'), expect.stringContaining('rejected later')]);
        expect((document.diagnostics ?? []).some(d => messageOf(d).includes("'UnknownCompetence'"))).toBe(true);
    });

    it('stop a validation cancelled while it runs within a few dozen nodes', async () => {
        const fresh = await createTestServices();
        const competences = Array.from({ length: 300 }, (_, i) => `competence C${i} "Competence ${i}" basis ISO17021_1 A.2.1`);
        const [document] = await validateSources(fresh, competences.join('\n'));
        const nodes = AstUtils.streamAst(document.parseResult.value).count();
        const source = new CancellationTokenSource();
        let checked = 0;
        fresh.validation.ValidationRegistry.register<CertaAstType>({ AstNode: () => { checked++; source.cancel(); } });
        const outcome = await fresh.validation.DocumentValidator.validateDocument(document as LangiumDocument, {}, source.token).then(() => 'finished', (error: unknown) => error);
        expect(isOperationCancelled(outcome)).toBe(true);
        expect(nodes).toBeGreaterThan(500);
        expect(checked).toBeGreaterThan(0);
        expect(checked).toBeLessThanOrEqual(64);
    });
});
