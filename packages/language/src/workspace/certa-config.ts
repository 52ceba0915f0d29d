import type { FileSystemProvider, URI } from 'langium';
import { UriUtils } from 'langium';
import { Ajv, type ValidateFunction } from 'ajv';
import { certaConfigSchema } from './certa-config-schema.js';

export const CONFIG_FILE_NAME = 'certa.json';

/** A workspace file, read and checked; every path is absolute. */
export interface CertaConfig {
    /** The certa.json itself. */
    file: URI;
    /** Its folder: the root of the workspace. */
    root: URI;
    sources: URI[];
    shared: URI[];
    coverageCatalogs?: string[];
    today?: string;
    strict?: boolean;
    output?: { folder?: URI; formats?: string[]; documents?: string[] };
}

/** A certa.json that cannot be used: the message says which file, what is wrong and how to fix it. */
export class CertaConfigError extends Error {}

interface RawConfig {
    sources?: string[];
    shared?: string[];
    coverageCatalogs?: string[];
    today?: string;
    strict?: boolean;
    output?: { folder?: string; formats?: string[]; documents?: string[] };
}

// Compiled on first use: compiling the schema is a tenth of a cold `certa validate` that has no certa.json.
let compiledSchema: ValidateFunction<RawConfig> | undefined;
const configValidator = () => compiledSchema ??= new Ajv({ allErrors: true }).compile<RawConfig>(certaConfigSchema);

/**
 * The certa.json that governs `start` (a file or folder): the nearest one in it or above it, as
 * TypeScript finds tsconfig.json. Undefined when there is none: then the files named are the workspace.
 */
export function findCertaConfig(fileSystem: FileSystemProvider, start: URI): CertaConfig | undefined {
    let folder = isFolder(fileSystem, start) ? start : UriUtils.dirname(start);
    for (;;) {
        const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        if (fileSystem.existsSync(candidate) && !isFolder(fileSystem, candidate)) return readCertaConfig(fileSystem, candidate);
        const parent = UriUtils.dirname(folder);
        if (parent.toString() === folder.toString()) return undefined;
        folder = parent;
    }
}

/** Reads and checks one certa.json against its schema (schemas/certa.schema.json). */
export function readCertaConfig(fileSystem: FileSystemProvider, file: URI): CertaConfig {
    const shown = file.fsPath;
    let raw: unknown;
    try {
        raw = JSON.parse(fileSystem.readFileSync(file));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CertaConfigError(`${shown}: not valid JSON (${reason}). Fix the file, or delete it to use the folders given.`);
    }
    const validate = configValidator();
    if (!validate(raw)) {
        const problems = (validate.errors ?? []).map(e => {
            const where = e.instancePath || '(the top level)';
            const allowed = e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : '';
            const extra = e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : '';
            return `${where} ${e.message ?? 'is invalid'}${extra}${allowed}`;
        });
        throw new CertaConfigError(`${shown}: ${problems.join('; ')}. See docs/language.md ("The workspace file") for the fields.`);
    }
    const root = UriUtils.dirname(file);
    const resolve = (relative: string) => UriUtils.resolvePath(root, relative);
    const config: CertaConfig = {
        file, root,
        sources: (raw.sources ?? ['.']).map(resolve),
        shared: (raw.shared ?? []).map(resolve),
        coverageCatalogs: raw.coverageCatalogs,
        today: raw.today,
        strict: raw.strict,
        output: raw.output && { folder: raw.output.folder ? resolve(raw.output.folder) : undefined, formats: raw.output.formats, documents: raw.output.documents }
    };
    for (const folder of [...config.sources, ...config.shared]) {
        if (!fileSystem.existsSync(folder)) {
            throw new CertaConfigError(`${shown}: '${folder.fsPath}' does not exist. Create it or remove it from certa.json.`);
        }
        if (!isFolder(fileSystem, folder)) {
            throw new CertaConfigError(`${shown}: '${folder.fsPath}' is not a folder. Name the folder that holds it.`);
        }
    }
    return config;
}

function isFolder(fileSystem: FileSystemProvider, uri: URI): boolean {
    try {
        return fileSystem.statSync(uri).isDirectory;
    } catch {
        return false;
    }
}

/** The folders (and files) a workspace governed by `config` consists of: its sources, then its shared folders. */
export function workspaceRoots(config: CertaConfig): URI[] {
    const seen = new Set<string>();
    return [...config.sources, ...config.shared].filter(uri => !seen.has(uri.toString()) && Boolean(seen.add(uri.toString())));
}
