import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { CertaConfig } from '@certa/language';
import { CertaConfigError, findCertaConfig } from '@certa/language';
import { UsageError } from './cli-error.js';

/**
 * The certa.json governing a run: the nearest one at or above the first path given (or the current
 * folder), found and checked exactly as the language server does. A broken one is a usage error
 * (exit 2) that names the file and the field.
 */
export function workspaceConfig(paths: string[]): CertaConfig | undefined {
    const start = path.resolve(paths[0] ?? '.');
    try {
        return findCertaConfig(NodeFileSystem.fileSystemProvider(), URI.file(start));
    } catch (error) {
        if (error instanceof CertaConfigError) throw new UsageError(error.message);
        throw error;
    }
}
