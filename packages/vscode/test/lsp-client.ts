import { spawn, type ChildProcess } from 'node:child_process';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
    createProtocolConnection, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
    StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, LogMessageParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LogMessageNotification } from 'vscode-languageserver-protocol';

/** The bundled language server over stdio, driven as an editor drives it. */
export class LspClient {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly publishCounts = new Map<string, number>();
    private readonly waiters: Array<() => void> = [];
    readonly stderr: string[] = [];
    /** What the server wrote to the client's output channel (`window/logMessage`). */
    readonly logs: LogMessageParams[] = [];
    /** Called for each log line as it arrives. */
    onLog?: (params: LogMessageParams) => void;
    /** Settles when the server process ends, with its exit code or signal. */
    readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    exited = false;

    private constructor(private readonly process: ChildProcess) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        process.stderr!.on('data', chunk => this.stderr.push(String(chunk)));
        this.exit = new Promise(resolve => process.on('exit', (code, signal) => {
            this.exited = true;
            resolve({ code, signal });
        }));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params);
            this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
            this.waiters.splice(0).forEach(wake => wake());
        });
        this.connection.onNotification(LogMessageNotification.type, params => {
            this.logs.push(params);
            this.onLog?.(params);
        });
        // What VS Code answers when the server asks.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    get pid(): number {
        return this.process.pid!;
    }

    /** The diagnostics last published for `uri`, if any. */
    published(uri: string): Diagnostic[] | undefined {
        return this.diagnostics.get(uri)?.diagnostics;
    }

    /** How often the server has published diagnostics for `uri`. */
    publishes(uri: string): number {
        return this.publishCounts.get(uri) ?? 0;
    }

    /** Bytes straight onto the server's stdin, past the protocol writer (for malformed frames). */
    writeRaw(bytes: string): void {
        this.process.stdin!.write(bytes);
    }

    /** The client goes away without shutdown/exit, as a crashed editor would: both pipes close. */
    disconnect(): void {
        this.connection.dispose();
        this.process.stdin!.destroy();
        this.process.stdout!.destroy();
    }

    kill(): void {
        this.process.kill('SIGKILL');
    }

    /** `nodeArgs` go to the server's Node before the bundle (the soak's memory probe). */
    static start(serverPath: string, nodeArgs: string[] = []): LspClient {
        // Node 20 on purpose where available: the bundle carries its own Object.groupBy polyfill.
        const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        return new LspClient(child);
    }

    /** `window` adds window capabilities (e.g. `{ workDoneProgress: true }`, as VS Code sends). */
    async initialize(rootUri: string, window?: { workDoneProgress?: boolean }): Promise<Awaited<ReturnType<ProtocolConnection['sendRequest']>>> {
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                ...(window ? { window } : {}),
                workspace: { workspaceFolders: true, configuration: true, workspaceEdit: { documentChanges: false } },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true },
                    completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    inlayHint: {},
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    /** Waits for a log line of the server's (window/logMessage) that matches. */
    async logged(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const line = this.logs.map(l => l.message).find(m => pattern.test(m));
            if (line) return line;
            if (Date.now() > deadline) throw new Error(`no log line matching ${pattern}:\n${this.logs.map(l => l.message).join('\n')}`);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    }

    /** Waits until the server has published diagnostics for `uri` that satisfy `accept`. */
    async diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && accept(current.diagnostics)) return current.diagnostics;
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(current?.diagnostics ?? null)}\n${this.stderr.join('')}`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    async stop(): Promise<void> {
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
            // Give it a moment to leave by itself, as it should after `exit`.
            await Promise.race([this.exit, new Promise(resolve => setTimeout(resolve, 2_000))]);
        } finally {
            this.connection.dispose();
            if (!this.exited) this.process.kill();
        }
    }
}
