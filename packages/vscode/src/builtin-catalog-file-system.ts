import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The scheme under which the builtin catalogs open in the editor. */
export const BUILTIN_SCHEME = 'certa-builtin';

/**
 * Serves the builtin catalogs (shipped inside the extension) read-only under `certa-builtin:/<file>`.
 * The language server keeps knowing them by their file URIs; the client translates (see
 * `BuiltinCatalogUris`), so go-to-definition opens a read-only editor and nothing is copied into
 * the user's folder.
 */
export class BuiltinCatalogFileSystem implements vscode.FileSystemProvider {
    private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    readonly onDidChangeFile = this.changes.event;

    constructor(private readonly uris: BuiltinCatalogUris) {}

    watch(): vscode.Disposable {
        return new vscode.Disposable(() => undefined);
    }

    async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
        const stat = await this.fsStat(uri);
        return {
            type: stat.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File,
            ctime: stat.ctimeMs,
            mtime: stat.mtimeMs,
            size: stat.size,
            permissions: vscode.FilePermission.Readonly
        };
    }

    async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
        const entries = await fs.readdir(this.uris.toFsPath(uri), { withFileTypes: true });
        return entries.map(entry => [entry.name, entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File]);
    }

    async readFile(uri: vscode.Uri): Promise<Uint8Array> {
        try {
            return await fs.readFile(this.uris.toFsPath(uri));
        } catch {
            throw vscode.FileSystemError.FileNotFound(uri);
        }
    }

    createDirectory(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    writeFile(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    delete(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    rename(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    private async fsStat(uri: vscode.Uri) {
        try {
            return await fs.stat(this.uris.toFsPath(uri));
        } catch {
            throw vscode.FileSystemError.FileNotFound(uri);
        }
    }
}

/** Translates between the server's file URIs of builtin catalogs and the editor's `certa-builtin:` URIs. */
export class BuiltinCatalogUris {
    constructor(private readonly folder: string) {}

    /** `file:///…/dist/catalogs/iso-9001.certa` → `certa-builtin:/iso-9001.certa`; other URIs unchanged. */
    toEditor(uri: vscode.Uri): vscode.Uri {
        if (uri.scheme !== 'file') return uri;
        const relative = path.relative(this.folder, uri.fsPath);
        if (relative.startsWith('..') || path.isAbsolute(relative)) return uri;
        return vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${relative.split(path.sep).join('/')}` });
    }

    /** The inverse of `toEditor`. */
    toServer(uri: vscode.Uri): vscode.Uri {
        return uri.scheme === BUILTIN_SCHEME ? vscode.Uri.file(this.toFsPath(uri)) : uri;
    }

    toFsPath(uri: vscode.Uri): string {
        const resolved = path.resolve(this.folder, `.${uri.path}`);
        if (path.relative(this.folder, resolved).startsWith('..')) {
            throw vscode.FileSystemError.FileNotFound(uri);
        }
        return resolved;
    }
}
