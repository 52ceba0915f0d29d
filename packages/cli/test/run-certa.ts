import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const certaBin = fileURLToPath(new URL('../bin/certa.js', import.meta.url));

export interface CertaRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the built `certa` command as a user would, in `cwd`, without colours forced. */
export function runCerta(args: string[], cwd: string, env: Record<string, string> = {}): CertaRun {
    const result = spawnSync(process.execPath, [certaBin, ...args], {
        cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs certa with file permissions enforced: they mean nothing to root, and CI runs as root. Root
 * is kept (so certa can still read everything it could) but loses every capability, so the
 * permission bits apply to it as to the owner of the files.
 */
export function runCertaUnprivileged(args: string[], cwd: string): CertaRun {
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? 'setpriv' : process.execPath;
    const prefix = asRoot ? ['--bounding-set=-all', '--inh-caps=-all', process.execPath] : [];
    const result = spawnSync(command, [...prefix, certaBin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder with the given files (relative path → content). */
export function tempWorkspace(files: Record<string, string | Buffer>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-cli-'));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(root, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return root;
}
