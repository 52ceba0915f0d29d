import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import {
    CodeActionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    FileChangeType
} from 'vscode-languageserver-protocol';
import { bundledServer } from './bundled-server.js';
import { LspClient } from './lsp-client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..', '..');

let serverPath: string;
let client: LspClient;
let workspace: string;
type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
const progress: Progress[] = [];

beforeAll(async () => {
    serverPath = await bundledServer();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-lsp-start-'));
    for (const example of ['iso9001-qms', 'shared']) {
        fs.cpSync(path.join(repositoryRoot, 'examples', example), path.join(workspace, example), { recursive: true });
    }
    fs.mkdirSync(path.join(workspace, 'drafts'));
    fs.writeFileSync(path.join(workspace, 'drafts', 'never-opened.certa'), 'role Reviewer "Reviewer" { needs NoSuchCompetence }\n');
    client = LspClient.start(serverPath);
    client.connection.onNotification('$/progress', ({ value }: { value: Progress }) => { progress.push(value); });
    await client.initialize(pathToFileURL(workspace).toString(), { workDoneProgress: true });
    const file = path.join(workspace, 'iso9001-qms', 'iso9001-qms.certa');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: pathToFileURL(file).toString(), languageId: 'certa', version: 1, text: fs.readFileSync(file, 'utf8') }
    });
});

afterAll(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    if (serverPath) fs.rmSync(path.dirname(serverPath), { recursive: true, force: true });
});

describe('the language server starting on a workspace', () => {
    it('reports an error in a file the editor never opened', async () => {
        const uri = pathToFileURL(path.join(workspace, 'drafts', 'never-opened.certa')).toString();
        const diagnostics = await client.diagnosticsFor(uri, found => found.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('certa.reference.unknown-name');
    });

    it('shows the first check of the workspace as work-done progress, from begin to end', async () => {
        const deadline = Date.now() + 30_000;
        while (!progress.some(p => p.kind === 'end') && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
        expect(progress[0]).toMatchObject({ kind: 'begin', title: 'Certa: checking the workspace' });
        expect(progress.at(-1)?.kind).toBe('end');
        const percentages = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report').map(p => p.percentage ?? 0);
        expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    });

    it('goes back to the text on disk when a file is closed without saving', async () => {
        const file = path.join(workspace, 'drafts', 'clean.certa');
        fs.writeFileSync(file, 'competence Audit "Auditing" basis ISO17021_1 A\n');
        const uri = pathToFileURL(file).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'certa', version: 1, text: fs.readFileSync(file, 'utf8') }
        });
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 }, contentChanges: [{ text: 'competence Audit "Auditing" basis NoSuchCatalog A\n' }]
        });
        await client.diagnosticsFor(uri, found => found.some(d => d.code === 'certa.reference.unknown-catalog'));
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        const after = await client.diagnosticsFor(uri, found => !found.some(d => d.code === 'certa.reference.unknown-catalog'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
    });
});

describe('files saved, and changed on disk', () => {
    const unknownCatalog = 'competence Audit "Auditing" basis NoSuchCatalog A\n';
    const draft = (name: string) => {
        const file = path.join(workspace, 'drafts', name);
        return { file, uri: pathToFileURL(file).toString() };
    };
    const open = (uri: string, text: string) => client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'certa', version: 1, text }
    });
    const watched = (uri: string, type: FileChangeType) =>
        client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });

    it('leaves an open file alone when it is saved (auto-save saves after each keystroke)', async () => {
        // Diagnostics published again close the hover or quick-fix menu the user has open.
        const saved = draft('saved.certa');
        const other = draft('other.certa');
        // Every reference resolves: a file with an unresolved one is linked again after any edit.
        const savedText = 'competence Audit "Auditing" basis ISO17021_1 A\n';
        const otherText = 'competence Sampling "Sampling" basis NoSuchCatalog A\n';
        fs.writeFileSync(saved.file, savedText);
        fs.writeFileSync(other.file, otherText);
        await open(saved.uri, savedText);
        await open(other.uri, otherText);
        await client.diagnosticsFor(saved.uri, () => true);
        await client.diagnosticsFor(other.uri, found => found.some(d => d.code === 'certa.reference.unknown-catalog'));
        const before = client.publishes(saved.uri);
        await watched(saved.uri, FileChangeType.Changed);
        // An edit elsewhere, then a request that waits until the saved file is validated: a rebuild of
        // the saved file would have been published by then.
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: other.uri, version: 2 }, contentChanges: [{ text: otherText.replace('NoSuchCatalog', 'ISO17021_1') }]
        });
        await client.diagnosticsFor(other.uri, found => !found.some(d => d.code === 'certa.reference.unknown-catalog'));
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: saved.uri }, range, context: { diagnostics: [] } });
        expect(client.publishes(saved.uri)).toBe(before);
    });

    it('reads a file that is not open again when it changes on disk', async () => {
        const outside = draft('edited-outside.certa');
        fs.writeFileSync(outside.file, 'competence Audit "Auditing" basis ISO17021_1 A\n');
        await watched(outside.uri, FileChangeType.Created);
        await client.diagnosticsFor(outside.uri, found => !found.some(d => d.code === 'certa.reference.unknown-catalog'));
        fs.writeFileSync(outside.file, unknownCatalog);
        await watched(outside.uri, FileChangeType.Changed);
        await client.diagnosticsFor(outside.uri, found => found.some(d => d.code === 'certa.reference.unknown-catalog'));
    });
});

describe('the language server starting with no file open', () => {
    it('reports an error in a file of the workspace all the same (the Problems view equals certa validate)', async () => {
        const alone = LspClient.start(serverPath);
        try {
            await alone.initialize(pathToFileURL(workspace).toString());
            const uri = pathToFileURL(path.join(workspace, 'drafts', 'never-opened.certa')).toString();
            const diagnostics = await alone.diagnosticsFor(uri, found => found.length > 0);
            expect(diagnostics.map(d => d.code)).toContain('certa.reference.unknown-name');
        } finally {
            await alone.stop();
        }
    });
});
