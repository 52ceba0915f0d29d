import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertaServices } from '../src/certa-module.js';
import type { Document, Scheme } from '../src/generated/ast.js';
import {
    isActivity, isCertifiesDecl, isCoverage, isExclusion, isMark, isOperatedUnderDecl, isPerson, isRecertification, isRole,
    isScheme, isSchemeTypeDecl, isSurveillance, isUsesQmsDecl
} from '../src/generated/ast.js';
import { clauseIndexOf, expandClauseRef } from '../src/scoping/clause-index.js';
import { loadWorkspace } from '../src/workspace/workspace-loader.js';
import { certaFiles, examplesFolder } from './test-services.js';

const files = certaFiles(examplesFolder);
const relative = (file: string) => path.relative(examplesFolder, file);
let documents: Map<string, LangiumDocument<Document>>;

beforeAll(async () => {
    // The whole examples folder is one workspace: schemes use the shared roles, people and catalogs.
    const { Certa } = createCertaServices(NodeFileSystem);
    const workspace = await loadWorkspace(Certa, files);
    documents = new Map(workspace.documents.map(d => [relative(d.uri.fsPath), d as LangiumDocument<Document>]));
});

function schemes(): Scheme[] {
    return [...documents.values()].flatMap(d => d.parseResult.value.elements.filter(isScheme));
}

describe('examples', () => {
    it('has the five example schemes and the shared files', () => {
        expect(files.map(relative)).toEqual(expect.arrayContaining([
            'shared/roles.certa', 'shared/people.certa',
            expect.stringMatching(/^lv-cables\//), expect.stringMatching(/^iso9001-qms\//),
            expect.stringMatching(/^batch-1b\//), expect.stringMatching(/^electrical-installation\//),
            expect.stringMatching(/^galvanizing-process\//)
        ]));
    });

    it.each(files.map(relative))('%s validates with no diagnostics', file => {
        const document = documents.get(file)!;
        const problems = (document.diagnostics ?? []).map(d =>
            `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info'} ${d.code ?? ''} ${d.message}`);
        expect(problems, problems.join('\n')).toEqual([]);
    });

    it('cover the kinds of certification and scheme types the issue asks for', () => {
        const summary = schemes().map(scheme => ({
            certifies: scheme.members.find(isCertifiesDecl)?.subject,
            operatedUnder: scheme.members.find(isOperatedUnderDecl)?.standard.ref?.name,
            type: scheme.members.find(isSchemeTypeDecl)?.schemeType.ref?.name,
            usesQms: scheme.members.some(isUsesQmsDecl),
            surveillance: scheme.members.some(isSurveillance),
            marks: scheme.members.filter(isMark).map(m => m.shape)
        }));
        expect(summary).toEqual(expect.arrayContaining([
            expect.objectContaining({ certifies: 'product', operatedUnder: 'ISO17065', type: '5', usesQms: true, surveillance: true, marks: ['circle'] }),
            expect.objectContaining({ certifies: 'managementSystem', operatedUnder: 'ISO17021_1', surveillance: true, marks: ['rectangle'] }),
            expect.objectContaining({ certifies: 'batch', operatedUnder: 'ISO17065', type: '1b', surveillance: false }),
            expect.objectContaining({ certifies: 'service', operatedUnder: 'ISO17065', type: '6', surveillance: true }),
            expect.objectContaining({ certifies: 'process', operatedUnder: 'ISO17065', type: '6', surveillance: true, marks: ['oval'] })
        ]));
    });

    it('give every activity a performer and every role at least two qualified people', () => {
        for (const scheme of schemes()) {
            const activities = [...scheme.members.filter(isActivity),
                ...scheme.members.flatMap(m => (isSurveillance(m) || isRecertification(m) ? m.activities : []))];
            for (const activity of activities) {
                expect(activity.performers.length, `${scheme.name}.${activity.name}`).toBeGreaterThan(0);
            }
        }
        const all = [...documents.values()].flatMap(d => d.parseResult.value.elements);
        const people = all.filter(isPerson);
        for (const role of all.filter(isRole)) {
            const qualified = people.filter(p => p.qualifications.some(q => q.role.ref === role));
            expect(qualified.length, role.name).toBeGreaterThanOrEqual(2);
        }
    });

    it('audit every ISO 9001 clause over the QMS cycle through surveillance and recertification alone', () => {
        const scheme = schemes().find(s => s.name === 'QMS_9001')!;
        const iso9001 = scheme.members.filter(isCertifiesDecl)[0].standard!.ref!;
        const later = scheme.members.flatMap(m => (isSurveillance(m) || isRecertification(m) ? m.activities : []));
        const covered = new Set(later.flatMap(a => a.members.filter(isCoverage).flatMap(c => c.refs)).flatMap(expandClauseRef));
        const excluded = new Set(scheme.members.filter(isExclusion).flatMap(e => expandClauseRef(e.ref)));
        expect([...excluded].map(c => c.name)).toEqual(['8.3', '8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5', '8.3.6']);
        const missing = clauseIndexOf(iso9001).clauses.filter(c => !covered.has(c) && !excluded.has(c)).map(c => c.name);
        expect(missing).toEqual([]);
    });
});
