import type { FileSystemProvider } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices, TextDocuments } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * While a file is open, the server reads its text from the editor, not from disk. Langium rebuilds
 * an open file when the file watcher reports it written, which it is on every save (with
 * `files.autoSave`, after nearly every keystroke): the same diagnostics are published again, and
 * VS Code closes the hover or quick-fix menu the user has open. Changes to open files are left out
 * here. Langium ignores didClose: closing a file reads it from disk again (the editor may have dropped
 * unsaved text, or the file changed on disk meanwhile), as `certa validate` reads it.
 */
export class CertaDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly textDocuments?: TextDocuments<TextDocument>;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const changes = params.changes.filter(change => change.type === FileChangeType.Deleted || !this.textDocuments?.get(change.uri));
        if (changes.length > 0) super.didChangeWatchedFiles({ ...params, changes });
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void this.workspaceManager.ready.then(() => this.workspaceLock.write(token => {
            // Untitled and deleted files are gone with their editor.
            const onDisk = uri.scheme === 'file' && this.fileSystem.existsSync(uri);
            return onDisk ? this.documentBuilder.update([uri], [], token) : this.documentBuilder.update([], [uri], token);
        }));
    }
}
