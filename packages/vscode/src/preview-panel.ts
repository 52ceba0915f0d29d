import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewParams, PreviewResult } from './protocol.js';
import { PreviewRequest } from './protocol.js';

/**
 * "Certa: Preview scheme": the HTML rendering of the schemes in a file, in a webview beside the
 * editor, refreshed on save. The page runs no scripts and loads nothing remote: the
 * Content-Security-Policy only allows its own inline styles and images from the extension.
 */
export class PreviewPanel implements vscode.Disposable {
    private static readonly viewType = 'certa.preview';
    private panel?: vscode.WebviewPanel;
    private source?: vscode.Uri;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly client: LanguageClient, private readonly toServer: (uri: vscode.Uri) => vscode.Uri) {
        this.disposables.push(vscode.workspace.onDidSaveTextDocument(document => {
            if (this.panel && this.source && document.languageId === 'certa') {
                void this.refresh();
            }
        }));
    }

    async show(source: vscode.Uri): Promise<void> {
        this.source = source;
        if (!this.panel) {
            this.panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, 'Certa preview', vscode.ViewColumn.Beside, {
                enableScripts: false,
                enableCommandUris: false,
                localResourceRoots: []
            });
            this.panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.disposables);
        } else {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        }
        await this.refresh();
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
            panel.webview.html = withContentSecurityPolicy(
                `<!DOCTYPE html><html><head></head><body><h1>No preview</h1><p>${escapeHtml(String(error))}</p></body></html>`,
                panel.webview.cspSource);
        }
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(d => d.dispose());
    }
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
