import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** At most one progress report per this many milliseconds: the build, not the messages, should take the time. */
const REPORT_EVERY_MS = 250;

/**
 * The first build of a large workspace takes seconds. The editor shows it as work-done progress
 * ("Certa: checking the workspace", files checked of all, percentage), from the start of the first
 * build to the moment every file has its diagnostics; open files are checked first (Langium sorts
 * them to the front). Only for clients that say they show such progress.
 */
export function reportWorkspaceProgress(connection: Connection, shared: LangiumSharedServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.window?.workDoneProgress === true;
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!supported) return;
        void connection.window.createWorkDoneProgress().then(progress => follow(progress, shared), () => undefined);
    });
}

function follow(progress: WorkDoneProgressServerReporter, shared: LangiumSharedServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    progress.begin('Certa: checking the workspace', 0, 'reading the files', false);
    let checked = 0;
    let total = 0;
    let reportedAt = 0;
    const report = (message: string) => {
        const now = Date.now();
        if (now - reportedAt < REPORT_EVERY_MS) return;
        reportedAt = now;
        progress.report(total > 0 ? Math.min(99, Math.floor((100 * checked) / total)) : 0, message);
    };
    const listeners = [
        builder.onBuildPhase(DocumentState.IndexedContent, () => {
            total = documents.all.filter(d => d.state < DocumentState.Validated).count();
            report(`linking ${total} files`);
        }),
        builder.onDocumentPhase(DocumentState.Validated, () => {
            checked++;
            report(`${checked} of ${total} files checked`);
        }),
        // The first build that reaches validation for every document ends it (a cancelled first build
        // hands its documents to the next one, which goes on counting).
        builder.onBuildPhase(DocumentState.Validated, () => {
            if (documents.all.some(d => d.state < DocumentState.Validated)) return;
            listeners.forEach(listener => listener.dispose());
            progress.done();
        })
    ];
}
