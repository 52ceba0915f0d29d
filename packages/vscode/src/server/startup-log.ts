import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';
import type { CertaWorkspaceManager } from '@certa/language';
import type { ServerLog } from './server-log.js';

/**
 * Tells the "Certa" output channel what the server loaded: which certa.json (or folders), how many
 * files, the catalogs, how long it took; then the outcome of the first validation. A designer whose
 * editor shows other errors than `certa validate` looks here first.
 */
export function logStartup(shared: LangiumSharedServices, log: ServerLog): void {
    const manager = shared.workspace.WorkspaceManager as CertaWorkspaceManager;
    const builder = shared.workspace.DocumentBuilder;
    // The workspace manager records what it loaded once its startup returns, after `ready` settles:
    // the first build (linking) comes after both.
    const linked = builder.onBuildPhase(DocumentState.Linked, () => {
        linked.dispose();
        const startup = manager.startup;
        if (!startup) return;
        for (const problem of startup.problems) log.info(`ignored ${problem}`);
        const from = startup.configs.length > 0
            ? `the folders of ${startup.configs.map(c => c.file.fsPath).join(', ')}`
            : startup.folders.join(', ') || 'no folder';
        const catalogs = shared.workspace.IndexManager.allElements('Catalog').map(c => c.name).distinct().toArray().sort();
        log.info(`loaded ${startup.documents.length} files (and ${startup.builtinCatalogs} builtin catalog and question-bank files) from ${from} in ${startup.milliseconds} ms; catalogs: ${catalogs.join(', ') || 'none'}`);
    });
    const started = Date.now();
    // The open files are validated ahead of the rest: the first validation is over once every file is validated.
    const validated = builder.onBuildPhase(DocumentState.Validated, () => {
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        if (documents.some(d => d.state < DocumentState.Validated)) return;
        validated.dispose();
        const diagnostics = documents.flatMap(d => d.diagnostics ?? []);
        const count = (severity: number) => diagnostics.filter(d => d.severity === severity).length;
        log.info(`first validation: ${documents.length} documents in ${Date.now() - started} ms since start, ${count(1)} errors, ${count(2)} warnings`);
    });
}

/**
 * An internal error a check survived becomes a `certa.internal.error` diagnostic in the file; the
 * output channel gets it too, with the file, once per distinct message, so that it can be reported.
 */
export function logInternalErrors(shared: LangiumSharedServices, log: ServerLog): void {
    const seen = new Set<string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        for (const document of documents) {
            for (const diagnostic of document.diagnostics ?? []) {
                if (typeof diagnostic.code !== 'string' || !diagnostic.code.startsWith('certa.internal')) continue;
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                if (seen.has(message) || seen.size >= 1_000) continue;
                seen.add(message);
                log.info(`internal error in ${document.uri.fsPath}:${diagnostic.range.start.line + 1}: ${message}`);
            }
        }
    });
}
