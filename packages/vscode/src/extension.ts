import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { BUILTIN_SCHEME, BuiltinCatalogFileSystem, BuiltinCatalogUris } from './builtin-catalog-file-system.js';
import { PreviewPanel } from './preview-panel.js';
import type { GenerateParams, GenerateResult } from './protocol.js';
import { GenerateRequest } from './protocol.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const catalogs = new BuiltinCatalogUris(context.asAbsolutePath(path.join('dist', 'catalogs')));
    context.subscriptions.push(vscode.workspace.registerFileSystemProvider(
        BUILTIN_SCHEME, new BuiltinCatalogFileSystem(catalogs), { isCaseSensitive: true, isReadonly: true }));

    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { language: 'certa', scheme: 'file' },
            { language: 'certa', scheme: 'untitled' },
            { language: 'certa', scheme: BUILTIN_SCHEME }
        ],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.certa') },
        uriConverters: {
            code2Protocol: uri => catalogs.toServer(uri).toString(),
            protocol2Code: value => catalogs.toEditor(vscode.Uri.parse(value))
        },
        middleware: {
            provideInlayHints: (document, range, token, next) =>
                vscode.workspace.getConfiguration('certa', document).get('inlayHints.clauseHeadings', true)
                    ? next(document, range, token)
                    : []
        }
    };
    client = new LanguageClient('certa', 'Certa', serverOptions, clientOptions);
    const preview = new PreviewPanel(client, uri => catalogs.toServer(uri), context.workspaceState);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('certa.preview', (uri?: vscode.Uri) => {
            const source = uri ?? vscode.window.activeTextEditor?.document.uri;
            if (!source) {
                return vscode.window.showInformationMessage('Open a .certa file to preview its schemes.');
            }
            return preview.show(source);
        }),
        vscode.commands.registerCommand('certa.generate', (uri?: vscode.Uri) => generate(uri))
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Generates for the active scheme file (or the whole workspace) into the configured folder. */
async function generate(uri?: vscode.Uri): Promise<void> {
    if (!client) return;
    const active = vscode.window.activeTextEditor?.document;
    const source = uri ?? (active?.languageId === 'certa' && active.uri.scheme === 'file' ? active.uri : undefined);
    const folder = (source && vscode.workspace.getWorkspaceFolder(source)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        await vscode.window.showWarningMessage('Certa: open a folder to generate checklists and matrices into.');
        return;
    }
    const settings = vscode.workspace.getConfiguration('certa', folder);
    const outputFolder = path.resolve(folder.uri.fsPath, settings.get('generate.outputFolder', 'certa-out'));
    const params: GenerateParams = {
        uri: source?.toString(),
        outputFolder,
        formats: settings.get('generate.formats', ['md', 'html', 'csv', 'xlsx', 'json'])
    };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Certa: generating checklists and matrices' },
        () => client!.sendRequest<GenerateResult>(GenerateRequest, params));
    if (result.errors.length > 0) {
        await vscode.window.showErrorMessage(`Certa: nothing generated. ${result.errors.join(' ')}`);
        return;
    }
    const where = path.relative(folder.uri.fsPath, outputFolder) || '.';
    const reveal = 'Show files';
    const choice = await vscode.window.showInformationMessage(
        `Certa: wrote ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${where}.`, reveal);
    if (choice === reveal && result.files.length > 0) {
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(result.files[0]));
    }
}
