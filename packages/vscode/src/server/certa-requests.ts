import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { CertaServices, CertaWorkspaceManager } from '@certa/language';
import { prepareOutputFolder, UsageError, writeFilesAtomically } from '@certa/cli/output';
import { buildCertaModel } from '@certa/language';
import type { DocumentKind, GeneratedFile } from '@certa/generator';
import { generateDocuments, planDocuments, renderHtml } from '@certa/generator';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { GenerateParams, GenerateResult, PreviewParams, PreviewResult } from '../protocol.js';
import { GenerateRequest, PreviewRequest } from '../protocol.js';

/** Whether a document is in the workspace, once the workspace has been read (KnownDocuments.knows). */
export type KnowsDocument = (uri: string, token: CancellationToken) => Promise<boolean>;

/**
 * The requests behind "Certa: Generate checklists and matrices" and "Certa: Preview scheme". They
 * use the workspace the server already parsed and linked, the model builder and the generator the
 * CLI uses, so the editor shows and writes exactly what `certa generate` would.
 */
export function registerCertaRequests(connection: Connection, services: CertaServices, knows: KnowsDocument): void {
    const requests = new CertaRequests(services);
    connection.onRequest(GenerateRequest, async (params: GenerateParams, token) => requests.generate(await checkGenerate(params, knows, token)));
    connection.onRequest(PreviewRequest, async (params: PreviewParams, token) => requests.preview(await checkPreview(params, knows, token)));
}

/** Parameters from the client are checked before use: a wrong one answers InvalidParams. */
async function checkGenerate(params: unknown, knows: KnowsDocument, token: CancellationToken): Promise<GenerateParams> {
    const p = params as Partial<GenerateParams> | null;
    if (typeof p?.outputFolder !== 'string' || !Array.isArray(p.formats) || !p.formats.every(f => typeof f === 'string')) {
        throw invalid(`${GenerateRequest} needs an outputFolder and a list of formats`);
    }
    if (p.uri !== undefined) await checkKnown(p.uri, GenerateRequest, knows, token);
    return p as GenerateParams;
}

async function checkPreview(params: unknown, knows: KnowsDocument, token: CancellationToken): Promise<PreviewParams> {
    await checkKnown((params as Partial<PreviewParams> | null)?.uri, PreviewRequest, knows, token);
    return params as PreviewParams;
}

/**
 * A preview restored after a reload asks as soon as the server starts, before it has read the
 * workspace: the answer waits for that (and the restored editor's didOpen), as requests about a
 * document do (guarded-connection.ts).
 */
async function checkKnown(uri: unknown, method: string, knows: KnowsDocument, token: CancellationToken): Promise<void> {
    if (typeof uri !== 'string') throw invalid(`${method} needs the uri of a .certa document`);
    if (!await knows(uri, token)) throw invalid(`${method}: unknown document ${uri}`);
}

const invalid = (message: string) => new ResponseError(ErrorCodes.InvalidParams, message);

class CertaRequests {
    constructor(private readonly services: CertaServices) {}

    async generate(params: GenerateParams): Promise<GenerateResult> {
        const { documents, model } = await this.model();
        const broken = documents.filter(d => (d.diagnostics ?? []).some(diagnostic => diagnostic.severity === 1));
        if (broken.length > 0) {
            const names = broken.map(d => path.basename(d.uri.fsPath)).join(', ');
            return { files: [], errors: [`The sources have errors (${names}); fix them first (see the Problems panel).`] };
        }
        const schemes = params.uri ? model.schemes.filter(s => s.source === params.uri).map(s => s.id) : [undefined];
        if (schemes.length === 0) {
            return { files: [], errors: [`${path.basename(URI.parse(params.uri!).fsPath)} declares no scheme.`] };
        }
        const files = new Map<string, GeneratedFile>();
        const settings = this.settings(params.uri);
        for (const scheme of schemes) {
            const generated = await generateDocuments(model, { ...settings, formats: params.formats as never, scheme });
            generated.forEach(file => files.set(file.path, file));
        }
        // As `certa generate` writes: all files or none, never through a link that leads out of the folder.
        try {
            await prepareOutputFolder(params.outputFolder);
            await writeFilesAtomically(params.outputFolder, [...files.values()]);
        } catch (error) {
            if (error instanceof UsageError) return { files: [], errors: [error.message] };
            throw error;
        }
        return { files: [...files.keys()].map(file => path.resolve(params.outputFolder, ...file.split('/'))).sort(), errors: [] };
    }

    async preview(params: PreviewParams): Promise<PreviewResult> {
        const { documents, model } = await this.model();
        const file = path.basename(URI.parse(params.uri).fsPath);
        const filesWithErrors = documents
            .filter(d => (d.diagnostics ?? []).some(diagnostic => diagnostic.severity === 1))
            .map(d => path.basename(d.uri.fsPath));
        const banner = errorBanner(filesWithErrors);
        const schemes = model.schemes.filter(s => s.source === params.uri);
        // The preview shows every document of the scheme, whichever of them certa.json has written.
        const settings = { ...this.settings(params.uri), documents: undefined };
        const planned = schemes.length > 0
            ? schemes.flatMap(scheme => planDocuments(model, { ...settings, scheme: scheme.id })
                .filter(p => p.document.kind !== 'competence-matrix'))
            : planDocuments(model, settings).filter(p => p.document.kind === 'competence-matrix');
        if (planned.length === 0) {
            return { title: file, html: page(file, banner + '<p>Nothing to preview: this file declares no scheme, role, competence or person.</p>'), filesWithErrors };
        }
        const pages = planned.map(p => renderHtml(p.report));
        const style = /<style>[\s\S]*?<\/style>/.exec(pages[0])?.[0] ?? '';
        const bodies = pages.map(html => /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '');
        const title = schemes.length > 0 ? schemes.map(s => s.id).join(', ') : file;
        return { title, html: page(title, banner + bodies.join('\n<hr>\n'), style), filesWithErrors };
    }

    /** What the certa.json governing the document sets for generation, as `certa generate` reads it. */
    private settings(uri: string | undefined): { today: string; coverageCatalogs?: readonly string[]; documents?: readonly DocumentKind[] } {
        const manager = this.services.shared.workspace.WorkspaceManager as CertaWorkspaceManager;
        const config = uri ? manager.configFor(URI.parse(uri)) : manager.startup?.configs[0];
        // Validated against certa.json's schema when it was read: only known kinds.
        const documents = config?.output?.documents as DocumentKind[] | undefined;
        return { today: config?.today ?? today(), coverageCatalogs: config?.coverageCatalogs, documents };
    }

    /** The model of the whole workspace, once every document is linked and validated. */
    private async model() {
        await this.services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        const builtins = this.services.catalogs.BuiltinCatalogs;
        const all = this.services.shared.workspace.LangiumDocuments.all.toArray();
        const documents: LangiumDocument[] = all.filter(d => !builtins.isBuiltin(d.uri));
        const model = buildCertaModel(documents, all.filter(d => builtins.isBuiltin(d.uri)));
        return { documents, model };
    }
}

/**
 * The generated page is a printable document on white paper; in the editor it follows the colour
 * theme instead, through the variables VS Code defines in every webview (no script needed). Tinted
 * cells keep dark text on their light tints in any theme. A narrow side pane gets tighter cells,
 * one-column facts, and tables that scroll sideways rather than break headers inside words.
 */
const THEME = `<style>
:root { color-scheme: light dark; }
html, body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); margin: 0; padding: 0 1.2em 1.2em; }
a { color: var(--vscode-textLink-foreground); }
h2 { border-bottom-color: var(--vscode-textLink-foreground); }
p.note, p.empty { color: var(--vscode-descriptionForeground); }
th, td { border-color: var(--vscode-panel-border, #8c8c8c); }
tbody tr:nth-child(even) td { background-color: var(--vscode-list-hoverBackground, transparent); }
td[class*="tone-"], td[class*="tone-"] a { color: #1b1b1b; }
div.certa-banner { margin: .8em 0; padding: .6em .8em; border-left: 4px solid var(--vscode-editorError-foreground, #c00);
  background: var(--vscode-inputValidation-errorBackground, #fde7e9); color: var(--vscode-foreground, inherit); }
@media (max-width: 720px) {
  body { padding: 0 .6em .6em; font-size: 13px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .3em; }
  th, td { padding: .15rem .3rem; }
  table.wide { font-size: .8em; }
}
</style>`;

function page(title: string, body: string, style = ''): string {
    return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n${style}\n${THEME}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** Says that the preview may be incomplete: built from sources with errors (as `certa generate --force` would). */
function errorBanner(files: string[]): string {
    if (files.length === 0) return '';
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
    return `<div class="certa-banner" role="alert"><strong>The sources have errors</strong> (${escape(shown)}): `
        + 'this preview shows what could be read and may be incomplete. Fix the errors listed in the Problems panel.</div>\n';
}

function escape(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function today(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
