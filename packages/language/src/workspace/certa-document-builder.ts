import type { BuildOptions, LangiumDocument, MaybePromise, URI } from 'langium';
import { AstUtils, DefaultDocumentBuilder, DocumentState, isOperationCancelled, URI as Uri } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CertaServices } from '../certa-module.js';
import type { Document } from '../generated/ast.js';
import { isCatalog, isCompetence, isMark, isPerson, isRole, isScheme } from '../generated/ast.js';
import { refTextOf } from '../helpers/node-properties.js';
import { internalErrorDiagnostic } from '../validation/internal-errors.js';
import type { CertaIndexManager } from './certa-index-manager.js';

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
 * declarations it refers to (unused declarations), its people (person register rules) and its
 * scheme marks (marks that look alike).
 */
interface CrossFileFacts {
    names: Set<string>;
    targets: Set<string>;
    register: string;
    marks: string;
    /** Roles, competences, marks and user catalogs as written: scheme and register rules read them through other files. */
    declarations: string;
}

const emptyFacts: CrossFileFacts = { names: new Set(), targets: new Set(), register: '', marks: '', declarations: '' };

/** Rule families whose "unused" checks only start once the workspace has declarations of these types. */
const gatingTypes = ['Scheme', 'Role'];

/**
 * Langium relinks and revalidates only the documents that reference a changed document. Some Certa
 * rules read across files without a reference in that direction: a person register covering the
 * roles of a scheme, duplicate names, roles or competences no scheme uses any more. After each
 * build this builder compares what the built documents offer other files with what they offered
 * before, finds the documents whose rules read what changed (through the index), and validates
 * them again (no re-parse, no relink). An edit in the language server thus gives the same
 * diagnostics as a fresh `certa validate`, and an edit that changes nothing other files read costs
 * nothing extra.
 */
export class CertaDocumentBuilder extends DefaultDocumentBuilder {
    private readonly facts = new Map<string, CrossFileFacts>();
    private readonly present = new Map<string, boolean>();
    /** Deleted documents offer nothing any more: their old facts become a pending change. */
    private readonly deletedFacts: CrossFileFacts[] = [];
    /** Documents validated whose cross-file facts have not been compared with their previous ones yet. */
    private readonly uncompared = new Set<string>();
    /** Internal errors of the last build of each document, by phase (see runCancelable). */
    private readonly faults = new Map<string, Map<DocumentState, Diagnostic>>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onUpdate((_changed, deleted) => this.forgetDeleted(deleted));
    }

    private forgetDeleted(deleted: URI[]): void {
        for (const uri of deleted) {
            const old = this.facts.get(uri.toString());
            if (old) this.deletedFacts.push(old);
            this.facts.delete(uri.toString());
            this.faults.delete(uri.toString());
            this.uncompared.delete(uri.toString());
        }
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

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
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
        let declarationsChanged = false;
        const compare = (before: CrossFileFacts, after: CrossFileFacts) => {
            symmetricDifference(before.names, after.names).forEach(n => changedNames.add(n));
            symmetricDifference(before.targets, after.targets).forEach(t => changedTargets.add(t));
            registerChanged ||= before.register !== after.register;
            marksChanged ||= before.marks !== after.marks;
            declarationsChanged ||= before.declarations !== after.declarations;
        };
        for (const document of validated) {
            if (this.isBuiltin(document.uri)) continue;
            const key = document.uri.toString();
            const after = safeFactsOf(document);
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
        if (registerChanged || marksChanged) {
            addUris(this.indexManager.allElements('Scheme').map(d => d.documentUri.toString()));
        }
        if (declarationsChanged) {
            // Rules read through chains of references (scheme → role → competence → catalog): whoever
            // refers, directly or through others, to a rebuilt document is validated again.
            addUris(this.referrersOf(new Set(validated.map(d => d.uri.toString()))));
        }
        for (const type of gatingTypes) {
            const now = this.indexManager.allElements(type).head() !== undefined;
            if (this.present.has(type) && this.present.get(type) !== now) {
                addUris(this.indexManager.allElements().filter(d => ['Role', 'Competence', 'Mark'].includes(d.type)).map(d => d.documentUri.toString()));
            }
            this.present.set(type, now);
        }
        return [...dependentUris]
            .map(uri => this.langiumDocuments.getDocument(Uri.parse(uri)))
            .filter((d): d is LangiumDocument => d !== undefined && d.state >= DocumentState.IndexedReferences && !this.isBuiltin(d.uri));
    }

    /** Documents that refer to `uris`, directly or through other documents (the index's referrers). */
    private referrersOf(uris: Set<string>): Set<string> {
        const reached = new Set(uris);
        let frontier: Set<string> = uris;
        while (frontier.size > 0) {
            const next = new Set<string>();
            for (const uri of this.index.referringDocuments(frontier)) {
                if (!reached.has(uri)) next.add(uri);
            }
            next.forEach(uri => reached.add(uri));
            frontier = next;
        }
        uris.forEach(uri => reached.delete(uri));
        return reached;
    }

    private get index(): CertaIndexManager {
        return this.indexManager as CertaIndexManager;
    }

    private isBuiltin(uri: URI): boolean {
        const services = this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) as CertaServices : undefined;
        return services?.catalogs?.BuiltinCatalogs.isBuiltin(uri) ?? false;
    }
}

/** A document whose facts cannot be read (a bug) offers nothing; its own build reports the failure. */
function safeFactsOf(document: LangiumDocument): CrossFileFacts {
    try {
        return factsOf(document);
    } catch (error) {
        console.error(`Reading the cross-file facts of ${document.uri.toString()} failed:`, error);
        return emptyFacts;
    }
}

function factsOf(document: LangiumDocument): CrossFileFacts {
    const root = document.parseResult.value as Document;
    const names = new Set<string>();
    const people: string[] = [];
    const marks: string[] = [];
    const declarations: string[] = [];
    for (const element of root.elements ?? []) {
        if (element.$type !== 'Acceptance' && element.$type !== 'QuestionBank' && element.$type !== 'Addressing') {
            names.add(`${element.$type}:${element.name}`);
        }
        if (isPerson(element)) {
            people.push(`${element.name}=${element.qualifications.map(q => `${refTextOf(q?.role)}@${q?.expires ?? ''}`).join(',')}`);
        }
        if (isScheme(element)) {
            const field = element.members.map(m => m.$type === 'CertifiesDecl' ? m.subject : m.$type === 'OperatedUnderDecl' ? refTextOf(m.standard) : '').join('');
            const schemeMarks = element.members.filter(isMark).map(m => `${m.name}:${m.shape ?? ''}`);
            marks.push(`${element.name}(${field})[${schemeMarks.join(',')}]`);
        }
        if (isMark(element)) marks.push(`${element.name}:${element.shape ?? ''}`);
        if (isRole(element) || isCompetence(element) || isMark(element) || isCatalog(element)) {
            declarations.push((element.$cstNode?.text ?? '').replace(/\s+/g, ' '));
        }
    }
    const targets = new Set<string>();
    for (const reference of document.references) {
        const target = 'ref' in reference ? reference.ref : undefined;
        if (!target) continue;
        const targetDocument = AstUtils.getDocument(target);
        if (targetDocument !== document) {
            targets.add(`${targetDocument.uri.toString()}#${target.$type}:${(target as { name?: string }).name ?? ''}`);
        }
    }
    return { names, targets, register: people.join(';'), marks: marks.join(';'), declarations: declarations.join('\n') };
}

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
    return [...[...a].filter(x => !b.has(x)), ...[...b].filter(x => !a.has(x))];
}
