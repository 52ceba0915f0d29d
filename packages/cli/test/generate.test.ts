import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, examples, ROLES, scheme, snapshot } from './generate-fixtures.js';
import { certaBin, runCerta, tempWorkspace } from './run-certa.js';

describe('certa generate', () => {
    it('writes every document in every format and says what it wrote', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Are nonconforming outputs controlled?') });
        const run = runCerta(['generate', '.', '--out', 'out', '--today', '2026-01-15'], root);
        expect(run.stderr).toBe('certa: wrote 41 files to out (md, html, csv, xlsx, json)\n');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        const files = [...snapshot(path.join(root, 'out')).keys()].sort();
        expect(files).toEqual(expect.arrayContaining([
            'QMS/checklist.md', 'QMS/checklist.html', 'QMS/checklist.csv', 'QMS/checklist.xlsx', 'QMS/checklist.json',
            'QMS/coverage-ISO9001.md', 'competence-matrix.md', 'competence-matrix.roles.csv', 'competence-matrix.xlsx'
        ]));
        expect(fs.readFileSync(path.join(root, 'out/QMS/checklist.md'), 'utf8')).toContain('| stage2.q1 | ISO9001 8.7 | Are nonconforming outputs controlled? |');
    });

    it('starts CSV files with a UTF-8 byte order mark, and leaves it out with --no-bom', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Évaluation — is it done?') });
        expect(runCerta(['generate', '.', '--out', 'with', '--format', 'csv', '--today', '2026-01-15'], root).code).toBe(0);
        expect(runCerta(['generate', '.', '--out', 'without', '--format', 'csv', '--today', '2026-01-15', '--no-bom'], root).code).toBe(0);
        const withBom = fs.readFileSync(path.join(root, 'with/QMS/checklist.csv'));
        const withoutBom = fs.readFileSync(path.join(root, 'without/QMS/checklist.csv'));
        expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(withoutBom.subarray(0, 8).toString('utf8')).toBe('Activity');
        expect(withBom.subarray(3).equals(withoutBom)).toBe(true);
        expect(withoutBom.toString('utf8')).toContain('Évaluation — is it done?');
    });

    it('writes only the formats and the scheme asked for', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Q?') });
        const run = runCerta(['generate', '--out', 'docs', '--format', 'md,json', '--scheme', 'QMS', '--today', '2026-01-15', 'roles.certa', 'qms.certa'], root);
        expect(run.code).toBe(0);
        expect([...snapshot(path.join(root, 'docs')).keys()].sort()).toEqual([
            '.certa-outputs.json', 'QMS/checklist.json', 'QMS/checklist.md', 'QMS/competence-matrix.json', 'QMS/competence-matrix.md',
            'QMS/conformity-ISO17021_1.json', 'QMS/conformity-ISO17021_1.md',
            'QMS/coverage-ISO9001.json', 'QMS/coverage-ISO9001.md', 'QMS/scheme.json', 'QMS/scheme.md', 'index.md'
        ]);
    });

    it('writes only the documents asked for, by --documents or output.documents of certa.json; the index lists only those', () => {
        const files = { 'roles.certa': ROLES, 'qms.certa': scheme('Q?') };
        const root = tempWorkspace(files);
        const run = runCerta(['generate', '.', '--out', 'docs', '--format', 'md', '--documents', 'checklist,coverage-matrix', '--today', '2026-01-15'], root);
        expect(run.code).toBe(0);
        expect([...snapshot(path.join(root, 'docs')).keys()].sort()).toEqual(['.certa-outputs.json', 'QMS/checklist.md', 'QMS/coverage-ISO9001.md', 'index.md']);
        const index = fs.readFileSync(path.join(root, 'docs/index.md'), 'utf8');
        expect(index).toContain('QMS/checklist.md');
        expect(index).not.toContain('scheme.md');

        const configured = tempWorkspace({ ...files, 'certa.json': JSON.stringify({ output: { folder: 'out', formats: ['json'], documents: ['competence-matrix'] } }) });
        expect(runCerta(['generate', '--today', '2026-01-15'], configured).code).toBe(0);
        expect([...snapshot(path.join(configured, 'out')).keys()].sort()).toEqual(['.certa-outputs.json', 'competence-matrix.json']);
    });

    it('refuses sources with errors, says why, and writes nothing; --force generates anyway', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'bad.certa': BROKEN });
        const refused = runCerta(['generate', '.', '--out', 'out'], root);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/^bad\.certa:1:\d+ error certa\.reference\.\S+ /m);
        expect(refused.stderr).toMatch(/certa: not generating: the sources have \d+ errors?\. Fix them, or pass --force to generate anyway\.\n$/);
        expect(fs.existsSync(path.join(root, 'out'))).toBe(false);

        const forced = runCerta(['generate', '.', '--out', 'out', '--force', '--format', 'md'], root);
        expect(forced.code).toBe(0);
        expect(fs.readFileSync(path.join(root, 'out/BAD/checklist.md'), 'utf8')).toContain('| a.c | ISO9001 4.4.3 | Ready? |');
    });

    it.each([
        [['generate', '.', '--out', 'out', '--format', 'pdf'], 'certa: unknown format pdf; choose from md, html, csv, xlsx, json\n'],
        [['generate', '.', '--out', 'out', '--documents', 'checklists'], 'certa: unknown document checklists; choose from checklist, scheme-document, conformity-checklist, coverage-matrix, competence-matrix\n'],
        [['generate', '.'], 'certa: generate needs --out DIR (or output.folder in certa.json): the folder to write the documents to\n'],
        [['generate', '.', '--out', 'out', '--scheme', 'NOPE'], 'certa: no scheme "NOPE" in the workspace (schemes: QMS)\n'],
        [['generate', '.', '--out', 'roles.certa'], 'certa: --out roles.certa is a file, not a folder\n'],
        [['generate', '.', '--out', 'out', '--today', 'tomorrow'], 'certa: --today must be a date written YYYY-MM-DD, not "tomorrow"\n'],
        [['generate', '.', '--out', 'out', '--today', '2026-02-30'], 'certa: --today 2026-02-30 is not a calendar date (2026-02 has 28 days); write a real date as YYYY-MM-DD\n'],
        [['generate', 'missing', '--out', 'out'], 'certa: missing: no such file or folder. Check the path, or run certa from the folder that holds it.\n']
    ])('exits 2 with one line for usage problems: %j', (args, message) => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Q?') });
        const run = runCerta(args, root);
        expect(run.stderr).toBe(message);
        expect(run.code).toBe(2);
        expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
    });

    it('exits 2 and writes nothing for a path that holds no .certa files', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'empty/notes.txt': 'x' });
        const run = runCerta(['generate', 'empty', '--out', 'out'], root);
        expect(run.stderr).toBe('certa: empty: no .certa files in this folder (hidden folders and node_modules are not searched). Name a folder that holds .certa files.\n');
        expect(run.code).toBe(2);
        expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
    });

    it('writes atomically: when one file cannot be written the previous outputs stay as they were', () => {
        const root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': scheme('Old question?') });
        expect(runCerta(['generate', '.', '--out', 'out', '--today', '2026-01-15'], root).code).toBe(0);
        // The last file in write order cannot be replaced: a folder stands where it goes.
        fs.rmSync(path.join(root, 'out/competence-matrix.xlsx'));
        fs.mkdirSync(path.join(root, 'out/competence-matrix.xlsx'));
        const before = snapshot(path.join(root, 'out'));

        fs.writeFileSync(path.join(root, 'qms.certa'), scheme('New question?'));
        const run = runCerta(['generate', '.', '--out', 'out', '--today', '2026-01-15'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^certa: cannot write .*competence-matrix\.xlsx \(E[A-Z]+\); nothing was changed in out\n$/);
        const after = snapshot(path.join(root, 'out'));
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort()); // no temporary files left behind
        for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
        expect(after.get('QMS/checklist.md')?.toString()).toContain('Old question?');
    });

    it('generates everything for the examples, the same bytes every time', () => {
        const root = tempWorkspace({});
        const first = runCerta(['generate', examples, '--out', path.join(root, 'a'), '--today', '2026-06-01'], root);
        expect(first.code, first.stderr).toBe(0);
        const second = runCerta(['generate', examples, '--out', path.join(root, 'b'), '--today', '2026-06-01'], root);
        expect(second.code).toBe(0);
        const a = snapshot(path.join(root, 'a'));
        const b = snapshot(path.join(root, 'b'));
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
        expect([...a.keys()].filter(name => name.endsWith('/checklist.html')).length).toBeGreaterThanOrEqual(4);
        expect(a.has('competence-matrix.xlsx')).toBe(true);
    });

    it('shows a progress line on a terminal for large workspaces, and none when piped', () => {
        const sources: Record<string, string> = { 'roles.certa': ROLES, 'qms.certa': scheme('Q?') };
        for (let i = 0; i < 25; i++) sources[`more/role${i}.certa`] = `role Extra${i} "Extra role ${i}"`;
        const root = tempWorkspace(sources);
        // util-linux `script` runs the command on a pseudo-terminal, as a user at a shell would.
        const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(certaBin)} generate . --out out --format md`;
        const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
        expect(onTerminal.status).toBe(0);
        expect(onTerminal.stdout).toMatch(/\r\u001b\[2Kcerta: writing \d+\/6 files…/);
        expect(onTerminal.stdout).toContain('certa: wrote 6 files to out (md)');

        const piped = runCerta(['generate', '.', '--out', 'out2', '--format', 'md'], root);
        expect(piped.stderr).toBe('certa: wrote 6 files to out2 (md)\n');
    });
});
