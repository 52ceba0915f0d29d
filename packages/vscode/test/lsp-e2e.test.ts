import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeAction, CompletionList, Diagnostic, Hover, InitializeResult, InlayHint, Location, LocationLink, MarkupContent, Position, TextEdit, WorkspaceEdit
} from 'vscode-languageserver-protocol';
import {
    CodeActionRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, HoverRequest, InlayHintRequest, ReferencesRequest, RenameRequest, DiagnosticSeverity
} from 'vscode-languageserver-protocol';
import type { GenerateResult, PreviewResult } from '../src/protocol.js';
import { GenerateRequest, PreviewRequest } from '../src/protocol.js';
import { bundledServer } from './bundled-server.js';
import { LspClient } from './lsp-client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..', '..');

let serverPath: string;
let client: LspClient;
let workspace: string;
let initializeResult: InitializeResult;
let schemeUri: string;
let schemeText: string;

/**
 * A copy of two examples (a scheme and the shared roles) as the user's workspace folder, with a
 * certa.json that asks `certa generate` for some of the documents only.
 */
function makeWorkspace(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-lsp-e2e-'));
    for (const example of ['iso9001-qms', 'shared']) {
        fs.cpSync(path.join(repositoryRoot, 'examples', example), path.join(folder, example), { recursive: true });
    }
    fs.writeFileSync(path.join(folder, 'certa.json'), JSON.stringify({ output: { documents: ['checklist', 'coverage-matrix', 'competence-matrix'] } }));
    return folder;
}

function positionOf(text: string, marker: string, shift = 0): Position {
    const offset = text.indexOf(marker);
    expect(offset, `'${marker}' in the example`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset + shift).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);

beforeAll(async () => {
    serverPath = await bundledServer();
    workspace = makeWorkspace();
    client = LspClient.start(serverPath);
    initializeResult = await client.initialize(pathToFileURL(workspace).toString()) as InitializeResult;
    const file = path.join(workspace, 'iso9001-qms', 'iso9001-qms.certa');
    schemeUri = pathToFileURL(file).toString();
    schemeText = fs.readFileSync(file, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: schemeUri, languageId: 'certa', version: 1, text: schemeText }
    });
});

afterAll(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    if (serverPath) fs.rmSync(path.dirname(serverPath), { recursive: true, force: true });
});

describe('the bundled language server over stdio', () => {
    it('announces the features the extension relies on', () => {
        const capabilities = initializeResult.capabilities;
        expect(capabilities.completionProvider).toBeTruthy();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.referencesProvider).toBeTruthy();
        expect(capabilities.renameProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toBeTruthy();
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
    });

    it('publishes no errors for a valid example once the workspace (and its shared roles) is loaded', async () => {
        const diagnostics = await client.diagnosticsFor(schemeUri, d => errors(d).length === 0);
        expect(errors(diagnostics)).toEqual([]);
    });

    it('completes clause numbers with their headings', async () => {
        const list = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: schemeUri }, position: positionOf(schemeText, 'refs ISO9001 8.2.3', 'refs ISO9001 '.length)
        }) as CompletionList;
        const item = list.items.find(i => i.label === '8.5.1');
        expect(item?.detail).toBe('Control of production and service provision');
    });

    it('hovers a clause reference with its heading and parent chain', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: schemeUri }, position: positionOf(schemeText, '8.2.3', 2)
        }) as Hover;
        const value = (hover.contents as MarkupContent).value;
        expect(value).toContain('**ISO9001 8.2.3** Review of the requirements for products and services');
        expect(value).toContain('In: 8 Operation › 8.2 Requirements for products and services');
    });

    it('goes to the definition of a clause in the builtin catalog shipped next to the server', async () => {
        const result = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: schemeUri }, position: positionOf(schemeText, '8.2.3', 2)
        }) as LocationLink[];
        expect(result).toHaveLength(1);
        const target = fileURLToPath(result[0].targetUri);
        expect(target).toBe(path.join(path.dirname(serverPath), 'catalogs', 'iso-9001.certa'));
        const line = fs.readFileSync(target, 'utf8').split('\n')[result[0].targetSelectionRange.start.line];
        expect(line).toContain('clause 8.2.3 "Review of the requirements for products and services"');
    });

    it('finds the references of a shared role across files', async () => {
        const locations = await client.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: schemeUri }, position: positionOf(schemeText, 'stage1 by LeadAuditor', 'stage1 by '.length),
            context: { includeDeclaration: true }
        }) as Location[];
        const files = new Set(locations.map(l => path.basename(fileURLToPath(l.uri))));
        expect(files).toEqual(new Set(['iso9001-qms.certa', 'client-northwind.certa', 'roles.certa', 'people.certa']));
        expect(locations.filter(l => l.uri === schemeUri).length).toBeGreaterThanOrEqual(5);
    });

    it('renames a shared role in every file that uses it', async () => {
        const edit = await client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri: schemeUri }, position: positionOf(schemeText, 'stage1 by LeadAuditor', 'stage1 by '.length + 1),
            newName: 'AuditTeamLeader'
        }) as WorkspaceEdit;
        const files = Object.keys(edit.changes ?? {}).map(uri => path.basename(fileURLToPath(uri)));
        expect(files.sort()).toEqual(['client-northwind.certa', 'iso9001-qms.certa', 'people.certa', 'roles.certa']);
        expect(Object.values(edit.changes!).flat().every(e => e.newText === 'AuditTeamLeader')).toBe(true);
    });

    it('shows clause headings as inlay hints', async () => {
        const hints = await client.connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri: schemeUri },
            range: { start: { line: 0, character: 0 }, end: { line: schemeText.split('\n').length, character: 0 } }
        }) as InlayHint[];
        const at = positionOf(schemeText, 'refs ISO9001 8.2.3', 'refs ISO9001 8.2.3'.length);
        const hint = hints.find(h => h.position.line === at.line && h.position.character === at.character);
        expect(hint?.label).toBe('‹Review of the requirements for products and services›');
    });

    it('reports a broken clause reference after an edit, offers a quick fix, and clears it after the fix', async () => {
        const broken = schemeText.replace('refs ISO9001 8.2.3', 'refs ISO9001 8.2.33');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: schemeUri, version: 2 }, contentChanges: [{ text: broken }]
        });
        const diagnostics = await client.diagnosticsFor(schemeUri, d => errors(d).length > 0);
        const error = errors(diagnostics)[0];
        expect(error.message).toContain('8.2.33');
        expect(error.range.start.line).toBe(positionOf(broken, '8.2.33').line);

        // The quick fixes offer the clause the slip came from, the nearest number and the parent.
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: schemeUri }, range: error.range, context: { diagnostics: [error], only: ['quickfix'] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(["Replace with '8.2.3'", "Replace with '8.2.4'", "Replace with '8.2'"]);
        const fix = actions.find(a => a.edit?.changes?.[schemeUri]?.some(e => e.newText === '8.2.3'));
        expect(fix, JSON.stringify(actions.map(a => a.title))).toBeDefined();
        expect(fix!.kind).toBe('quickfix');

        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: schemeUri, version: 3 }, contentChanges: [{ text: schemeText }]
        });
        expect(errors(await client.diagnosticsFor(schemeUri, d => errors(d).length === 0))).toEqual([]);
    });

    it('formats a document to four-space blocks with one member per line', async () => {
        const uri = pathToFileURL(path.join(workspace, 'untidy.certa')).toString();
        const text = 'role Reviewer "Reviewer" {needs AuditPrinciples summary "reviews reports"}\n';
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'certa', version: 1, text }
        });
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true }
        }) as TextEdit[];
        expect(applyEdits(text, edits)).toBe('role Reviewer "Reviewer" {\n    needs AuditPrinciples\n    summary "reviews reports"\n}\n');
    });
});

describe('the requests behind the extension commands', () => {
    it('renders the preview of a scheme file as script-free HTML', async () => {
        const result = await client.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: schemeUri });
        expect(result.title).toBe('QMS_9001');
        expect(result.html).toContain('ISO 9001 quality management system certification');
        expect(result.html).toContain('Review of the requirements for products and services');
        expect(result.html).not.toMatch(/<script|https?:\/\//i);
        // Follows the editor's colour theme, and says nothing about errors when there are none.
        expect(result.html).toContain('background: var(--vscode-editor-background)');
        expect(result.filesWithErrors).toEqual([]);
        expect(result.html).not.toContain('certa-banner" role="alert"');
    });

    it('answers a preview asked for as the server starts (restored after a reload) once the workspace is read', async () => {
        // A restored preview asks right after initialize, before the server has read a file and
        // before the restored editor sends didOpen: it used to answer "unknown document".
        const restarted = LspClient.start(serverPath);
        try {
            await restarted.initialize(pathToFileURL(workspace).toString());
            const answer = restarted.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: schemeUri });
            await restarted.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: schemeUri, languageId: 'certa', version: 1, text: schemeText }
            });
            const result = await answer;
            expect(result.title).toBe('QMS_9001');
            expect(result.html).toContain('ISO 9001 quality management system certification');
        } finally {
            await restarted.stop();
        }
    });

    it('shows a banner in the preview while the sources have errors, and drops it once they are fixed', async () => {
        const uri = pathToFileURL(path.join(workspace, 'broken-preview.certa')).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'certa', version: 1, text: 'role Broken "Broken" { needs Nowhere }\n' }
        });
        await client.diagnosticsFor(uri, d => errors(d).length > 0);
        const broken = await client.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: schemeUri });
        expect(broken.filesWithErrors).toEqual(['broken-preview.certa']);
        expect(broken.html).toContain('<div class="certa-banner" role="alert"><strong>The sources have errors</strong> (broken-preview.certa)');
        expect(broken.html).toContain('Review of the requirements for products and services');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 }, contentChanges: [{ text: '// fixed\n' }]
        });
        await client.diagnosticsFor(uri, d => errors(d).length === 0);
        const fixed = await client.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: schemeUri });
        expect(fixed.filesWithErrors).toEqual([]);
    });

    it('generates checklists and matrices for a scheme file into the given folder', async () => {
        const out = path.join(workspace, 'certa-out');
        const result = await client.connection.sendRequest<GenerateResult>(GenerateRequest, {
            uri: schemeUri, outputFolder: out, formats: ['md', 'html']
        });
        expect(result.errors).toEqual([]);
        expect(result.files.length).toBeGreaterThanOrEqual(2);
        for (const file of result.files) {
            expect(file.startsWith(out + path.sep)).toBe(true);
            expect(fs.statSync(file).size).toBeGreaterThan(0);
        }
        expect(result.files.some(f => f.endsWith('.md'))).toBe(true);
        expect(result.files.some(f => f.endsWith('.html'))).toBe(true);
        // Only the documents output.documents of certa.json names, as `certa generate` writes them.
        const names = result.files.map(f => path.basename(f));
        expect(names).toContain('checklist.md');
        expect(names).toContain('coverage-ISO9001.md');
        expect(names.filter(n => n.startsWith('scheme.') || n.startsWith('conformity-'))).toEqual([]);
    });
});

function applyEdits(text: string, edits: TextEdit[]): string {
    const lines = text.split('\n');
    const offsetOf = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
    return [...edits]
        .sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
        .reduce((result, edit) => result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end)), text);
}
