import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import { beforeEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CertaServices } from '../src/certa-module.js';
import type { CertaDocumentFactory } from '../src/workspace/certa-document-factory.js';
import { createTestServices } from './test-services.js';

/**
 * After the language server starts, the open file's diagnostics come before the rest of the
 * workspace is linked and validated; they are never wrong for it, and once the rest is done every
 * file has what a fresh `certa validate` gives.
 */
const rolesText = `role LeadAuditor "Lead auditor" { needs AnnexA }
role Decider "Decision maker" { needs AnnexA }
role Spare "Nobody performs this" { needs AnnexA }
competence AnnexA "Annex A knowledge" basis ISO17021_1 A
`;

/** A scheme that uses two of the three roles: Spare alone is unused. */
function schemeText(n: number): string {
    return `scheme S${n} "Scheme ${n}" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity application: applicationReview by Decider
    activity stage1: stage1 audit by LeadAuditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by LeadAuditor { covers ISO9001 }
    activity decision: decision by Decider
}
`;
}

const rolesUri = URI.file('/test-workspace/open-first/roles.certa');
const schemeUris = Array.from({ length: 30 }, (_, n) => URI.file(`/test-workspace/open-first/scheme${n}.certa`));

let services: CertaServices;

beforeEach(async () => {
    services = await createTestServices();
});

/** As the server starts: every file loaded (parsed), then the editor opens the roles file. */
async function startWithRolesOpen(): Promise<void> {
    const { LangiumDocumentFactory, LangiumDocuments, TextDocuments, DocumentBuilder } = services.shared.workspace;
    for (const [n, uri] of schemeUris.entries()) LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(schemeText(n), uri));
    LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(rolesText, rolesUri));
    TextDocuments!.set(TextDocument.create(rolesUri.toString(), 'certa', 1, rolesText));
    await DocumentBuilder.update([rolesUri], []);
}

function codes(document: LangiumDocument | undefined): string[] {
    return (document?.diagnostics ?? []).map(d => `${d.range.start.line + 1} ${d.code}`).sort();
}

async function freshBuild(): Promise<Map<string, string[]>> {
    const fresh = await createTestServices();
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = fresh.shared.workspace;
    const documents = [...schemeUris.map((uri, n) => LangiumDocumentFactory.fromString(schemeText(n), uri)), LangiumDocumentFactory.fromString(rolesText, rolesUri)];
    documents.forEach(d => LangiumDocuments.addDocument(d));
    await DocumentBuilder.build(documents, { validation: true });
    return new Map(documents.map(d => [d.uri.toString(), codes(d)]));
}

describe('the open file first', () => {
    it('validates the open file before it links any other file', async () => {
        const events: string[] = [];
        const builder = services.shared.workspace.DocumentBuilder;
        const mine = (document: LangiumDocument) => document.uri.path.startsWith('/test-workspace/');
        builder.onDocumentPhase(DocumentState.Linked, d => { if (mine(d)) events.push(`linked ${d.uri.path}`); });
        builder.onDocumentPhase(DocumentState.Validated, d => { if (mine(d)) events.push(`validated ${d.uri.path}`); });
        await startWithRolesOpen();
        expect(events.slice(0, 2)).toEqual([`linked ${rolesUri.path}`, `validated ${rolesUri.path}`]);
        expect(events.filter(e => e.startsWith('validated ')).length).toBeGreaterThanOrEqual(schemeUris.length + 1);
    });

    it('calls nothing unused before the files that use it are linked, and Spare once they are', async () => {
        const published: string[][] = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => {
            if (d.uri.toString() === rolesUri.toString()) published.push(codes(d));
        });
        await startWithRolesOpen();
        // LeadAuditor (line 1) and Decider (2) are used by the schemes; Spare (3) is not.
        expect(published[0]).not.toContain('1 certa.reference.unused-declaration');
        expect(published[0]).not.toContain('2 certa.reference.unused-declaration');
        expect(published.at(-1)).toEqual(['3 certa.reference.unused-declaration']);
    });

    it('ends with the diagnostics of a fresh build in every file', async () => {
        await startWithRolesOpen();
        const expected = await freshBuild();
        const documents = services.shared.workspace.LangiumDocuments;
        for (const [uri, fresh] of expected) {
            expect(codes(documents.getDocument(URI.parse(uri))), uri).toEqual(fresh);
        }
        expect(expected.get(rolesUri.toString())).toEqual(['3 certa.reference.unused-declaration']);
    });
});

/**
 * As the language server starts: every file read but none parsed (CertaWorkspaceManager), one
 * scheme open. Its scheme name is declared again in copy.certa, and the register qualifies nobody
 * for Decider.
 */
const registerUri = URI.file('/test-workspace/open-first/register.certa');
const copyUri = URI.file('/test-workspace/open-first/copy.certa');
const registerText = 'person kim "K. Im" { qualified LeadAuditor }\n';
const copyText = schemeText(0);

function startupTexts(): Array<[URI, string]> {
    return [...schemeUris.map((uri, n): [URI, string] => [uri, schemeText(n)]), [rolesUri, rolesText], [registerUri, registerText], [copyUri, copyText]];
}

describe('the open file first, when the workspace is read but not parsed', () => {
    async function startWithSchemeOpen(): Promise<{ parsedAtFirst: string[]; first: string[] }> {
        const { LangiumDocumentFactory, LangiumDocuments, TextDocuments, DocumentBuilder } = services.shared.workspace;
        const factory = LangiumDocumentFactory as CertaDocumentFactory;
        const documents = startupTexts().map(([uri, text]) => factory.deferred(uri, text));
        documents.forEach(d => LangiumDocuments.addDocument(d));
        const open = schemeUris[0];
        TextDocuments!.set(TextDocument.create(open.toString(), 'certa', 1, schemeText(0)));
        let parsedAtFirst: string[] | undefined;
        let first: string[] | undefined;
        DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => {
            if (first || d.uri.toString() !== open.toString()) return;
            first = codes(d);
            parsedAtFirst = documents.filter(x => x.state >= DocumentState.Parsed).map(x => x.uri.path.split('/').pop()!).sort();
        });
        await DocumentBuilder.build(documents, { validation: true });
        return { parsedAtFirst: parsedAtFirst!, first: first! };
    }

    async function freshStartupBuild(): Promise<Map<string, string[]>> {
        const fresh = await createTestServices();
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = fresh.shared.workspace;
        const documents = startupTexts().map(([uri, text]) => LangiumDocumentFactory.fromString(text, uri));
        documents.forEach(d => LangiumDocuments.addDocument(d));
        await DocumentBuilder.build(documents, { validation: true });
        return new Map(documents.map(d => [d.uri.toString(), codes(d)]));
    }

    it('validates the open file when only it and the files that may declare its names are parsed', async () => {
        const { parsedAtFirst } = await startWithSchemeOpen();
        expect(parsedAtFirst).toEqual(['copy.certa', 'roles.certa', 'scheme0.certa']);
    });

    it('shows no wrong diagnostic first, the duplicate name at once, and ends as a fresh build', async () => {
        const { first } = await startWithSchemeOpen();
        const expected = await freshStartupBuild();
        const final = expected.get(schemeUris[0].toString())!;
        // The fresh build reports the duplicate scheme and the unstaffed Decider on the open scheme.
        expect(final.some(c => c.endsWith('certa.reference.duplicate-id'))).toBe(true);
        expect(final.some(c => c.endsWith('certa.competence.role-not-staffed'))).toBe(true);
        // First: the duplicate (copy.certa was parsed), not yet the register's finding; nothing else.
        expect(first.some(c => c.endsWith('certa.reference.duplicate-id'))).toBe(true);
        expect(first.some(c => c.endsWith('certa.competence.role-not-staffed'))).toBe(false);
        expect(first.filter(c => !final.includes(c))).toEqual([]);
        const documents = services.shared.workspace.LangiumDocuments;
        for (const [uri, fresh] of expected) {
            expect(codes(documents.getDocument(URI.parse(uri))), uri).toEqual(fresh);
        }
    });
});
