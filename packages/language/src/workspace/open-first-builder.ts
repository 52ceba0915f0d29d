import type { BuildOptions, LangiumDocument } from 'langium';
import { AstUtils, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CertaServices } from '../certa-module.js';
import type { CertaDocumentFactory } from './certa-document-factory.js';
import type { CertaIndexManager } from './certa-index-manager.js';
import { declarationsByName } from './declaration-scan.js';

/** Files the open documents may need before the rest is read, at least (a quarter of the workspace otherwise). */
const EARLY_FILES = 200;

/** The names a document declares at its top level and the names its references use. */
function namesUsedOrDeclared(document: LangiumDocument): string[] {
    const root = document.parseResult?.value;
    if (!root) return [];
    const names: string[] = [];
    for (const element of (root as { elements?: Array<{ name?: unknown } | undefined> }).elements ?? []) {
        if (typeof element?.name === 'string') names.push(element.name);
    }
    for (const node of AstUtils.streamAst(root)) {
        for (const reference of AstUtils.streamReferences(node)) names.push(reference.reference.$refText);
    }
    return names;
}

/**
 * Langium builds a batch phase by phase: every document is linked before any is validated, so after
 * the language server starts (or after an edit that relinks many files) the open file's diagnostics
 * wait for the whole workspace. This builder builds the open documents first, then the rest (the
 * work-done progress follows it).
 *
 * At startup the workspace is read but not parsed (see CertaWorkspaceManager): parsing 2,000 files
 * takes about a second. The open documents are parsed first, then only the files that may declare a
 * name they use or declare, found by a pattern over the texts (declaration-scan.ts), and so on for
 * those files' names: every declaration the open documents can resolve to or collide with is then
 * indexed. They are linked and validated while the rest is unread. A check that needs the whole
 * workspace (who is qualified for a role, the schemes of the workspace, "nobody uses this") is left
 * out then, and the documents whose checks were left out are validated again once everything is
 * built. So the first diagnostics of an open file can lack a cross-file warning for a moment, never
 * show a wrong one, and the last ones equal a full build's.
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
            const early = await this.buildOpenBeforeTheRestIsRead(open, documents, options, cancelToken);
            // What linking any document needs from the others; cheap next to linking and validating.
            await this.parse(documents, cancelToken);
            await this.indexDeclarations(documents, cancelToken);
            if (early) {
                // A name the pattern missed (it cannot read past a comment) is known now: link again.
                const unresolved = open.filter(d => this.index.hasUnresolvedReferences(d));
                unresolved.forEach(d => this.resetToState(d, DocumentState.ComputedScopes));
                this.prepareBuild(unresolved, options);
            } else {
                this.markProvisional(open, await this.index.whileReferencesPending(() => super.buildDocuments(open, options, cancelToken)));
            }
            // Only what is left: a validated document built again would be marked incomplete.
            await super.buildDocuments(documents.filter(d => d.state < DocumentState.Validated), options, cancelToken);
        }
        await this.settleProvisional(options, cancelToken);
    }

    /**
     * Parses the open documents and the files that may declare the names they use or declare (and
     * so on), then links and validates the open documents, all before any other file is parsed.
     * False when there is nothing to gain: the workspace is parsed already, a file's text is not at
     * hand, or the open documents need a large part of the workspace.
     */
    private async buildOpenBeforeTheRestIsRead(open: LangiumDocument[], documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<boolean> {
        const factory = this.langiumDocumentFactory as CertaDocumentFactory;
        const unread = documents.filter(d => d.state < DocumentState.Parsed && !open.includes(d));
        const texts = unread.map(d => [d.uri.toString(), factory.unparsedText(d.uri.toString())] as const);
        if (unread.length === 0 || texts.some(([, text]) => text === undefined)) return false;
        const declarers = declarationsByName(texts as Array<[string, string]>);
        const byUri = new Map(unread.map(d => [d.uri.toString(), d]));
        const names = new Set<string>();
        const needed = new Set<LangiumDocument>(open);
        let batch = open;
        while (batch.length > 0) {
            await this.parse(batch, cancelToken);
            const next = new Set<LangiumDocument>();
            for (const name of batch.flatMap(namesUsedOrDeclared)) {
                if (names.has(name)) continue;
                names.add(name);
                for (const uri of declarers.get(name) ?? []) {
                    const document = byUri.get(uri);
                    if (document && !needed.has(document)) next.add(document);
                }
            }
            next.forEach(d => needed.add(d));
            if (needed.size > Math.max(EARLY_FILES, documents.length / 4)) return false;
            batch = [...next];
        }
        await this.indexDeclarations(documents.filter(d => d.state >= DocumentState.Parsed), cancelToken);
        const facts = (this.serviceRegistry.getServices(open[0].uri) as CertaServices).crossFile.WorkspaceFacts;
        let askedReferences = new Set<string>();
        const askedFacts = await facts.whilePartial(names, async () => {
            askedReferences = await this.index.whileReferencesPending(() => super.buildDocuments(open, options, cancelToken));
        });
        this.markProvisional(open, new Set([...askedReferences, ...askedFacts]));
        return true;
    }

    private parse(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        return this.runCancelable(documents, DocumentState.Parsed, cancelToken, d => this.langiumDocumentFactory.update(d, cancelToken));
    }

    /** Indexes the documents' declarations and collects their local names: what linking needs of them. */
    private async indexDeclarations(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, d => this.indexManager.updateContent(d, cancelToken));
        await this.runCancelable(documents, DocumentState.ComputedScopes, cancelToken, async d => {
            d.localSymbols = await this.serviceRegistry.getServices(d.uri).references.ScopeComputation.collectLocalSymbols(d, cancelToken);
        });
    }

    private markProvisional(open: LangiumDocument[], asked: Set<string>): void {
        open.filter(d => asked.has(d.uri.toString())).forEach(d => this.provisional.add(d.uri.toString()));
    }

    protected get index(): CertaIndexManager {
        return this.indexManager as CertaIndexManager;
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
