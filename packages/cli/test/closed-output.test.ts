import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certaBin, tempWorkspace } from './run-certa.js';

const roles = 'role Auditor "Auditor" { needs AuditPrinciples }\ncompetence AuditPrinciples "Audit principles" basis ISO17021_1 A\n';
/** 300 unknown catalogs with long names: a report of about half a megabyte, far more than a pipe holds. */
const manyErrors = Array.from({ length: 300 }, (_, i) => `competence C${i} "C${i}" basis ${'X'.repeat(800)}${i} 4`).join('\n');

interface ClosedRun {
    code: number | null;
    signal: NodeJS.Signals | null;
    /** What certa wrote to the stream that stayed open. */
    other: string;
    /** What was read from the closed stream before it was closed. */
    received: string;
}

/**
 * Runs certa with stdout and stderr on real pipes and closes the reading end of one of them: at
 * once (before certa has written anything) or after the first chunk, as `head` does.
 */
function runWithClosedReader(args: string[], cwd: string, closed: 'stdout' | 'stderr', when: 'at-start' | 'after-first-chunk'): Promise<ClosedRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [certaBin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        const reader = child[closed];
        const open = closed === 'stdout' ? child.stderr : child.stdout;
        let other = '';
        let received = '';
        open.setEncoding('utf8').on('data', (text: string) => other += text);
        if (when === 'at-start') reader.destroy();
        else reader.once('data', (chunk: Buffer) => {
            received = chunk.toString('utf8');
            reader.destroy();
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('error', reject);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, other, received });
        });
    });
}

const stackTrace = /\bat .*:\d+:\d+|Unhandled 'error'|EPIPE/;

describe('closed outputs', () => {
    it.each([
        [['rules']],
        [['rules', '--format', 'json']],
        [['catalog', 'list']],
        [['catalog', 'show', 'ISO9001', '--format', 'json']],
        [['validate', '--format', 'json', '.']],
        [['validate', '--format', 'sarif', '.']],
        [['--help']]
    ])('certa %j exits quietly with its own code when stdout is closed before it writes', async args => {
        const run = await runWithClosedReader(args, tempWorkspace({ 'roles.certa': roles }), 'stdout', 'at-start');
        expect(run.other).not.toMatch(stackTrace);
        expect(run.signal).toBeNull();
        expect(run.code).toBe(0);
    });

    it('stops quietly when a large JSON report is cut off by the reader, and still exits 1 for the errors', async () => {
        const root = tempWorkspace({ 'many.certa': manyErrors });
        for (const format of ['json', 'sarif', 'text']) {
            const run = await runWithClosedReader(['validate', '--format', format, '.'], root, 'stdout', 'after-first-chunk');
            expect(run.received.length, format).toBeGreaterThan(0);
            expect(run.received, format).not.toContain("XXX299'"); // the reader left before the last diagnostic
            expect(run.other, format).not.toMatch(stackTrace);
            expect(run.code, format).toBe(1);
        }
    });

    it('certa validate | head -1 prints the first diagnostic and nothing else', () => {
        const root = tempWorkspace({ 'many.certa': manyErrors });
        const run = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(certaBin)} validate . 2>err.txt | head -1; echo "exit \${PIPESTATUS[0]}"`],
            { cwd: root, encoding: 'utf8', timeout: 60_000 });
        expect(run.stdout).toMatch(/^many\.certa:1:26 error certa\.reference\.unknown-catalog Unknown catalog 'X+0'.*\nexit 1\n$/);
        expect(fs.readFileSync(path.join(root, 'err.txt'), 'utf8')).toBe('1 file checked: 300 errors, 0 warnings\n');
    });

    it('keeps generating when stderr is closed: the files are written and the exit code says so', async () => {
        const root = tempWorkspace({ 'roles.certa': roles });
        const run = await runWithClosedReader(['generate', '.', '--out', 'out', '--format', 'md'], root, 'stderr', 'at-start');
        expect(run.code).toBe(0);
        expect(fs.existsSync(path.join(root, 'out/competence-matrix.md'))).toBe(true);
    });

    it('validate prints its findings and exits with its own code when stderr is closed', async () => {
        const root = tempWorkspace({ 'empty.certa': '' });
        const run = await runWithClosedReader(['validate', '.'], root, 'stderr', 'at-start');
        expect(run.other).toMatch(/^empty\.certa:1:1 warning certa\.syntax\.empty-file .+\n$/);
        expect(run.code).toBe(0); // warnings pass; a crash would exit 1
    });

    it('reports output that cannot be written (a full disk) in one line and exits 2', () => {
        const root = tempWorkspace({ 'roles.certa': roles });
        const out = fs.openSync('/dev/full', 'w');
        try {
            const run = spawnSync(process.execPath, [certaBin, 'validate', '--format', 'sarif', '.'], { cwd: root, encoding: 'utf8', stdio: ['ignore', out, 'pipe'], timeout: 60_000 });
            expect(run.stderr).toBe('certa: cannot write the output (ENOSPC); check where it goes (disk space, permissions)\n');
            expect(run.status).toBe(2);
        } finally {
            fs.closeSync(out);
        }
    });
});
