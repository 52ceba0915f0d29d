import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { CertaConfig, CertaServices, LoadedWorkspace } from '@certa/language';
import { createCertaServices, loadWorkspace } from '@certa/language';
import { collectSourceFiles } from './source-files.js';
import { workspaceConfig } from './workspace-config.js';

export interface CliWorkspace extends LoadedWorkspace {
    services: CertaServices;
    /** The files reported on: those named, or the certa.json's sources and shared folders. */
    files: string[];
    /** The documents of those files; `documents` also holds the shared files loaded as context. */
    reported: LangiumDocument[];
    /** The certa.json that governs the run, if any. */
    config?: CertaConfig;
}

/**
 * Parses, links and validates the given paths with the builtin catalogs, as the language server
 * would. Under a certa.json the shared folders are always loaded (the names the schemes use are
 * declared there), and no paths means the file's sources; without one, `.` as before.
 */
export async function openWorkspace(paths: string[], options: { config?: CertaConfig; defaultToCurrentFolder?: boolean } = {}): Promise<CliWorkspace> {
    const config = 'config' in options ? options.config : workspaceConfig(paths);
    const named = paths.length > 0 ? paths : config ? [...config.sources, ...config.shared].map(uri => uri.fsPath)
        : options.defaultToCurrentFolder ? ['.'] : [];
    const files = named.length > 0 ? await collectSourceFiles(named) : [];
    const context = config && paths.length > 0 ? await collectSourceFiles(config.shared.map(uri => uri.fsPath)).catch(() => []) : [];
    const reported = new Set(files);
    const { Certa } = createCertaServices(NodeFileSystem, { production: true, catalogDirectory: catalogDirectory() });
    const loaded = await loadWorkspace(Certa, [...files, ...context.filter(file => !reported.has(file))]);
    const reportedDocuments = loaded.documents.filter(document => reported.has(document.uri.fsPath));
    return { ...loaded, reported: reportedDocuments, services: Certa, files, config };
}

/**
 * The language package's catalogs folder, found as Node finds the package: the language module
 * cannot tell from its own location once it is bundled into dist/certa.cjs.
 */
function catalogDirectory(): string {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('@certa/language/package.json')), 'catalogs');
}

export function hasErrors(documents: LangiumDocument[]): boolean {
    return documents.some(document => (document.diagnostics ?? []).some(d => d.severity === 1));
}
