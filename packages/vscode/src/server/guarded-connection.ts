import { isOperationCancelled } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { CancellationToken as Tokens, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { documentRequestProblem } from './message-checks.js';
import type { ServerLog } from './server-log.js';

export interface ConnectionGuard {
    log: ServerLog;
    /** Problems that make a notification unusable, by LSP method; such a notification is dropped with a log line. */
    notificationChecks: Record<string, (params: unknown) => string | undefined>;
    /** Whether a request about this document can be answered (it is open, in the workspace or a builtin catalog). */
    knowsDocument(uri: string, token: CancellationToken): Promise<boolean>;
}

/** The LSP methods behind the registrars whose notifications get checked. */
const notificationMethods: Record<string, string> = {
    onDidOpenTextDocument: 'textDocument/didOpen',
    onDidChangeTextDocument: 'textDocument/didChange',
    onDidCloseTextDocument: 'textDocument/didClose',
    onDidSaveTextDocument: 'textDocument/didSave',
    onWillSaveTextDocument: 'textDocument/willSave',
    onDidChangeWatchedFiles: 'workspace/didChangeWatchedFiles'
};

const isNotificationRegistrar = (name: string) =>
    name.startsWith('onDid') || ['onInitialized', 'onExit', 'onNotification', 'onProgress', 'onWillSaveTextDocument'].includes(name);

/** Registrars live on the connection and on these feature groups (and their nested groups, e.g. `languages.semanticTokens`). */
const featureGroups = new Set(['languages', 'workspace', 'notebooks']);

type Handler = (...args: unknown[]) => unknown;

/**
 * The connection as the services see it: every handler they register (`onHover`, `onDidOpenTextDocument`,
 * `languages.semanticTokens.on`, `onRequest`, …) runs behind a fault barrier. Wrapping the connection
 * rather than each service covers Langium's own handlers, whose failures would otherwise leave as
 * they are: a Langium `ResponseError` is a different class from the connection's (the bundle holds two
 * vscode-jsonrpc versions), so the connection sends it as a *result* object.
 *
 * - A request about a document the server does not know answers InvalidParams "unknown document …";
 *   one with a malformed document, position or range answers InvalidParams too.
 * - A request whose handler throws answers InternalError (RequestCancelled when it was cancelled),
 *   and the failure is logged.
 * - A notification that fails its check is ignored with a log line; one whose handler throws is logged.
 */
export function guardConnection(connection: Connection, guard: ConnectionGuard): Connection {
    return guardObject(connection, guard, true);
}

function guardObject<T extends object>(target: T, guard: ConnectionGuard, root: boolean): T {
    const groups = new Map<PropertyKey, object>();
    return new Proxy(target, {
        get(object, key, receiver) {
            const value: unknown = Reflect.get(object, key, receiver);
            if (typeof key !== 'string') return value;
            if (typeof value === 'function' && key.startsWith('on')) {
                return (...args: unknown[]) => (value as Handler).apply(object, wrapHandlers(key, args, guard));
            }
            if (typeof value === 'object' && value !== null && (!root || featureGroups.has(key))) {
                if (!groups.has(key)) groups.set(key, guardObject(value, guard, false));
                return groups.get(key);
            }
            return value;
        }
    });
}

function wrapHandlers(registrar: string, args: unknown[], guard: ConnectionGuard): unknown[] {
    const label = methodOf(args[0]) ?? notificationMethods[registrar] ?? registrar.charAt(2).toLowerCase() + registrar.slice(3);
    const notification = isNotificationRegistrar(registrar);
    return args.map(arg => typeof arg !== 'function'
        ? arg
        : notification ? notificationBarrier(label, arg as Handler, guard) : requestBarrier(label, arg as Handler, guard));
}

function methodOf(arg: unknown): string | undefined {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'object' && arg !== null && typeof (arg as { method?: unknown }).method === 'string') return (arg as { method: string }).method;
    return undefined;
}

function notificationBarrier(method: string, handler: Handler, guard: ConnectionGuard): Handler {
    const check = guard.notificationChecks[method];
    return (...args) => {
        const problem = check?.(args[0]);
        if (problem) {
            guard.log.info(`ignored ${method}: ${problem}`);
            return undefined;
        }
        const failed = (error: unknown) => {
            if (!isOperationCancelled(error)) guard.log.failure(`${method} failed`, error);
        };
        try {
            const result = handler(...args);
            return isThenable(result) ? Promise.resolve(result).then(undefined, failed) : result;
        } catch (error) {
            failed(error);
            return undefined;
        }
    };
}

function requestBarrier(method: string, handler: Handler, guard: ConnectionGuard): Handler {
    return async (...args) => {
        const params = args[0];
        const token = args.find(Tokens.is) ?? Tokens.None;
        if (typeof params === 'object' && params !== null && 'textDocument' in params) {
            const problem = documentRequestProblem(params as Record<string, unknown>);
            if (problem) return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
            const uri = (params as { textDocument: { uri: string } }).textDocument.uri;
            if (!await guard.knowsDocument(uri, token)) {
                if (token.isCancellationRequested) return cancelled();
                return new ResponseError(ErrorCodes.InvalidParams, `${method}: unknown document ${uri}`);
            }
        }
        try {
            return asLocalError(await handler(...args));
        } catch (error) {
            if (isOperationCancelled(error)) return cancelled();
            const local = asLocalError(error);
            if (local instanceof ResponseError) return local;
            const uri = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument?.uri;
            guard.log.failure(`${method} failed${uri ? ` on ${uri}` : ''}`, error);
            return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    };
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');

/** A ResponseError of another vscode-jsonrpc copy becomes one the connection recognises; anything else passes. */
function asLocalError(value: unknown): unknown {
    if (value instanceof ResponseError || !(value instanceof Error)) return value;
    const { code, data } = value as { code?: unknown; data?: unknown };
    const foreign = typeof code === 'number' && typeof (value as { toJson?: unknown }).toJson === 'function';
    return foreign ? new ResponseError(code, value.message, data) : value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
