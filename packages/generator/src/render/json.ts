import type { CertaDocument } from '../documents.js';

/** The document as data, described by `schema/certa-documents.schema.json`. */
export function renderJson(document: CertaDocument): string {
    return JSON.stringify(document, null, 2) + '\n';
}
