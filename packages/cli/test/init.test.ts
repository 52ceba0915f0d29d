import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCerta } from './run-certa.js';

/** The newcomer's path, from an empty folder: certa init → certa validate → certa generate. */
describe.each(['product', 'management-system', 'integrated'])('certa init --template %s', template => {
    it('creates a workspace that validates clean and generates, and says what to do next', () => {
        const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-init-'));
        const init = runCerta(['init', '--template', template, 'my-schemes'], parent);
        expect(init.stderr).toBe('');
        expect(init.code).toBe(0);
        expect(init.stdout).toMatch(/Next:\n {2}1\. cd my-schemes && certa validate .*\n {2}2\. edit schemes\/.*\n {2}3\. cd my-schemes && certa generate /);
        const root = path.join(parent, 'my-schemes');
        expect(fs.existsSync(path.join(root, 'certa.json'))).toBe(true);

        const validate = runCerta(['validate'], root);
        expect(validate.stdout).toBe('');
        expect(validate.stderr).toMatch(/^\d+ files checked: 0 errors, 0 warnings\n$/);
        expect(validate.code).toBe(0);

        const generate = runCerta(['generate'], root);
        expect(generate.stderr).toMatch(/wrote \d+ files to out \(md, html, csv, xlsx, json\)/);
        expect(generate.code).toBe(0);
        const written = fs.readdirSync(path.join(root, 'out'), { recursive: true }).map(String);
        // coverage for the standards each scheme is certified against, not ISO 9001 only
        if (template !== 'management-system') expect(written).toContain(path.join('PRODUCT', 'coverage-PRODUCT_STANDARD.md'));
        if (template !== 'product') expect(written).toContain(path.join('QMS', 'coverage-ISO9001.md'));
        expect(written).toContain('competence-matrix.xlsx');
    });
});

describe('certa init', () => {
    it('refuses to overwrite anything and writes nothing when a file exists', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-init-'));
        fs.mkdirSync(path.join(root, 'shared'));
        fs.writeFileSync(path.join(root, 'shared', 'roles.certa'), 'role Mine "mine"\n');
        const run = runCerta(['init'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/already has shared\/roles\.certa; certa init never overwrites files/);
        expect(fs.readFileSync(path.join(root, 'shared', 'roles.certa'), 'utf8')).toBe('role Mine "mine"\n');
        expect(fs.existsSync(path.join(root, 'certa.json'))).toBe(false);
    });

    it('refuses an unknown template, naming the ones there are', () => {
        const run = runCerta(['init', '--template', 'medical'], os.tmpdir());
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/product, management-system, integrated/);
    });
});
