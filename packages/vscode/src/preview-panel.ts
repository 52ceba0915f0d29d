import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewParams, PreviewResult } from './protocol.js';
import { PreviewRequest } from './protocol.js';

/**
 * "Certa: Preview scheme": the HTML rendering of the schemes in a file, in a webview beside the
 * editor, refreshed on save. The page runs no scripts and loads nothing remote: the
 * Content-Security-Policy only allows its own inline styles and images from the extension. The
 * page follows the editor's colour theme (the server styles it with VS Code's theme variables).
 *
 * After a reload VS Code restores the panel through the serializer below. A script-free webview
 * has no state of its own, so the previewed file is kept in the workspace state instead.
 */
export class PreviewPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
    static readonly viewType = 'certa.preview';
    private static readonly sourceKey = 'certa.preview.source';
    private panel?: vscode.WebviewPanel;
    private source?: vscode.Uri;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly client: LanguageClient,
        private readonly toServer: (uri: vscode.Uri) => vscode.Uri,
        private readonly state: vscode.Memento
    ) {
        this.disposables.push(vscode.workspace.onDidSaveTextDocument(document => {
            if (this.panel && this.source && document.languageId === 'certa') {
                void this.refresh();
            }
        }));
        this.disposables.push(vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, this));
    }

    async show(source: vscode.Uri): Promise<void> {
        if (!this.panel) {
            this.adopt(vscode.window.createWebviewPanel(PreviewPanel.viewType, 'Certa preview', vscode.ViewColumn.Beside, PreviewPanel.options()));
        } else {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        }
        await this.setSource(source);
        await this.refresh();
    }

    /** Called by VS Code after a reload for a preview that was open. */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
        panel.webview.options = PreviewPanel.options();
        const saved = this.state.get<string>(PreviewPanel.sourceKey);
        if (this.panel || !saved) {
            panel.dispose();
            return;
        }
        this.adopt(panel);
        this.source = vscode.Uri.parse(saved);
        // The server answers once the workspace is built; until then the panel says so.
        panel.webview.html = withContentSecurityPolicy(message('Preview', 'Loading the workspace…'), panel.webview.cspSource);
        await this.client.start().catch(() => undefined);
        await this.refresh();
    }

    private static options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    }

    private adopt(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        panel.onDidDispose(() => {
            this.panel = undefined;
            void this.state.update(PreviewPanel.sourceKey, undefined);
        }, undefined, this.disposables);
    }

    private async setSource(source: vscode.Uri): Promise<void> {
        this.source = source;
        await this.state.update(PreviewPanel.sourceKey, source.toString());
    }

    private async refresh(): Promise<void> {
        const panel = this.panel;
        if (!panel || !this.source) return;
        try {
            const params: PreviewParams = { uri: this.toServer(this.source).toString() };
            const result = await this.client.sendRequest<PreviewResult>(PreviewRequest, params);
            panel.title = `Preview: ${result.title}`;
            panel.webview.html = withContentSecurityPolicy(result.html, panel.webview.cspSource);
        } catch (error) {
            panel.webview.html = withContentSecurityPolicy(message('No preview', String(error)), panel.webview.cspSource);
        }
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(d => d.dispose());
    }
}

function message(title: string, text: string): string {
    return `<!DOCTYPE html><html><head></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

/** Puts a strict policy first in `<head>`: no scripts, no remote anything, only inline styles. */
export function withContentSecurityPolicy(html: string, cspSource: string): string {
    const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; `
        + `style-src 'unsafe-inline' ${cspSource}; img-src ${cspSource} data:; font-src ${cspSource};">`;
    if (/<head[^>]*>/i.test(html)) {
        return html.replace(/<head[^>]*>/i, match => `${match}\n${policy}`);
    }
    return `<!DOCTYPE html><html><head>${policy}</head><body>${html}</body></html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
