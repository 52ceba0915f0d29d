import type { BuildOptions, LangiumDocument } from 'langium';
import { DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CertaIndexManager } from './certa-index-manager.js';

/**
 * Langium builds a batch phase by phase: every document is linked before any is validated, so after
 * the language server starts (or after an edit that relinks many files) the open file's diagnostics
 * wait for the whole workspace. This builder does what linking needs from every document first
 * (parsed, declarations indexed, local names collected), then links and validates the open
 * documents, then the rest (the work-done progress follows it).
 *
 * One family of rules reads what *other* documents refer to ("nobody uses this role"); until every
 * reference is indexed the index answers those questions with "used" (see
 * CertaIndexManager.isReferenced) and the open documents that asked are validated once more when
 * the rest is done. So the first diagnostics of an open file can lack an "unused" warning for a
 * moment, never show a wrong one, and the last ones equal a full build's.
 */
export class OpenFirstDocumentBuilder extends DefaultDocumentBuilder {
    /** Open documents validated while references were pending, to validate again once they are not. */
    private readonly provisional = new Set<string>();

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const open = options.validation ? documents.filter(d => d.state < DocumentState.Validated && this.isOpen(d)) : [];
        const linkingOthers = open.length > 0 && documents.some(d => d.state < DocumentState.IndexedReferences && !open.includes(d));
        if (!linkingOthers) {
            await super.buildDocuments(documents, options, cancelToken);
        } else {
            this.prepareBuild(documents, options);
            // What linking any document needs from the others; cheap next to linking and validating.
            await this.runCancelable(documents, DocumentState.Parsed, cancelToken, d => this.langiumDocumentFactory.update(d, cancelToken));
            await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, d => this.indexManager.updateContent(d, cancelToken));
            await this.runCancelable(documents, DocumentState.ComputedScopes, cancelToken, async d => {
                d.localSymbols = await this.serviceRegistry.getServices(d.uri).references.ScopeComputation.collectLocalSymbols(d, cancelToken);
            });
            const asked = await (this.indexManager as CertaIndexManager).whileReferencesPending(() => super.buildDocuments(open, options, cancelToken));
            open.filter(d => asked.has(d.uri.toString())).forEach(d => this.provisional.add(d.uri.toString()));
            // Only what is left: a validated document built again would be marked incomplete.
            await super.buildDocuments(documents.filter(d => d.state < DocumentState.Validated), options, cancelToken);
        }
        await this.settleProvisional(options, cancelToken);
    }

    /** Validates the provisional documents again once no document of the workspace waits for its references. */
    private async settleProvisional(options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        if (this.provisional.size === 0 || !options.validation) return;
        if (this.langiumDocuments.all.some(d => d.state < DocumentState.IndexedReferences)) return;
        const again = [...this.provisional]
            .map(uri => this.langiumDocuments.getDocument(URI.parse(uri)))
            .filter((d): d is LangiumDocument => d !== undefined && d.state === DocumentState.Validated);
        this.provisional.clear();
        again.forEach(d => this.resetToState(d, DocumentState.IndexedReferences));
        if (again.length > 0) await super.buildDocuments(again, options, cancelToken);
    }

    private isOpen(document: LangiumDocument): boolean {
        return this.textDocuments?.get(document.uri) !== undefined;
    }
}
