import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certaBin, runCerta, tempWorkspace } from './run-certa.js';

const roles = `
role Auditor "Auditor" { needs AuditPrinciples }
competence AuditPrinciples "Audit principles" basis ISO17021_1 A
`;
const brokenScheme = `
scheme QMS "ISO 9001 certification" {
    certifies managementSystem ISO9001
    activity stage1: stage1 by Auditor { covers ISO9001 4.4.3 }
}
`;

describe('certa validate', () => {
    it('exits 0 and prints no diagnostics for clean sources', () => {
        const root = tempWorkspace({ 'shared/roles.certa': roles });
        const run = runCerta(['validate', '.'], root);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('1 file checked: 0 errors');
        expect(run.code).toBe(0);
    });

    it('prints file:line:col severity code message and exits 1 on errors', () => {
        const root = tempWorkspace({ 'roles.certa': roles, 'schemes/qms.certa': brokenScheme });
        const run = runCerta(['validate', '.'], root);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^schemes\/qms\.certa:4:\d+ error certa\.reference\.unknown-clause Catalog ISO9001 has no clause 4\.4\.3\. Did you mean ISO9001 4\.4\.2 or ISO9001 4\.4\?/m);
        expect(run.stdout).not.toMatch(/\u001b\[/); // no colours when piped
    });

    it('colours the output on a terminal, and never with NO_COLOR', () => {
        const root = tempWorkspace({ 'roles.certa': roles, 'qms.certa': brokenScheme });
        const onTerminal = (env: string) => spawnSync('script', ['-qec', `${env} node ${certaBin} validate .`, '/dev/null'],
            { cwd: root, encoding: 'utf8', timeout: 120_000 }).stdout;
        expect(onTerminal('')).toMatch(/\u001b\[31merror\u001b\[39m/);
        const plain = onTerminal('NO_COLOR=1');
        expect(plain).toContain('error certa.reference.unknown-clause');
        expect(plain).not.toMatch(/\u001b\[/);
    });

    it('searches folders recursively for .certa files only', () => {
        const root = tempWorkspace({ 'a/b/c/roles.certa': roles, 'a/notes.txt': 'not certa {', 'a/.hidden/x.certa': '{' });
        const run = runCerta(['validate', 'a', '--format', 'json'], root);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).files).toEqual(['a/b/c/roles.certa']);
    });

    it('reports JSON with files and positioned diagnostics', () => {
        const root = tempWorkspace({ 'roles.certa': roles, 'qms.certa': brokenScheme });
        const run = runCerta(['validate', '--format', 'json', 'roles.certa', 'qms.certa'], root);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout);
        expect(report.files).toEqual(['qms.certa', 'roles.certa']);
        const unknown = report.diagnostics.find((d: { code: string }) => d.code === 'certa.reference.unknown-clause');
        expect(unknown).toMatchObject({ file: 'qms.certa', line: 4, endLine: 4, severity: 'error' });
        const lineText = brokenScheme.split('\n')[3];
        expect(lineText.slice(unknown.column - 1, unknown.endColumn - 1)).toBe('4.4.3');
    });

    it('reports SARIF 2.1.0 for code-scanning tools', () => {
        const root = tempWorkspace({ 'roles.certa': roles, 'qms.certa': brokenScheme });
        const run = runCerta(['validate', '--format', 'sarif', '.'], root);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.version).toBe('2.1.0');
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'certa.reference.unknown-clause');
        expect(result.level).toBe('error');
        expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'qms.certa' }, region: { startLine: 4 } });
        expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('certa.reference.unknown-clause');
    });

    it('passes warnings by default and fails them with --strict', () => {
        const root = tempWorkspace({ 'empty.certa': '' });
        const relaxed = runCerta(['validate', '.'], root);
        expect(relaxed.stdout).toContain('empty.certa:1:1 warning certa.syntax.empty-file');
        expect(relaxed.code).toBe(0);
        expect(runCerta(['validate', '--strict', '.'], root).code).toBe(1);
    });

    it('judges qualification expiry on the day given with --today', () => {
        const root = tempWorkspace({
            'roles.certa': roles,
            'people.certa': 'person alee "A. Lee" { qualified Auditor until 2027-06-30 }\nperson bkim "B. Kim" { qualified Auditor until 2027-06-30 }\n'
        });
        const codesOn = (day: string) => JSON.parse(runCerta(['validate', '--format', 'json', '--today', day, '.'], root).stdout)
            .diagnostics.map((d: { code: string }) => d.code);
        expect(codesOn('2027-06-30')).not.toContain('certa.competence.expired-qualification');
        expect(codesOn('2027-07-01')).toContain('certa.competence.expired-qualification');
        const bad = runCerta(['validate', '--today', '1 July', '.'], root);
        expect(bad.code).toBe(2);
        expect(bad.stderr.trim()).toBe('certa: --today must be a date written YYYY-MM-DD, not "1 July"');
    });

    it.each([
        ['2026-02-30', 'certa: --today 2026-02-30 is not a calendar date (2026-02 has 28 days); write a real date as YYYY-MM-DD'],
        ['2025-02-29', 'certa: --today 2025-02-29 is not a calendar date (2025-02 has 28 days); write a real date as YYYY-MM-DD'],
        ['1900-02-29', 'certa: --today 1900-02-29 is not a calendar date (1900-02 has 28 days); write a real date as YYYY-MM-DD'],
        ['2026-04-31', 'certa: --today 2026-04-31 is not a calendar date (2026-04 has 30 days); write a real date as YYYY-MM-DD'],
        ['2026-01-00', 'certa: --today 2026-01-00 is not a calendar date (2026-01 has 31 days); write a real date as YYYY-MM-DD'],
        ['2026-13-01', 'certa: --today 2026-13-01 has no month 13; write a real date as YYYY-MM-DD (months 01 to 12)']
    ])('rejects the impossible date --today %s with one line', (day, message) => {
        const run = runCerta(['validate', '--today', day, '.'], tempWorkspace({ 'roles.certa': roles }));
        expect(run.stderr).toBe(message + '\n');
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it.each(['2024-02-29', '2000-02-29', '2026-12-31'])('accepts the real date --today %s', day => {
        const run = runCerta(['validate', '--today', day, '.'], tempWorkspace({ 'roles.certa': roles }));
        expect(run.stderr).toContain('1 file checked: 0 errors');
        expect(run.code).toBe(0);
    });

    it('reports binary garbage as one clear error, without a stack trace', () => {
        const garbage = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
        const root = tempWorkspace({ 'garbage.certa': garbage });
        const run = runCerta(['validate', '.'], root);
        expect(run.code).toBe(1);
        expect(run.stdout.trim().split('\n')).toEqual([expect.stringContaining('garbage.certa:1:1 error certa.syntax.not-text')]);
        expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });

    it('points at an unterminated string and says how to fix it', () => {
        const root = tempWorkspace({ 'open.certa': 'role Auditor "Auditor\nrole Other "Other"\n' });
        const run = runCerta(['validate', '.'], root);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^open\.certa:1:14 error certa\.syntax\.unexpected-character Unterminated text.*closing "/m);
    });

    it('keeps the rest of a broken file useful (error recovery)', () => {
        const root = tempWorkspace({
            'broken.certa': 'role Auditor "Auditor" { needs }\ncompetence X "X" basis ISO9001 4.9\n'
        });
        const run = runCerta(['validate', '--format', 'json', '.'], root);
        const codes = JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code);
        expect(codes).toContain('certa.syntax.unexpected-input');
        expect(codes).toContain('certa.reference.unknown-clause'); // the line after the error was still linked
    });

    it('exits 2 with one line for a missing path', () => {
        const run = runCerta(['validate', 'no/such/folder'], tempWorkspace({}));
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toBe('certa: no/such/folder: no such file or folder. Check the path, or run certa from the folder that holds it.');
        expect(run.stdout).toBe('');
    });

    it('exits 2 for a path that cannot be read as a file', () => {
        const root = tempWorkspace({});
        execFileSync('mkfifo', [path.join(root, 'pipe.certa')]);
        const run = runCerta(['validate', 'pipe.certa'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('pipe.certa: not a regular file');
    });

    it('exits 2 for a file that is not a .certa file', () => {
        const root = tempWorkspace({ 'scheme.txt': '' });
        const run = runCerta(['validate', 'scheme.txt'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('scheme.txt: not a .certa file');
    });

    it('exits 2 with one line for an unknown flag', () => {
        const run = runCerta(['validate', '--bogus'], tempWorkspace({}));
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toBe("certa: unknown option '--bogus'");
    });

    it('exits 2 for an unknown format', () => {
        const run = runCerta(['validate', '--format', 'xml'], tempWorkspace({}));
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("'xml' is invalid");
    });
});

describe('certa validate: paths with no sources, and symbolic links', () => {
    const noSources = (given: string) => `certa: ${given}: no .certa files in this folder (hidden folders and node_modules are not searched). Name a folder that holds .certa files.\n`;

    it.each([
        ['an empty folder', { 'empty/.keep': '' }, ['validate', 'empty'], 'empty'],
        ['a folder with other files only', { 'docs/notes.txt': 'x', 'docs/.hidden/a.certa': roles }, ['validate', 'docs'], 'docs'],
        ['the current folder by default', { 'notes.txt': 'x' }, ['validate'], '.'],
        ['one empty path among good ones', { 'roles.certa': roles, 'empty/.keep': '' }, ['validate', 'roles.certa', 'empty'], 'empty']
    ])('exits 2 and says why for %s', (_, files, args, given) => {
        const run = runCerta(args, tempWorkspace(files));
        expect(run.stderr).toBe(noSources(given));
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('follows a symlinked folder and reports its files by their real path', () => {
        const root = tempWorkspace({ 'src/roles.certa': roles, 'src/schemes/qms.certa': brokenScheme });
        fs.mkdirSync(path.join(root, 'ci'));
        fs.symlinkSync('../src', path.join(root, 'ci/sources'));
        const run = runCerta(['validate', '--format', 'json', 'ci'], root);
        const report = JSON.parse(run.stdout);
        expect(report.files).toEqual(['src/roles.certa', 'src/schemes/qms.certa']);
        expect(report.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`))
            .toContain('src/schemes/qms.certa certa.reference.unknown-clause');
        expect(run.code).toBe(1);
    });

    it('loads a file reached by several routes once (no duplicate declarations)', () => {
        const root = tempWorkspace({ 'src/roles.certa': roles, 'other/placeholder.txt': '' });
        fs.symlinkSync('../src/roles.certa', path.join(root, 'other/roles-link.certa'));
        fs.symlinkSync('../src', path.join(root, 'other/src-again'));
        const run = runCerta(['validate', '--format', 'json', 'src', 'other', 'src/roles.certa'], root);
        expect(JSON.parse(run.stdout)).toEqual({ files: ['src/roles.certa'], diagnostics: [] });
        expect(run.code).toBe(0);
    });

    it('ends the search at a symlink loop instead of hanging', () => {
        const root = tempWorkspace({
            'src/roles.certa': roles,
            'src/deeper/people.certa': 'person alee "A. Lee" { qualified Auditor }',
            'elsewhere/more.certa': 'competence Extra "Extra"'
        });
        fs.symlinkSync('../..', path.join(root, 'src/deeper/up')); // back to the workspace root: src again, and elsewhere
        fs.symlinkSync('self', path.join(root, 'src/self')); // a link to itself
        const run = runCerta(['validate', '--format', 'json', 'src'], root);
        expect(JSON.parse(run.stdout).files).toEqual(['elsewhere/more.certa', 'src/deeper/people.certa', 'src/roles.certa']);
        expect(run.code).toBe(0);
    });

    it('exits 2 for a symbolic link named .certa that leads nowhere', () => {
        const root = tempWorkspace({ 'src/roles.certa': roles });
        fs.symlinkSync('moved-away.certa', path.join(root, 'src/qms.certa'));
        const run = runCerta(['validate', 'src'], root);
        expect(run.stderr).toBe('certa: src/qms.certa: a symbolic link to nothing (ENOENT). Fix or remove the link.\n');
        expect(run.code).toBe(2);
    });
});
