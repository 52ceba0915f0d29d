// A minimal protocol client over stdio for the bundled language server, in plain JavaScript so that
// the benchmark runs without a TypeScript loader; it speaks to the server as
// packages/vscode/test/lsp-client.ts (and so VS Code) does.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { repositoryRoot } from './paths.mjs';

// Resolved from the extension package, which declares the dependency.
const require = createRequire(path.join(repositoryRoot, 'packages', 'vscode', 'package.json'));
const protocol = require('vscode-languageserver-protocol/node');

export class LspClient {
    /** Every publishDiagnostics, with the time it arrived (performance.now()). */
    listeners = new Set();
    latest = new Map();
    stderr = [];

    /** `execArgv`: Node options for the server (the memory soak's probe). */
    constructor(serverPath, { execArgv = [] } = {}) {
        // The server runs on the same Node as the benchmark; the bundle carries its own polyfill.
        this.process = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        this.connection = protocol.createProtocolConnection(
            new protocol.StreamMessageReader(this.process.stdout), new protocol.StreamMessageWriter(this.process.stdin));
        this.connection.onNotification(protocol.PublishDiagnosticsNotification.type, params => {
            const at = performance.now();
            this.latest.set(params.uri, params.diagnostics);
            for (const listener of this.listeners) listener(params, at);
        });
        // What VS Code answers when the server asks.
        this.connection.onRequest('workspace/configuration', params => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    get pid() {
        return this.process.pid;
    }

    async initialize(rootUri) {
        const result = await this.connection.sendRequest(protocol.InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                workspace: { workspaceFolders: true, configuration: true },
                textDocument: {
                    synchronization: { didSave: true },
                    publishDiagnostics: { relatedInformation: true },
                    completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] }
                }
            }
        });
        await this.connection.sendNotification(protocol.InitializedNotification.type, {});
        return result;
    }

    /** Calls `listener(params, at)` for every publishDiagnostics until the returned function is called. */
    onDiagnostics(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    open(uri, text, version = 1) {
        return this.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'certa', version, text }
        });
    }

    /** A full-text change, as an editor may send it; the server reparses the whole document either way. */
    change(uri, text, version) {
        return this.connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version }, contentChanges: [{ text }]
        });
    }

    completion(uri, position) {
        return this.connection.sendRequest(protocol.CompletionRequest.type, { textDocument: { uri }, position });
    }

    hover(uri, position) {
        return this.connection.sendRequest(protocol.HoverRequest.type, { textDocument: { uri }, position });
    }

    async stop() {
        try {
            await Promise.race([
                this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')),
                new Promise(resolve => setTimeout(resolve, 5000))
            ]);
        } finally {
            this.connection.dispose();
            this.process.kill();
        }
    }
}
