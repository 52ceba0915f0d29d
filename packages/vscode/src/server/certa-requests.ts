import type { CertaServices } from '@certa/language';
import type { Connection } from 'vscode-languageserver';
import type { GenerateParams, GenerateResult, PreviewParams, PreviewResult } from '../protocol.js';
import { GenerateRequest, PreviewRequest } from '../protocol.js';

/** The requests behind "Certa: Generate checklists and matrices" and "Certa: Preview scheme". */
export function registerCertaRequests(connection: Connection, services: CertaServices): void {
    void services;
    connection.onRequest(GenerateRequest, async (_params: GenerateParams): Promise<GenerateResult> => {
        return { files: [], errors: ['The generator is not wired yet.'] };
    });
    connection.onRequest(PreviewRequest, async (params: PreviewParams): Promise<PreviewResult> => {
        return { title: params.uri, html: '<html><head></head><body><p>Preview not wired yet.</p></body></html>' };
    });
}
