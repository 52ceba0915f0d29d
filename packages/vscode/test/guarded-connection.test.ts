// The connection guard on its own, with a stand-in connection: what a handler's failure turns into.
import { OperationCancelled } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CancellationToken, Connection, RemoteConsole } from 'vscode-languageserver';
import { CancellationToken as Tokens, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { guardConnection } from '../src/server/guarded-connection.js';
import { ServerLog } from '../src/server/server-log.js';

type Handler = (...args: unknown[]) => unknown;

/** Records the handlers registered on it, the way vscode-languageserver's connection holds them. */
function standIn() {
    const handlers = new Map<string, Handler>();
    const register = (name: string) => (handler: Handler) => void handlers.set(name, handler);
    const connection = {
        onHover: register('hover'),
        onDidOpenTextDocument: register('didOpen'),
        onRequest: (method: string, handler: Handler) => void handlers.set(method, handler),
        languages: { semanticTokens: { on: register('semanticTokens') } }
    } as unknown as Connection;
    const lines: string[] = [];
    const log = new ServerLog();
    log.useConsole({ error: (m: string) => lines.push(m), info: (m: string) => lines.push(m) } as unknown as RemoteConsole);
    const guarded = guardConnection(connection, {
        log,
        knowsDocument: async uri => uri === 'file:///known.certa',
        notificationChecks: { 'textDocument/didOpen': params => (params as { ok?: boolean }).ok ? undefined : 'not ok' }
    });
    return { guarded, handlers, lines };
}

const hoverParams = { textDocument: { uri: 'file:///known.certa' }, position: { line: 0, character: 0 } };

describe('the connection guard', () => {
    it('turns an exception in a request handler into InternalError and logs it with its stack', async () => {
        const { guarded, handlers, lines } = standIn();
        guarded.onHover(() => { throw new TypeError("Cannot read properties of undefined (reading 'ref')"); });
        const answer = await handlers.get('hover')!(hoverParams, Tokens.None);
        expect(answer).toBeInstanceOf(ResponseError);
        expect((answer as ResponseError).code).toBe(ErrorCodes.InternalError);
        expect(lines[0]).toMatch(/^\[certa\] hover failed on file:\/\/\/known\.certa: TypeError: Cannot read properties/);
        expect(lines[0]).toContain('guarded-connection.test.ts');
    });

    it('turns a rejected promise the same way, and a cancellation into RequestCancelled without a log line', async () => {
        const { guarded, handlers, lines } = standIn();
        guarded.languages.semanticTokens.on(async () => { throw OperationCancelled; });
        const answer = await handlers.get('semanticTokens')!({ textDocument: { uri: 'file:///known.certa' } }, Tokens.None);
        expect((answer as ResponseError).code).toBe(LSPErrorCodes.RequestCancelled);
        expect(lines).toEqual([]);
    });

    it('hands on a ResponseError of another vscode-jsonrpc copy as one the connection sends as an error', async () => {
        // What Langium returns for a document it has not got, made by its own copy of the class.
        class ForeignResponseError extends Error {
            constructor(readonly code: number, message: string) { super(message); }
            toJson() { return { code: this.code, message: this.message }; }
        }
        const { guarded, handlers } = standIn();
        guarded.onRequest('certa/any', async () => new ForeignResponseError(LSPErrorCodes.ServerCancelled, 'No document found'));
        const answer = await handlers.get('certa/any')!({}, Tokens.None);
        expect(answer).toBeInstanceOf(ResponseError);
        expect(answer).toMatchObject({ code: LSPErrorCodes.ServerCancelled, message: 'No document found' });
    });

    it('answers InvalidParams for a document it does not know, without calling the handler', async () => {
        const { guarded, handlers } = standIn();
        let called = false;
        guarded.onHover(() => { called = true; return null; });
        const answer = await handlers.get('hover')!({ ...hoverParams, textDocument: { uri: 'file:///other.certa' } }, Tokens.None);
        expect(answer).toMatchObject({ code: ErrorCodes.InvalidParams, message: 'hover: unknown document file:///other.certa' });
        expect(called).toBe(false);
    });

    it('passes results through untouched', async () => {
        const { guarded, handlers } = standIn();
        guarded.onHover((_params: unknown, token: CancellationToken) => ({ contents: 'ok', cancelled: token.isCancellationRequested }));
        expect(await handlers.get('hover')!(hoverParams, Tokens.None)).toEqual({ contents: 'ok', cancelled: false });
    });

    it('drops a notification that fails its check with a log line, and logs one whose handler throws', async () => {
        const { guarded, handlers, lines } = standIn();
        let opened = 0;
        guarded.onDidOpenTextDocument(() => { opened++; throw new Error('broken'); });
        handlers.get('didOpen')!({ ok: false });
        expect(opened).toBe(0);
        expect(lines).toEqual(['[certa] ignored textDocument/didOpen: not ok']);
        expect(() => handlers.get('didOpen')!({ ok: true })).not.toThrow();
        expect(opened).toBe(1);
        expect(lines[1]).toMatch(/^\[certa\] textDocument\/didOpen failed: Error: broken/);
    });
});
