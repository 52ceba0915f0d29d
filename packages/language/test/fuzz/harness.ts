import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDocuments, type Format } from '../../../generator/src/index.js';
import type { CertaServices } from '../../src/certa-module.js';
import { createCertaServices } from '../../src/certa-module.js';
import { buildCertaModel } from '../../src/model/model-builder.js';
import { setToday } from '../../src/validation/validation-clock.js';
import type { FuzzCase, Provider, Step } from './case-script.js';
import { PROVIDERS } from './case-script.js';
import type { Failure } from './failure.js';
import { ConsoleCapture, describeThrown, phaseOf, signatureOf } from './failure.js';

/** Providers whose answer does not depend on the offset asked at. */
const wholeDocumentProviders = new Set<string>(['format', 'symbols', 'folding', 'semanticFull', 'semanticDelta', 'workspaceSymbols']);

export const TODAY = '2026-06-01';
const workspaceFolder = '/fuzz-workspace/';
/** Code actions per request whose edits are applied to the text (see `request`). */
const CHECKED_ACTIONS = 50;

export interface CaseResult {
    failures: Failure[];
    durationMs: number;
    /** CPU time of the case (user and system): unlike wall time, not inflated by a busy machine. */
    cpuMs: number;
    /** Calls made per phase (`build`, `lsp:hover`, …). */
    calls: Record<string, number>;
    /** Milliseconds spent per phase. */
    times: Record<string, number>;
    /** Characters of the documents the case's builds validated, each time one was (campaign.ts scales the CPU limit by it). */
    validatedChars?: number;
}

/**
 * Runs fuzz cases on one long-lived set of services, as a language server lives: documents come and
 * go across cases, removed documents' old trees are still asked about. Every call is made inside a
 * barrier that records whatever escapes it (a throw, a rejection, a console.error or .warn, an
 * internal-error diagnostic) as a failure of that phase.
 */
export class Harness {
    private readonly live = new Map<string, LangiumDocument>();
    /** Documents removed from the workspace whose old objects the harness still queries. */
    private readonly removed = new Map<string, LangiumDocument>();
    private readonly seenDiagnostics = new WeakSet<Diagnostic[]>();
    private phase = 'idle';
    private readonly capture = new ConsoleCapture(() => this.phase);
    private failures: Failure[] = [];
    private calls: Record<string, number> = {};
    private times: Record<string, number> = {};
    private step = 0;
    private builtins: LangiumDocument[] = [];
    private validatedChars = 0;

    private constructor(private readonly services: CertaServices) {
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
            for (const document of documents) this.validatedChars += document.textDocument.getText().length;
        });
    }

    static async create(): Promise<Harness> {
        setToday(TODAY);
        const { Certa } = createCertaServices(NodeFileSystem);
        const harness = new Harness(Certa);
        harness.builtins = await Certa.catalogs.BuiltinCatalogs.load();
        await Certa.shared.workspace.DocumentBuilder.build(harness.builtins, { validation: true });
        return harness;
    }

    /** Called with the phase about to run, so that a supervisor can say where a case hung. */
    onPhase: (phase: string) => void = () => undefined;

    async run(fuzzCase: FuzzCase): Promise<CaseResult> {
        this.failures = [];
        this.calls = {};
        this.times = {};
        this.validatedChars = 0;
        const started = performance.now();
        const cpu = process.cpuUsage();
        this.capture.start();
        try {
            if (fuzzCase.reset) await this.reset();
            for (const [index, step] of fuzzCase.steps.entries()) {
                this.step = index;
                await this.runStep(step);
            }
            if (fuzzCase.sweep) await this.sweep();
        } finally {
            this.capture.stop();
        }
        this.collectConsole();
        this.phase = 'idle';
        const used = process.cpuUsage(cpu);
        return { failures: this.failures, durationMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, calls: this.calls, times: this.times, validatedChars: this.validatedChars };
    }

    /** Back to the builtin catalogs only (between independent cases: minimising, regressions). */
    async reset(): Promise<void> {
        const uris = [...this.live.values()].map(d => d.uri);
        this.live.clear();
        this.removed.clear();
        uris.forEach(uri => this.services.shared.workspace.TextDocuments.delete(uri));
        await this.guard('remove', () => this.services.shared.workspace.DocumentBuilder.update([], uris));
    }

    private async runStep(step: Step): Promise<void> {
        switch (step.op) {
            case 'add': return this.add(step.docs);
            case 'edit': return this.edit(step.doc, step.text);
            case 'remove': return this.remove(step.docs);
            case 'generate': return this.generate(step.formats as Format[], step.scheme, step.catalogs);
            case 'query': return this.query(step.provider, step.doc, step.offset, step.end, step.text);
        }
    }

    private uri(name: string): URI {
        return URI.file(workspaceFolder + name);
    }

    private async add(docs: Array<{ name: string; text: string; open?: boolean }>): Promise<void> {
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder, TextDocuments } = this.services.shared.workspace;
        const built: LangiumDocument[] = [];
        const opened: URI[] = [];
        for (const doc of docs) {
            if (this.live.has(doc.name)) {
                await this.edit(doc.name, doc.text);
                continue;
            }
            this.removed.delete(doc.name);
            const uri = this.uri(doc.name);
            if (doc.open) {
                TextDocuments.set(TextDocument.create(uri.toString(), 'certa', 1, doc.text));
                opened.push(uri);
            } else {
                const created = await this.guard('parse', () => LangiumDocumentFactory.fromString(doc.text, uri));
                if (!created) continue;
                LangiumDocuments.addDocument(created);
                built.push(created);
            }
        }
        if (built.length > 0) await this.guard('build', () => DocumentBuilder.build(built, { validation: true }));
        if (opened.length > 0) await this.guard('build', () => DocumentBuilder.update(opened, []));
        for (const doc of docs) {
            const document = LangiumDocuments.getDocument(this.uri(doc.name));
            if (document) this.live.set(doc.name, document);
        }
        this.checkDiagnostics();
    }

    private async edit(name: string, text: string): Promise<void> {
        const document = this.live.get(name);
        if (!document) return;
        const { TextDocuments, DocumentBuilder, LangiumDocuments } = this.services.shared.workspace;
        const uri = document.uri.toString();
        const open = TextDocuments.get(uri);
        const next = open
            ? TextDocument.update(open as TextDocument, [{ text }], open.version + 1)
            : TextDocument.create(uri, 'certa', 2, text);
        TextDocuments.set(next);
        await this.guard('edit', () => DocumentBuilder.update([document.uri], []));
        const updated = LangiumDocuments.getDocument(document.uri);
        if (updated) this.live.set(name, updated);
        this.checkDiagnostics();
    }

    private async remove(names: string[]): Promise<void> {
        const uris: URI[] = [];
        for (const name of names) {
            const document = this.live.get(name);
            if (!document) continue;
            this.live.delete(name);
            this.removed.set(name, document);
            this.services.shared.workspace.TextDocuments.delete(document.uri);
            uris.push(document.uri);
        }
        while (this.removed.size > 6) this.removed.delete(this.removed.keys().next().value!);
        if (uris.length > 0) await this.guard('remove', () => this.services.shared.workspace.DocumentBuilder.update([], uris));
        this.checkDiagnostics();
    }

    private async generate(formats: Format[], scheme: string | undefined, catalogs: string[] | undefined): Promise<void> {
        const model = await this.guard('model', () => {
            const model = buildCertaModel([...this.live.values()], this.builtins);
            JSON.stringify(model); // the model is plain data: this throws on cycles and BigInts
            return model;
        });
        if (!model) return;
        const known = scheme !== undefined && model.schemes.some(s => s.id === scheme);
        await this.guard('generate', () => generateDocuments(model, {
            today: TODAY, formats, scheme: known ? scheme : undefined, coverageCatalogs: catalogs
        }));
    }

    /** One provider request at an offset (clamped to the text) of a live or removed document. */
    private async query(provider: Provider, name: string, offset: number, end: number | undefined, text: string | undefined): Promise<void> {
        const live = this.live.get(name);
        const document = live ?? this.removed.get(name);
        if (!document) return;
        const phase = `lsp:${provider}${live ? '' : '@removed'}`;
        await this.guard(phase, () => this.request(provider, document, offset, end ?? offset, text));
    }

    private async request(provider: Provider, document: LangiumDocument, offset: number, end: number, text: string | undefined): Promise<unknown> {
        const lsp = this.services.lsp;
        const textDocument = { uri: document.textDocument.uri };
        const length = document.textDocument.getText().length;
        offset = Math.min(Math.max(0, offset), length);
        const position: Position = document.textDocument.positionAt(offset);
        const range: Range = { start: position, end: document.textDocument.positionAt(Math.min(Math.max(offset, end), length)) };
        const options = { tabSize: 4, insertSpaces: true };
        const applies = (edits: TextEdit[] | undefined) => {
            if (edits) TextDocument.applyEdits(document.textDocument as TextDocument, edits);
            return edits;
        };
        switch (provider) {
            case 'completion': return lsp.CompletionProvider?.getCompletion(document, {
                textDocument, position, context: text ? { triggerKind: 2, triggerCharacter: text } : { triggerKind: 1 }
            });
            case 'hover': return lsp.HoverProvider?.getHoverContent(document, { textDocument, position });
            case 'definition': return lsp.DefinitionProvider?.getDefinition(document, { textDocument, position });
            case 'references': return lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: offset % 2 === 0 } });
            case 'prepareRename': return lsp.RenameProvider?.prepareRename(document, { textDocument, position });
            case 'rename': {
                const edit = await lsp.RenameProvider?.rename(document, { textDocument, position, newName: text ?? 'Renamed' });
                applies(edit?.changes?.[textDocument.uri]);
                return edit;
            }
            case 'highlight': return lsp.DocumentHighlightProvider?.getDocumentHighlight(document, { textDocument, position });
            case 'symbols': return lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
            case 'folding': return lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument });
            case 'format': return applies(await lsp.Formatter?.formatDocument(document, { textDocument, options }));
            case 'formatRange': return applies(await lsp.Formatter?.formatDocumentRange(document, { textDocument, range, options }));
            case 'formatOnType': return applies(await lsp.Formatter?.formatDocumentOnType(document, { textDocument, position, ch: text ?? '}', options }));
            case 'semanticFull': return lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
            case 'semanticRange': return lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range });
            case 'semanticDelta': {
                const first = await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
                return lsp.SemanticTokenProvider?.semanticHighlightDelta(document, { textDocument, previousResultId: first?.resultId ?? '0' });
            }
            case 'inlayHints': return lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range });
            case 'codeActions': {
                // As an editor asks: the diagnostics under the range, or one diagnostic's own range.
                const all = document.diagnostics ?? [];
                let diagnostics = all.filter(d => overlaps(d.range, range));
                let where = range;
                if (diagnostics.length === 0 && all.length > 0) {
                    diagnostics = [all[offset % all.length]];
                    where = diagnostics[0].range;
                }
                const actions = await lsp.CodeActionProvider?.getCodeActions(document, {
                    textDocument, range: where, context: { diagnostics, triggerKind: 1 }
                });
                // Each action's edits must apply to the text. A sample of them: an editor applies the one
                // chosen, and applying thousands (a range over thousands of diagnostics) to a large text
                // is the harness's own quadratic work, not the server's.
                for (const action of (actions ?? []).slice(0, CHECKED_ACTIONS)) {
                    if ('edit' in action) applies(action.edit?.changes?.[textDocument.uri]);
                }
                return actions;
            }
            case 'workspaceSymbols': return this.services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: text ?? '' });
        }
    }

    /**
     * Every provider at every offset of every live document (small ones; sampled above 400
     * characters, 40 offsets above 20,000). Providers that answer for the whole document whatever the offset are asked once.
     */
    private async sweep(): Promise<void> {
        for (const [name, document] of [...this.live, ...this.removed]) {
            const length = document.textDocument.getText().length;
            for (const provider of PROVIDERS.filter(p => wholeDocumentProviders.has(p))) await this.query(provider, name, 0, length, undefined);
            // Range formatting and the like still walk the whole document: fewer samples in large ones.
            const step = Math.max(1, Math.ceil(length / (length > 20_000 ? 40 : 400)));
            for (let offset = 0; offset <= length; offset += step) {
                for (const provider of PROVIDERS.filter(p => !wholeDocumentProviders.has(p))) {
                    await this.query(provider, name, offset, Math.min(length, offset + 7), provider === 'rename' ? 'Renamed' : undefined);
                }
            }
        }
        await this.generate(['md', 'html', 'csv', 'xlsx', 'json'], undefined, ['ISO9001', 'ISO17065', 'GUIDE67']);
    }

    /** Internal-error diagnostics on documents that were (re)validated since the last look. */
    private checkDiagnostics(): void {
        for (const document of this.live.values()) {
            const diagnostics = document.diagnostics;
            if (!diagnostics || this.seenDiagnostics.has(diagnostics)) continue;
            this.seenDiagnostics.add(diagnostics);
            for (const diagnostic of diagnostics) {
                const code = String(diagnostic.code ?? '');
                const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                if (!/An error occurred/i.test(text) && !code.startsWith('certa.internal')) continue;
                const phase = /resolving reference/.test(text) ? 'link' : 'validate';
                const detail = text.replace(/^An error occurred[^:]*: /, '');
                const logged = this.capture.records.findIndex(r => r.error !== undefined && detail.startsWith(r.error.message));
                const error = logged >= 0 ? this.capture.records.splice(logged, 1)[0].error : undefined;
                const message = error ? describeThrown(error).message : text;
                const stack = error?.stack ?? (diagnostic.data as { stack?: string } | undefined)?.stack;
                this.failures.push({ phase, kind: 'diagnostic', message: `${code ? `[${code}] ` : ''}${message}`, stack, signature: signatureOf(phase, message, stack), step: this.step });
            }
        }
    }

    private collectConsole(): void {
        for (const record of this.capture.take()) {
            const phase = /resolving reference/.test(record.text) ? 'link' : /during validation/.test(record.text) ? 'validate' : record.phase;
            const prefix = record.error ? record.text.split('\n')[0].replace(record.error.message, '').replace(/[\s:]+$/, '') : '';
            const message = record.error ? `${prefix ? `${prefix}: ` : ''}${describeThrown(record.error).message}` : record.text;
            this.failures.push({ phase, kind: 'console', message, stack: record.error?.stack, signature: signatureOf(phase, message, record.error?.stack), step: this.step });
        }
    }

    /** The fault barrier around one call: whatever escapes becomes a failure of `phase`. */
    private async guard<T>(op: string, call: () => T | Promise<T>): Promise<T | undefined> {
        // What fails in the document builder is one bug whichever operation set it off.
        const phase = phaseOf(op);
        if (phase !== this.phase) this.onPhase(phase);
        this.phase = phase;
        this.calls[op] = (this.calls[op] ?? 0) + 1;
        const started = performance.now();
        try {
            return await call();
        } catch (thrown) {
            // A ResponseError is how a provider refuses a request (the client shows its message): an answer.
            if (thrown instanceof ResponseError) return undefined;
            const { message, stack } = describeThrown(thrown);
            this.failures.push({ phase, kind: 'exception', message, stack, signature: signatureOf(phase, message, stack), step: this.step });
            return undefined;
        } finally {
            this.times[op] = (this.times[op] ?? 0) + performance.now() - started;
        }
    }

    /** Failures that surfaced outside any call (unhandled rejections): charged to the phase running. */
    reportStray(thrown: unknown): void {
        const { message, stack } = describeThrown(thrown);
        const phase = `${this.phase}(async)`;
        this.failures.push({ phase, kind: 'exception', message, stack, signature: signatureOf(phase, message, stack), step: this.step });
    }
}

function overlaps(a: Range, b: Range): boolean {
    const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
    return !before(a.end, b.start) && !before(b.end, a.start);
}
