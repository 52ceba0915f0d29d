import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, ROLES, scheme, snapshot } from './generate-fixtures.js';
import { runCerta, runCertaUnprivileged, tempWorkspace } from './run-certa.js';

const MANIFEST = '.certa-outputs.json';
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

    it('fails with one line for an --out that is, or passes through, a broken or looping symbolic link', () => {
        const root = sources();
        fs.symlinkSync('loop', path.join(root, 'loop'));
        fs.symlinkSync('moved-away', path.join(root, 'dangling'));
        for (const [out, link] of [['loop', 'loop'], ['dangling/docs', 'dangling']]) {
            const run = runCerta(['generate', '.', '--out', out, '--format', 'md'], root);
            expect(run.stderr).toBe(`certa: --out ${out}: ${link} is a symbolic link that leads nowhere; fix or remove the link\n`);
            expect(run.code).toBe(2);
        }
        expect(fs.existsSync(path.join(root, 'moved-away'))).toBe(false);
    });

    it('checks --out before loading the sources', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'bad.certa': BROKEN });
        const run = runCerta(['generate', '.', '--out', '/dev/null'], root);
        expect(run.stderr).toBe('certa: --out /dev/null is a device, not a folder\n'); // not the errors of bad.certa
        expect(run.code).toBe(2);
    });

    it('fails with one line for a folder it may not write in, and for a new folder inside it', () => {
        const root = sources();
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
        expect(run.stderr).toBe('certa: wrote 6 files to out (md)\n');
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
        expect(run.stderr).toBe('certa: removed 2 temporary files left in out by an interrupted run\ncerta: wrote 6 files to out (md)\n');
        expect(run.code).toBe(0);
        const left = (file: string) => fs.existsSync(path.join(root, file));
        expect(left(planted.deadTemp)).toBe(false);
        expect(left(planted.deadBackup)).toBe(false);
        for (const kept of [planted.aliveTemp, planted.notHex, planted.notHidden, planted.userTemp]) expect(left(kept), kept).toBe(true);
        expect(fs.readFileSync(path.join(root, 'out/QMS/checklist.md'), 'utf8')).toContain('Q?');
    });
});

describe('certa generate: outputs that are no longer generated', () => {
    it('removes the files of a removed scheme and says so; the user\'s own files stay', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Q?'), 'old.certa': scheme('Old?', 'OLD') });
        expect(runCerta(['generate', '.', '--out', 'out', '--format', 'md,json'], root).code).toBe(0);
        expect(fs.existsSync(path.join(root, 'out/OLD/checklist.md'))).toBe(true);
        fs.writeFileSync(path.join(root, 'out/README.txt'), 'published by our CI');
        fs.mkdirSync(path.join(root, 'out/extra'));
        fs.writeFileSync(path.join(root, 'out/extra/notes.md'), 'mine');

        fs.rmSync(path.join(root, 'old.certa'));
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md,json'], root);
        expect(run.code).toBe(0);
        expect(run.stderr.split('\n')).toEqual([
            'certa: wrote 11 files to out (md, json)',
            'certa: removed out/OLD/checklist.json: no longer generated',
            'certa: removed out/OLD/checklist.md: no longer generated',
            'certa: removed out/OLD/conformity-ISO17021_1.json: no longer generated',
            'certa: removed out/OLD/conformity-ISO17021_1.md: no longer generated',
            'certa: removed out/OLD/coverage-ISO9001.json: no longer generated',
            'certa: removed out/OLD/coverage-ISO9001.md: no longer generated',
            'certa: removed out/OLD/scheme.json: no longer generated',
            'certa: removed out/OLD/scheme.md: no longer generated',
            ''
        ]);
        const files = [...snapshot(path.join(root, 'out')).keys()].sort();
        expect(files.filter(file => file.startsWith('OLD/'))).toEqual([]);
        expect(fs.existsSync(path.join(root, 'out/OLD'))).toBe(false);
        expect(files).toEqual(expect.arrayContaining(['README.txt', 'extra/notes.md', 'QMS/checklist.md', MANIFEST]));
    });

    it('removes the files of a format no longer asked for, but keeps one changed since', () => {
        const root = sources();
        expect(runCerta(['generate', '.', '--out', 'out', '--format', 'md,csv'], root).code).toBe(0);
        fs.appendFileSync(path.join(root, 'out/QMS/checklist.csv'), 'reviewed by J. Doe\r\n');
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('certa: kept out/QMS/checklist.csv: no longer generated, but changed since certa wrote it; delete it if it is not needed\n');
        expect(run.stderr).toContain('certa: removed out/QMS/coverage-ISO9001.csv: no longer generated\n');
        const files = [...snapshot(path.join(root, 'out')).keys()];
        expect(files.filter(file => file.endsWith('.csv'))).toEqual(['QMS/checklist.csv']);
        // Kept once, it is the user's: the next run neither removes it nor mentions it.
        const again = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(again.stderr).toBe('certa: wrote 6 files to out (md)\n');
        expect(fs.existsSync(path.join(root, 'out/QMS/checklist.csv'))).toBe(true);
    });

    it('says which stale file it could not remove, exits 2, and tries again next run', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Q?'), 'old.certa': scheme('Old?', 'OLD') });
        expect(runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root).code).toBe(0);
        fs.rmSync(path.join(root, 'old.certa'));
        // The next run may write in out, but not remove anything from out/OLD.
        fs.chmodSync(path.join(root, 'out/OLD'), 0o555);
        const blocked = runCertaUnprivileged(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(blocked.stderr).toBe([
            'certa: wrote 6 files to out (md)',
            'certa: could not remove out/OLD/checklist.md (EACCES), which is no longer generated; the next run tries again',
            'certa: could not remove out/OLD/conformity-ISO17021_1.md (EACCES), which is no longer generated; the next run tries again',
            'certa: could not remove out/OLD/coverage-ISO9001.md (EACCES), which is no longer generated; the next run tries again',
            'certa: could not remove out/OLD/scheme.md (EACCES), which is no longer generated; the next run tries again',
            ''
        ].join('\n'));
        expect(blocked.code).toBe(2);

        fs.chmodSync(path.join(root, 'out/OLD'), 0o755);
        const retried = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(retried.stderr).toContain('certa: removed out/OLD/checklist.md: no longer generated\n');
        expect(retried.code).toBe(0);
        expect(fs.existsSync(path.join(root, 'out/OLD'))).toBe(false);
    });

    it('never removes a file outside --out, whatever the manifest says', () => {
        const root = sources();
        expect(runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root).code).toBe(0);
        const manifestPath = path.join(root, 'out', MANIFEST);
        const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
        // The right hash, so only the path check stands between the manifest and the file.
        manifest.files['../victim.md'] = manifest.files['index.md'];
        fs.writeFileSync(path.join(root, 'victim.md'), fs.readFileSync(path.join(root, 'out/index.md')));
        fs.writeFileSync(manifestPath, JSON.stringify(manifest));
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'md'], root);
        expect(run.stderr).toBe(`certa: ignored out/${MANIFEST}: it is not a manifest certa wrote; files of earlier runs were not removed this time\ncerta: wrote 6 files to out (md)\n`);
        expect(run.code).toBe(0);
        expect(fs.existsSync(path.join(root, 'victim.md'))).toBe(true);
    });
});
