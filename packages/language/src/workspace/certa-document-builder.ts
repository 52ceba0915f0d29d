import type { AstNode, BuildOptions, LangiumDocument, MaybePromise, URI } from 'langium';
import { DocumentState, isOperationCancelled, URI as Uri } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CertaServices } from '../certa-module.js';
import type { Document } from '../generated/ast.js';
import { isAddressing, isAuditTimeTable, isMark, isPerson, isScheme } from '../generated/ast.js';
import { clauseRefText } from '../scoping/clause-index.js';
import { refTextOf } from '../helpers/node-properties.js';
import { internalErrorDiagnostic } from '../validation/internal-errors.js';
import type { CertaDocumentFactory } from './certa-document-factory.js';
import type { CertaIndexManager } from './certa-index-manager.js';
import { declarationShapes } from './declaration-shapes.js';
import { OpenFirstDocumentBuilder } from './open-first-builder.js';
import type { ReparsedDocument } from './referrer-reconnection.js';
import { readersOfDeleted, reconnectReferrers } from './referrer-reconnection.js';

const phaseNames: Partial<Record<DocumentState, string>> = {
    [DocumentState.Parsed]: 'reading this file',
    [DocumentState.IndexedContent]: 'indexing the declarations of this file',
    [DocumentState.ComputedScopes]: 'collecting the names of this file',
    [DocumentState.Linked]: 'resolving the names used in this file',
    [DocumentState.IndexedReferences]: 'indexing the references of this file',
    [DocumentState.Validated]: 'validating this file'
};

function phaseName(state: DocumentState): string {
    return phaseNames[state] ?? 'building this file';
}

/**
 * What other documents' rules read from a document: the names it declares (duplicates), the
 * declarations it refers to (unused declarations), its people (person register rules), its
 * scheme marks (marks that look alike), the body's `addresses` outside schemes (procedures
 * every scheme may rely on) and its audit-time tables (a client finds its table by the table's
 * standards or designations, without a reference).
 */
interface CrossFileFacts {
    names: Set<string>;
    targets: Set<string>;
    register: string;
    marks: string;
    addressing: string;
    tables: string;
}

const emptyFacts: CrossFileFacts = { names: new Set(), targets: new Set(), register: '', marks: '', addressing: '', tables: '' };

/** Rule families whose "unused" checks only start once the workspace has declarations of these types. */
const gatingTypes = ['Scheme', 'Role'];

/**
 * Langium relinks and revalidates every document that references a changed document; this builder
 * does it per declaration instead (see referrer-reconnection.ts): only the referrers of a
 * declaration whose shape changed are relinked and revalidated. Some Certa rules read across
 * files without a reference in that direction: a person register covering the roles of a scheme,
 * duplicate names, roles or competences no scheme uses any more, the audit-time table a client
 * finds by designation. After each build this builder compares what the built documents offer
 * other files with what they offered before, finds the documents whose rules read what changed (through the index), and validates
 * them again (no re-parse, no relink). An edit in the language server thus gives the same
 * diagnostics as a fresh `certa validate`, and an edit that changes nothing other files read costs
 * nothing extra. Open documents are built first (see open-first-builder.ts).
 */
export class CertaDocumentBuilder extends OpenFirstDocumentBuilder {
    private readonly facts = new Map<string, CrossFileFacts>();
    private readonly present = new Map<string, boolean>();
    /** Deleted documents offer nothing any more: their old facts become a pending change. */
    private readonly deletedFacts: CrossFileFacts[] = [];
    /** Documents validated whose cross-file facts have not been compared with their previous ones yet. */
    private readonly uncompared = new Set<string>();
    /** Internal errors of the last build of each document, by phase (see runCancelable). */
    private readonly faults = new Map<string, Map<DocumentState, Diagnostic>>();
    /**
     * Changed documents whose referrers are still bound to their previous syntax tree: that tree and
     * the shapes of its declarations, taken before the re-parse (kept across cancelled builds); no
     * tree and no shapes for a document new to the workspace.
     */
    private readonly boundTo = new Map<string, { root?: AstNode; shapes: Map<string, string>; localReaders?: Map<string, Set<string>> }>();
    private buildOptions: BuildOptions = {};
    private lastDeleted?: { changed: Set<string>; deleted: Set<string> };
    private allCategories?: string[];
    /** Documents by URI string: the index answers in strings, and parsing each back into a URI costs. */
    private readonly byUri = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onUpdate((changed, deleted) => {
            // A changed URI may be a document new to the workspace, a deleted one may come back as another.
            [...changed, ...deleted].forEach(uri => this.byUri.delete(uri.toString()));
            this.forgetDeleted(deleted);
        });
    }

    private forgetDeleted(deleted: URI[]): void {
        for (const uri of deleted) {
            const old = this.facts.get(uri.toString());
            if (old) this.deletedFacts.push(old);
            this.facts.delete(uri.toString());
            this.faults.delete(uri.toString());
            this.uncompared.delete(uri.toString());
            this.boundTo.delete(uri.toString());
        }
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        // A file read at startup and changed (or gone) since is read again when it is parsed.
        [...changed, ...deleted].forEach(uri => (this.langiumDocumentFactory as CertaDocumentFactory).forget(uri.toString()));
        for (const uri of changed) {
            const key = uri.toString();
            const document = this.langiumDocuments.getDocument(uri);
            if (this.boundTo.has(key)) continue;
            if (!document) {
                // New to the workspace (created, or brought back): nothing read it, but a name it
                // declares may take over the references to a same-named declaration of another file.
                this.boundTo.set(key, { shapes: new Map(), localReaders: new Map() });
                continue;
            }
            if (document.state < DocumentState.IndexedContent) continue;
            this.boundTo.set(key, {
                root: document.parseResult.value,
                shapes: safely(() => declarationShapes(document, this.locator(uri)), new Map()),
                // Unknown when its references are not indexed (a cancelled build had dropped them).
                localReaders: document.state >= DocumentState.IndexedReferences ? this.index.localReaders(key) : undefined
            });
        }
        this.revalidateReadersOf(deleted);
        return super.update(changed, deleted, cancelToken);
    }

    /**
     * Langium relinks the documents that refer to a deleted one; those that read it through their
     * own declarations (a programme's team, whose people hold roles of the deleted file) are
     * validated again here.
     */
    private revalidateReadersOf(deleted: URI[]): void {
        if (deleted.length === 0) return;
        const prefixes = deleted.map(uri => uri.toString());
        const gone = this.langiumDocuments.all
            .filter(d => d.state >= DocumentState.IndexedContent && prefixes.some(p => d.uri.toString() === p || d.uri.toString().startsWith(p + '/')))
            .toArray();
        if (gone.length === 0) return;
        const readers = safely(() => readersOfDeleted(gone, { index: this.index, locator: this.locator(gone[0].uri) }), new Set<string>());
        for (const uri of readers) {
            const document = this.documentAt(uri);
            if (document && !this.isBuiltin(document.uri)) this.resetToState(document, DocumentState.IndexedReferences);
        }
    }

    /**
     * Langium relinks every referrer of a changed document here, before it is parsed again; Certa
     * relinks the referrers of deleted documents and those with unresolved references (a new
     * declaration may resolve them), and leaves the others to `reconnect`, once the new syntax tree
     * can be compared with the old one.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.index.hasUnresolvedReferences(document)) return true;
        const deleted = this.deletedAmong(changedUris);
        return deleted.size > 0 && this.indexManager.isAffected(document, deleted);
    }

    /** The deleted documents among an update's changed URIs (asked once per document: computed once per update). */
    private deletedAmong(changedUris: Set<string>): Set<string> {
        if (this.lastDeleted?.changed !== changedUris) {
            this.lastDeleted = { changed: changedUris, deleted: new Set([...changedUris].filter(uri => !this.langiumDocuments.hasDocument(Uri.parse(uri)))) };
        }
        return this.lastDeleted.deleted;
    }

    /**
     * Langium asks every document of the workspace on every update whether its last build ran the
     * validation categories requested; the same answer as Langium's, without building the set of
     * all categories once per document and keystroke.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        const executed = state?.result?.validationChecks;
        if (!state?.completed || !executed) return super.resultsAreIncomplete(document, options);
        const validation = options?.validation ?? true;
        if (validation === false) return false;
        this.allCategories ??= [...this.serviceRegistry.getServices(document.uri).validation.ValidationRegistry.getAllValidationCategories(document)];
        const requested = validation === true ? this.allCategories : validation.categories ?? this.allCategories;
        return requested.some(category => !executed.includes(category));
    }

    /**
     * Between indexing the declarations and linking: the referrers of re-parsed documents are
     * rebound, or relinked and revalidated, and join this build.
     */
    private reconnect(documents: LangiumDocument[]): void {
        const reparsed: ReparsedDocument[] = [];
        for (const [key, bound] of this.boundTo) {
            const document = this.langiumDocuments.getDocument(Uri.parse(key));
            if (!document) { this.boundTo.delete(key); continue; }
            if (document.state < DocumentState.IndexedContent) continue;
            this.boundTo.delete(key);
            if (document.parseResult.value !== bound.root) reparsed.push({ document, before: bound.shapes, localReaders: bound.localReaders });
        }
        if (reparsed.length === 0) return;
        // A document linked in a cancelled build but not indexed yet: its index entries are gone, link it again.
        const unindexed = documents.filter(d => d.state === DocumentState.Linked);
        unindexed.forEach(d => this.resetToState(d, DocumentState.ComputedScopes));
        this.prepareBuild(unindexed, this.buildOptions);
        const { relink, revalidate } = reconnectReferrers(reparsed, {
            index: this.index,
            locator: this.locator(reparsed[0].document.uri),
            descriptions: this.serviceRegistry.getServices(reparsed[0].document.uri).workspace.AstNodeDescriptionProvider,
            documentOf: uri => this.documentAt(uri)
        });
        const inBuild = new Set(documents.map(d => d.uri.toString()));
        const reset: LangiumDocument[] = [];
        const join = (uris: Set<string>, state: DocumentState) => {
            for (const uri of uris) {
                const document = this.langiumDocuments.getDocument(Uri.parse(uri));
                if (!document || this.isBuiltin(document.uri)) continue;
                this.resetToState(document, state);
                reset.push(document);
                if (!inBuild.has(uri)) {
                    inBuild.add(uri);
                    documents.push(document);
                }
            }
        };
        join(relink, DocumentState.ComputedScopes);
        join(revalidate, DocumentState.IndexedReferences);
        // A reset drops a document's build options, those of documents already in this build too:
        // without them Langium skips their validation and they stay unvalidated until the next edit.
        this.prepareBuild(reset, this.buildOptions);
    }

    private documentAt(uri: string): LangiumDocument | undefined {
        let document = this.byUri.get(uri);
        if (!document) {
            document = this.langiumDocuments.getDocument(Uri.parse(uri));
            if (document) this.byUri.set(uri, document); else this.byUri.delete(uri);
        }
        return document;
    }

    private locator(uri: URI) {
        return this.serviceRegistry.getServices(uri).workspace.AstNodeLocator;
    }

    /**
     * The fault barrier of the build: a phase that throws for one document (a bug) leaves that
     * document with an internal-error diagnostic and lets every other document, and the later phases,
     * go on. Without it one throw aborts the whole build and every document loses its diagnostics.
     */
    protected override async runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>
    ): Promise<void> {
        if (targetState === DocumentState.ComputedScopes) this.reconnect(documents);
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            const key = document.uri.toString();
            this.faults.get(key)?.delete(targetState);
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                console.error(`Building ${key} failed (${phaseName(targetState)}):`, error);
                const faults = this.faults.get(key) ?? new Map<DocumentState, Diagnostic>();
                faults.set(targetState, internalErrorDiagnostic(phaseName(targetState), error));
                this.faults.set(key, faults);
                if (targetState === DocumentState.Validated) this.markAsCompleted(document);
            }
            if (targetState === DocumentState.Validated) {
                const faults = [...this.faults.get(key)?.values() ?? []];
                if (faults.length > 0) document.diagnostics = [...document.diagnostics ?? [], ...faults];
                this.uncompared.add(key);
            }
        });
    }

    /**
     * Langium checks the cancel token before each listener of a document's phase: a keystroke that
     * cancels the build just after a document was validated would skip publishing its diagnostics,
     * while the document counts as built and is not validated again. Validated documents are always
     * announced to every listener (publishing is cheap).
     */
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        return super.notifyDocumentPhase(document, state, state === DocumentState.Validated ? CancellationToken.None : cancelToken);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.buildOptions = options;
        await super.buildDocuments(documents, options, cancelToken);
        if (!options.validation) return;
        // Every document validated since the last comparison, including those of builds the next
        // keystroke cancelled: their changes would otherwise never reach the files that read them.
        const validated = [...this.uncompared]
            .map(uri => this.langiumDocuments.getDocument(Uri.parse(uri)))
            .filter((d): d is LangiumDocument => d !== undefined);
        this.uncompared.clear();
        const dependents = this.crossFileDependents(validated, documents);
        if (dependents.length === 0) return;
        for (const document of dependents) {
            this.resetToState(document, DocumentState.IndexedReferences);
        }
        await super.buildDocuments(dependents, options, cancelToken);
        // Revalidated, not re-read: what they offer others has not changed.
        dependents.forEach(document => this.uncompared.delete(document.uri.toString()));
    }

    /**
     * Documents outside `built` (this build's own) whose cross-file rules read something that changed
     * in `validated` (every document validated since the last comparison).
     */
    protected crossFileDependents(validated: LangiumDocument[], built: LangiumDocument[]): LangiumDocument[] {
        const builtUris = new Set(built.map(d => d.uri.toString()));
        const changedNames = new Set<string>();
        const changedTargets = new Set<string>();
        let registerChanged = false;
        let marksChanged = false;
        let addressingChanged = false;
        let tablesChanged = false;
        const compare = (before: CrossFileFacts, after: CrossFileFacts) => {
            symmetricDifference(before.names, after.names).forEach(n => changedNames.add(n));
            symmetricDifference(before.targets, after.targets).forEach(t => changedTargets.add(t));
            registerChanged ||= before.register !== after.register;
            marksChanged ||= before.marks !== after.marks;
            addressingChanged ||= before.addressing !== after.addressing;
            tablesChanged ||= before.tables !== after.tables;
        };
        for (const document of validated) {
            if (this.isBuiltin(document.uri)) continue;
            const key = document.uri.toString();
            const after = safeFactsOf(document, this.index);
            compare(this.facts.get(key) ?? emptyFacts, after);
            this.facts.set(key, after);
        }
        this.deletedFacts.splice(0).forEach(old => compare(old, emptyFacts));

        const dependentUris = new Set<string>();
        const addUris = (uris: Iterable<string>) => {
            for (const uri of uris) if (!builtUris.has(uri)) dependentUris.add(uri);
        };
        for (const name of changedNames) {
            const [type, ...rest] = name.split(':');
            const plain = rest.join(':');
            addUris(this.index.elementsNamed(type, plain).map(d => d.documentUri.toString()));
        }
        addUris([...changedTargets].map(target => target.split('#')[0]));
        if (registerChanged || marksChanged || addressingChanged) {
            addUris(this.index.elementsOfType('Scheme').map(d => d.documentUri.toString()));
        }
        if (tablesChanged) addUris(this.index.elementsOfType('Client').map(d => d.documentUri.toString()));
        for (const type of gatingTypes) {
            const now = this.index.elementsOfType(type).length > 0;
            if (this.present.has(type) && this.present.get(type) !== now) {
                addUris(this.indexManager.allElements().filter(d => ['Role', 'Competence', 'Mark'].includes(d.type)).map(d => d.documentUri.toString()));
            }
            this.present.set(type, now);
        }
        return [...dependentUris]
            .map(uri => this.langiumDocuments.getDocument(Uri.parse(uri)))
            .filter((d): d is LangiumDocument => d !== undefined && d.state >= DocumentState.IndexedReferences && !this.isBuiltin(d.uri));
    }

    private isBuiltin(uri: URI): boolean {
        const services = this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) as CertaServices : undefined;
        return services?.catalogs?.BuiltinCatalogs.isBuiltin(uri) ?? false;
    }
}

/** A document whose facts cannot be read (a bug) offers nothing; its own build reports the failure. */
function safeFactsOf(document: LangiumDocument, index: CertaIndexManager): CrossFileFacts {
    return safely(() => factsOf(document, index), emptyFacts, `Reading the cross-file facts of ${document.uri.toString()} failed:`);
}

function safely<T>(read: () => T, fallback: T, message = 'Reading the declarations of a document failed:'): T {
    try {
        return read();
    } catch (error) {
        console.error(message, error);
        return fallback;
    }
}

function factsOf(document: LangiumDocument, index: CertaIndexManager): CrossFileFacts {
    const root = document.parseResult.value as Document;
    const names = new Set<string>();
    const people: string[] = [];
    const marks: string[] = [];
    const addressing: string[] = [];
    const tables: string[] = [];
    for (const element of root.elements ?? []) {
        if (element.$type !== 'Acceptance' && element.$type !== 'QuestionBank' && element.$type !== 'Addressing') {
            names.add(`${element.$type}:${element.name}`);
        }
        if (isPerson(element)) {
            people.push(`${element.name}(${element.fullName})=${element.qualifications.map(q => `${refTextOf(q?.role)}@${q?.expires ?? ''}`).join(',')}`);
        }
        if (isScheme(element)) {
            const field = element.members.map(m => m.$type === 'CertifiesDecl' ? m.subject : m.$type === 'OperatedUnderDecl' ? refTextOf(m.standard) : '').join('');
            const schemeMarks = element.members.filter(isMark).map(m => `${m.name}:${m.shape ?? ''}`);
            marks.push(`${element.name}(${field})[${schemeMarks.join(',')}]`);
        }
        if (isMark(element)) marks.push(`${element.name}:${element.shape ?? ''}`);
        if (isAddressing(element)) addressing.push((element.refs ?? []).map(clauseRefText).join(','));
        if (isAuditTimeTable(element)) tables.push(element.$cstNode?.text.replace(/\s+/g, ' ') ?? '');
    }
    const targets = index.crossFileTargets(document.uri.toString());
    return { names, targets, register: people.join(';'), marks: marks.join(';'), addressing: addressing.join(';'), tables: tables.join(';') };
}

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
    return [...[...a].filter(x => !b.has(x)), ...[...b].filter(x => !a.has(x))];
}
