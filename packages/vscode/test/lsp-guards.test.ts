// What the bundled server does with bad input, one kind at a time (docs/editor.md, "When things
// fail"). The soak (lsp-soak.test.ts) sends the same kinds at random among thousands of edits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import {
    CancellationTokenSource, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, ErrorCodes,
    HoverRequest, LSPErrorCodes, ReferencesRequest, ResponseError
} from 'vscode-languageserver-protocol';
import { PreviewRequest } from '../src/protocol.js';
import { bundledServer } from './bundled-server.js';
import { LspClient } from './lsp-client.js';

let serverPath: string;
let client: LspClient;
let workspace: string;
let rolesUri: string;

const roles = 'role Auditor "Auditor"\nrole Reviewer "Reviewer"\n';

beforeAll(async () => {
    serverPath = await bundledServer();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-lsp-guards-'));
    fs.writeFileSync(path.join(workspace, 'roles.certa'), roles);
    rolesUri = pathToFileURL(path.join(workspace, 'roles.certa')).toString();
    client = LspClient.start(serverPath);
    await client.initialize(pathToFileURL(workspace).toString());
    await openText(rolesUri, roles);
    await client.diagnosticsFor(rolesUri, () => true);
});

afterAll(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    if (serverPath) fs.rmSync(path.dirname(serverPath), { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

function openText(uri: string, text: string, version = 1): Promise<void> {
    return client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'certa', version, text } });
}

/** The error a request answers with, or fails the test when it answers with a result. */
async function errorOf(method: string, params: unknown): Promise<ResponseError> {
    const result = await client.connection.sendRequest(method, params).then(r => ({ answered: r }), (e: unknown) => ({ error: e }));
    if (!('error' in result)) throw new Error(`${method} answered with a result: ${JSON.stringify(result.answered)}`);
    expect(result.error).toBeInstanceOf(ResponseError);
    return result.error as ResponseError;
}

async function symbolNames(uri: string): Promise<string[]> {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
    return symbols.map(s => s.name);
}

/** Waits for a log line of the server's (window/logMessage) that matches. */
function logged(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    return client.logged(pattern, timeoutMs);
}

describe('malformed notifications are ignored with a log line', () => {
    it.each([
        ['didOpen with text null', 'textDocument/didOpen', { textDocument: { uri: '@a.certa', languageId: 'certa', version: 1, text: null } }, /textDocument\.text is not a string/],
        ['didOpen with params null', 'textDocument/didOpen', null, /params is not an object/],
        ['didOpen without textDocument', 'textDocument/didOpen', { text: 'role X "x"' }, /textDocument is missing/],
        ['didOpen with a number for a URI', 'textDocument/didOpen', { textDocument: { uri: 5, languageId: 'certa', version: 1, text: '' } }, /textDocument\.uri is not a URI/],
        ['didOpen of a plain-text file', 'textDocument/didOpen', { textDocument: { uri: '@notes.txt', languageId: 'plaintext', version: 1, text: 'x' } }, /is not a Certa document/],
        ['didChange with text null', 'textDocument/didChange', { textDocument: { uri: '@roles.certa', version: 2 }, contentChanges: [{ text: null }] }, /contentChanges\[0\]\.text is not a string/],
        ['didChange with a range of strings', 'textDocument/didChange', { textDocument: { uri: '@roles.certa', version: 2 }, contentChanges: [{ range: { start: 'a', end: 1 }, text: 'x' }] }, /range\.start/],
        ['didChange of a document that is not open', 'textDocument/didChange', { textDocument: { uri: '@closed.certa', version: 2 }, contentChanges: [{ text: 'x' }] }, /is not open/],
        ['didChangeWatchedFiles without changes', 'workspace/didChangeWatchedFiles', {}, /changes is not an array/]
    ])('%s', async (_name, method, params, expected) => {
        // '@name' stands for the file's URI in the workspace, which exists only once the tests run.
        const resolved = JSON.parse(JSON.stringify(params).replace(/"@([^"]+)"/g, (_, name: string) => JSON.stringify(uriOf(name)))) as unknown;
        await client.connection.sendNotification(method, resolved);
        expect(await logged(new RegExp(`ignored ${method.replace('/', '\\/')}: .*${expected.source}`))).toBeTruthy();
        // Nothing reached the documents: the roles file still has its two roles, and the server answers.
        expect(await symbolNames(rolesUri)).toEqual(['Auditor', 'Reviewer']);
        expect(client.exited).toBe(false);
    });
});

describe('requests the server cannot answer get a JSON-RPC error', () => {
    it('about a document it does not know: InvalidParams "unknown document"', async () => {
        for (const method of [HoverRequest.method, DocumentSymbolRequest.method, ReferencesRequest.method, 'textDocument/semanticTokens/full']) {
            const uri = uriOf('nowhere.certa');
            const error = await errorOf(method, { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } });
            expect(error.code, method).toBe(ErrorCodes.InvalidParams);
            expect(error.message, method).toContain(`unknown document ${uri}`);
        }
        const preview = await errorOf(PreviewRequest, { uri: uriOf('nowhere.certa') });
        expect(preview.code).toBe(ErrorCodes.InvalidParams);
    });

    it('with a malformed document or position: InvalidParams', async () => {
        expect((await errorOf(HoverRequest.method, { textDocument: { uri: 42 }, position: { line: 0, character: 0 } })).code).toBe(ErrorCodes.InvalidParams);
        expect((await errorOf(HoverRequest.method, { textDocument: { uri: rolesUri }, position: 'start' })).code).toBe(ErrorCodes.InvalidParams);
        expect((await errorOf(HoverRequest.method, { textDocument: { uri: rolesUri }, position: { line: -1, character: 0 } })).code).toBe(ErrorCodes.InvalidParams);
    });

    it('for a method it does not have: MethodNotFound', async () => {
        expect((await errorOf('certa/noSuchRequest', {})).code).toBe(ErrorCodes.MethodNotFound);
    });

    it('when cancelled: RequestCancelled, not an error object sent as a result', async () => {
        // Until the connection guard, Langium's cancellation errors went out as results ({"code": -32800}).
        const source = new CancellationTokenSource();
        const answer = client.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: rolesUri }, position: { line: 0, character: 6 }, context: { includeDeclaration: true }
        }, source.token).then(r => ({ result: r }), (e: unknown) => ({ error: e }));
        source.cancel();
        const outcome = await answer;
        if ('result' in outcome) {
            // Answered before the cancellation arrived: then it is a real answer.
            expect(Array.isArray(outcome.result), JSON.stringify(outcome.result)).toBe(true);
        } else {
            expect((outcome.error as ResponseError).code).toBe(LSPErrorCodes.RequestCancelled);
        }
    });
});

describe('the server keeps serving', () => {
    it('answers requests sent while it starts, about files on disk and about a new document just opened', async () => {
        // The editor opens its documents and asks about them before the workspace has been loaded.
        const starting = LspClient.start(serverPath);
        try {
            await starting.initialize(pathToFileURL(workspace).toString());
            const fresh = uriOf('fresh.certa');
            void starting.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: fresh, languageId: 'certa', version: 1, text: 'role Fresh "Fresh"\n' }
            });
            const names = (uri: string) => starting.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })
                .then(symbols => (symbols as DocumentSymbol[]).map(s => s.name));
            expect(await Promise.all([names(fresh), names(rolesUri)])).toEqual([['Fresh'], ['Auditor', 'Reviewer']]);
        } finally {
            await starting.stop();
        }
    });

    it('after frames that are not JSON, or not messages', async () => {
        await client.connection.sendNotification('certa/noSuchNotification', {});
        for (const body of ['{"jsonrpc": "2.0", "method": ', '[1, 2, 3]', '42', '{"jsonrpc":"2.0"}']) {
            client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        }
        expect(await symbolNames(rolesUri)).toEqual(['Auditor', 'Reviewer']);
    });

    it('after a text whose checks fail (the 15-byte scheme that used to end the process), and recovers on the next edit', async () => {
        const uri = uriOf('half-typed.certa');
        await openText(uri, 'scheme V{type 5');
        await new Promise(resolve => setTimeout(resolve, 1_000));
        expect(client.exited).toBe(false);
        const repaired = 'role Repaired "Repaired" { needs Unknown }\n';
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 }, contentChanges: [{ text: repaired }]
        });
        const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => String(x.message).includes("'Unknown'")));
        expect(diagnostics.map(d => d.code)).toContain('certa.reference.unknown-name');
        expect(await symbolNames(uri)).toEqual(['Repaired']);
    });

    it('and nothing reached the process-level guard', () => {
        expect(client.logs.map(l => l.message).filter(m => /uncaught exception|unhandled rejection/.test(m))).toEqual([]);
        expect(client.stderr.join('')).not.toMatch(/uncaught|unhandled/i);
    });
});
