import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { CertaServices, LoadedWorkspace } from '@certa/language';
import { createCertaServices, loadWorkspace } from '@certa/language';
import { collectSourceFiles } from './source-files.js';

export interface CliWorkspace extends LoadedWorkspace {
    services: CertaServices;
    files: string[];
}

/** Parses, links and validates the given paths with the builtin catalogs, as the language server would. */
export async function openWorkspace(paths: string[]): Promise<CliWorkspace> {
    const files = paths.length > 0 ? await collectSourceFiles(paths) : [];
    const { Certa } = createCertaServices(NodeFileSystem);
    const loaded = await loadWorkspace(Certa, files);
    return { ...loaded, services: Certa, files };
}

export function hasErrors(documents: LangiumDocument[]): boolean {
    return documents.some(document => (document.diagnostics ?? []).some(d => d.severity === 1));
}
