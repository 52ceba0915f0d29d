import * as fs from 'node:fs';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Langium ignores didClose: a file closed without saving kept the editor's last text (and its
 * diagnostics) in the server, while `certa validate` reads the file on disk. On close the document is
 * read again from disk, or dropped when the file is gone (an untitled or deleted file).
 */
export function rereadClosedDocuments(shared: LangiumSharedServices): void {
    const { TextDocuments, WorkspaceManager, WorkspaceLock, DocumentBuilder } = shared.workspace;
    TextDocuments?.onDidClose(({ document }) => {
        const uri = URI.parse(document.uri);
        void WorkspaceManager.ready.then(() => WorkspaceLock.write(token => {
            const onDisk = uri.scheme === 'file' && fs.existsSync(uri.fsPath);
            return onDisk ? DocumentBuilder.update([uri], [], token) : DocumentBuilder.update([], [uri], token);
        }));
    });
}
