import type { FileSystemProvider, URI, WorkspaceFolder } from 'langium';
import { URI as Uri, UriUtils } from 'langium';
import type { CertaConfig } from './certa-config.js';
import { CertaConfigError, findCertaConfig, workspaceRoots } from './certa-config.js';

/** What a language server startup loaded, for its log. */
export interface WorkspaceStartup {
    configs: CertaConfig[];
    /** certa.json files that could not be used (their folder is then read as it is). */
    problems: string[];
    folders: string[];
    /** The user's documents (the builtin catalogs are counted apart). */
    documents: URI[];
    builtinCatalogs: number;
    milliseconds: number;
}

/**
 * The folders to read for the opened ones: where a certa.json governs an opened folder (in it or
 * above it), its sources and shared folders instead; elsewhere the folder itself (today's behaviour).
 */
export function configuredFolders(fileSystem: FileSystemProvider, opened: WorkspaceFolder[]): {
    folders: WorkspaceFolder[]; configs: CertaConfig[]; problems: string[];
} {
    const folders: WorkspaceFolder[] = [];
    const configs: CertaConfig[] = [];
    const problems: string[] = [];
    for (const folder of opened) {
        let config: CertaConfig | undefined;
        try {
            config = findCertaConfig(fileSystem, Uri.parse(folder.uri));
        } catch (error) {
            if (!(error instanceof CertaConfigError)) throw error;
            problems.push(error.message);
        }
        if (!config) {
            folders.push(folder);
            continue;
        }
        configs.push(config);
        for (const root of workspaceRoots(config)) folders.push({ name: UriUtils.basename(root), uri: root.toString() });
    }
    const seen = new Set<string>();
    return { folders: folders.filter(f => !seen.has(f.uri) && Boolean(seen.add(f.uri))), configs, problems };
}
