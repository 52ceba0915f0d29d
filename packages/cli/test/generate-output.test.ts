import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, ROLES, scheme } from './generate-fixtures.js';
import { runCerta, runCertaUnprivileged, tempWorkspace } from './run-certa.js';

/** Above Linux's PID_MAX_LIMIT (2^22), so no process can have it: a writer that is surely dead. */
const DEAD_PID = 4_194_305;

const sources = () => tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Q?') });

describe('certa generate: the output folder', () => {
    it.each([
        ['a folder under /proc', '/proc/certa-out', 'certa: --out /proc/certa-out: cannot create the folder /proc/certa-out (ENOENT: this file system takes no new folders); choose another folder\n'],
        ['/proc itself', '/proc', 'certa: --out /proc: cannot write files in this folder (ENOENT); choose another folder\n'],
        ['a device', '/dev/null', 'certa: --out /dev/null is a device, not a folder\n'],
        ['a path under a device', '/dev/null/out', 'certa: --out /dev/null/out: /dev/null is a device, not a folder\n'],
        ['a path under a file', 'roles.certa/out', 'certa: --out roles.certa/out: roles.certa is a file, not a folder\n']
    ])('fails fast with one line and exit 2 for %s', (_, out, message) => {
        const run = runCerta(['generate', '.', '--out', out, '--format', 'md'], sources());
        expect(run.stderr).toBe(message);
        expect(run.code).toBe(2);
        expect(fs.existsSync('/proc/certa-out')).toBe(false);
    });

    it('checks --out before loading the sources', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'bad.certa': BROKEN });
        const run = runCerta(['generate', '.', '--out', '/dev/null'], root);
        expect(run.stderr).toBe('certa: --out /dev/null is a device, not a folder\n'); // not the errors of bad.certa
        expect(run.code).toBe(2);
    });

    it('fails with one line for a folder it may not write in, and for a new folder inside it', () => {
        const root = sources();
        fs.chmodSync(root, 0o755);
        fs.mkdirSync(path.join(root, 'locked'), { mode: 0o555 });
        for (const out of ['locked', 'locked/new']) {
            const run = runCertaUnprivileged(['generate', '.', '--out', out, '--format', 'md'], root);
            expect(run.stderr).toBe(`certa: --out ${out}: cannot write in locked (EACCES: permission denied); choose another folder or change its permissions\n`);
            expect(run.code).toBe(2);
        }
        expect(fs.readdirSync(path.join(root, 'locked'))).toEqual([]);
    });

    it('refuses to write through a symlinked folder planted in --out, names it, and writes nothing', () => {
        const root = sources();
        fs.mkdirSync(path.join(root, 'out'));
        fs.mkdirSync(path.join(root, 'elsewhere'));
        fs.symlinkSync('../elsewhere', path.join(root, 'out/QMS'));
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.stderr).toBe(`certa: refusing to write through the symbolic link out/QMS (it leads to ${fs.realpathSync(path.join(root, 'elsewhere'))}, outside --out out); remove the link\n`);
        expect(run.code).toBe(2);
        expect(fs.readdirSync(path.join(root, 'elsewhere'))).toEqual([]);
        expect(fs.readdirSync(path.join(root, 'out'))).toEqual(['QMS']);
    });

    it('replaces a symlinked file planted in --out instead of writing through it', () => {
        const root = sources();
        fs.mkdirSync(path.join(root, 'out'));
        fs.writeFileSync(path.join(root, 'victim.md'), 'keep me');
        fs.symlinkSync('../victim.md', path.join(root, 'out/index.md'));
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.code).toBe(0);
        expect(fs.readFileSync(path.join(root, 'victim.md'), 'utf8')).toBe('keep me');
        expect(fs.lstatSync(path.join(root, 'out/index.md')).isFile()).toBe(true);
    });

    it('writes into a symlinked --out and symlinked folders that stay inside it', () => {
        const root = sources();
        fs.mkdirSync(path.join(root, 'real-out/shared'), { recursive: true });
        fs.symlinkSync('real-out', path.join(root, 'out'));
        fs.symlinkSync('shared', path.join(root, 'real-out/QMS'));
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.stderr).toBe('certa: wrote 4 files to out (md)\n');
        expect(run.code).toBe(0);
        expect(fs.existsSync(path.join(root, 'real-out/shared/checklist.md'))).toBe(true);
    });
});

describe('certa generate: leftovers of interrupted runs', () => {
    it('removes the temporary files of dead runs, and nothing else', () => {
        const root = sources();
        expect(runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root).code).toBe(0);
        const planted = {
            deadTemp: `out/QMS/.checklist.md.certa-${DEAD_PID}-deadbeef.tmp`,
            deadBackup: `out/.index.md.certa-${DEAD_PID}-0badf00d.bak`,
            aliveTemp: `out/.index.md.certa-${process.pid}-12345678.tmp`, // this test's own process is alive
            notHex: `out/.notes.certa-${DEAD_PID}-zzzzzzzz.tmp`,
            notHidden: `out/notes.certa-${DEAD_PID}-deadbeef.tmp`,
            userTemp: 'out/.draft.tmp'
        };
        for (const file of Object.values(planted)) fs.writeFileSync(path.join(root, file), 'partial');

        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.stderr).toBe('certa: removed 2 temporary files left in out by an interrupted run\ncerta: wrote 4 files to out (md)\n');
        expect(run.code).toBe(0);
        const left = (file: string) => fs.existsSync(path.join(root, file));
        expect(left(planted.deadTemp)).toBe(false);
        expect(left(planted.deadBackup)).toBe(false);
        for (const kept of [planted.aliveTemp, planted.notHex, planted.notHidden, planted.userTemp]) expect(left(kept), kept).toBe(true);
        expect(fs.readFileSync(path.join(root, 'out/QMS/checklist.md'), 'utf8')).toContain('Q?');
    });
});
