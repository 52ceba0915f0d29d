import type { LangiumSharedServices } from 'langium/lsp';
import { URI, UriUtils } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { didChangeProblem, didOpenProblem } from './message-checks.js';

/** How long a request waits for a just-opened document to enter the workspace before it is called unknown. */
const openedDocumentWait = 10_000;

/**
 * Which documents requests may be about: those in the workspace (files, builtin catalogs). An editor
 * sends its first requests right after `didOpen`; while the server starts, the update that adds a new
 * document waits behind the first workspace build, and such a request waits with it instead of failing.
 */
export class KnownDocuments {
    /** Opened, and not yet part of a workspace update. */
    private readonly arriving = new Set<string>();
    private services?: LangiumSharedServices;

    /** The services are created with the guarded connection, so they arrive after this object. */
    attach(shared: LangiumSharedServices): void {
        this.services = shared;
        shared.workspace.TextDocuments.onDidOpen(({ document }) => this.arriving.add(UriUtils.normalize(document.uri)));
        shared.workspace.DocumentBuilder.onUpdate(changed => changed.forEach(uri => this.arriving.delete(UriUtils.normalize(uri))));
    }

    private get shared(): LangiumSharedServices {
        if (!this.services) throw new Error('KnownDocuments used before the services were attached');
        return this.services;
    }

    async knows(uri: string, token: CancellationToken): Promise<boolean> {
        // While the server starts, the workspace's files are still being loaded.
        await untilCancelled(this.shared.workspace.WorkspaceManager.ready, token);
        const documents = this.shared.workspace.LangiumDocuments;
        const parsed = URI.parse(uri);
        if (documents.hasDocument(parsed)) return true;
        if (!this.arriving.has(UriUtils.normalize(uri))) return false;
        return new Promise<boolean>(resolve => {
            const finish = () => {
                clearTimeout(timer);
                update.dispose();
                cancel.dispose();
                resolve(documents.hasDocument(parsed));
            };
            const update = this.shared.workspace.DocumentBuilder.onUpdate(() => {
                if (documents.hasDocument(parsed)) finish();
            });
            const cancel = token.onCancellationRequested(finish);
            const timer = setTimeout(finish, openedDocumentWait);
        });
    }

    /** A `didOpen` the server can use: well formed, and of a document a Certa service handles (builds fail on any other). */
    openProblem(params: unknown): string | undefined {
        const problem = didOpenProblem(params);
        if (problem) return problem;
        const { uri, languageId } = (params as { textDocument: { uri: string; languageId: string } }).textDocument;
        return this.handles(uri, languageId) ? undefined : `${uri} (${languageId}) is not a Certa document`;
    }

    /** A `didChange` the server can use: well formed, and of an open document. */
    changeProblem(params: unknown): string | undefined {
        const problem = didChangeProblem(params);
        if (problem) return problem;
        const { uri } = (params as { textDocument: { uri: string } }).textDocument;
        return this.shared.workspace.TextDocuments.get(uri) ? undefined : `${uri} is not open`;
    }

    private handles(uri: string, languageId: string): boolean {
        const registry = this.shared.ServiceRegistry;
        if (registry.all.some(language => language.LanguageMetaData.languageId === languageId)) return true;
        try {
            return registry.hasServices(URI.parse(uri));
        } catch {
            return false;
        }
    }
}

/** Settles when `promise` does or the request is cancelled, whichever comes first. */
function untilCancelled(promise: Promise<unknown>, token: CancellationToken): Promise<void> {
    return new Promise<void>(resolve => {
        const cancel = token.onCancellationRequested(() => resolve());
        promise.then(() => resolve(), () => resolve()).finally(() => cancel.dispose());
    });
}
