import * as fs from 'node:fs';
import * as path from 'node:path';
import { certaConfigSchema } from '@certa/language';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, FORMATS } from '@certa/generator';
import { runCerta, tempWorkspace } from './run-certa.js';

const roles = `role Auditor "Auditor" { needs AuditPrinciples }
competence AuditPrinciples "Audit principles" basis ISO17021_1 A
person p1 "P. One" { qualified Auditor until 2026-01-31 }
person p2 "P. Two" { qualified Auditor }
`;
const scheme = `scheme S "s" { operatedUnder ISO17065 certifies product activity a: determination testing by Auditor }\n`;

describe('certa.json', () => {
    it('loads the shared folders with a scheme folder named alone, found by walking up', () => {
        const root = tempWorkspace({
            'certa.json': JSON.stringify({ sources: ['schemes'], shared: ['shared'] }),
            'schemes/a/s.certa': scheme, 'shared/roles.certa': roles
        });
        const run = runCerta(['validate', '--format', 'json', 'a'], path.join(root, 'schemes'));
        const report = JSON.parse(run.stdout) as { files: string[]; diagnostics: Array<{ code: string; file: string }> };
        expect(report.files).toEqual(['a/s.certa']);
        // Auditor resolves (declared in the shared folder); the shared files are context, not reported
        expect(report.diagnostics.map(d => d.code)).not.toContain('certa.reference.unknown-name');
        expect(report.diagnostics.every(d => d.file === 'a/s.certa')).toBe(true);
    });

    it('gives validate its sources, today and strictness when no paths are named', () => {
        const files = { 'schemes/s.certa': scheme, 'shared/roles.certa': roles, 'elsewhere/broken.certa': 'scheme {' };
        const root = tempWorkspace({ ...files, 'certa.json': JSON.stringify({ sources: ['schemes'], shared: ['shared'], today: '2025-06-01' }) });
        const run = runCerta(['validate', '--format', 'json'], root);
        const report = JSON.parse(run.stdout) as { files: string[]; diagnostics: Array<{ code: string }> };
        expect(report.files).toEqual(['schemes/s.certa', 'shared/roles.certa']);
        expect(report.diagnostics.map(d => d.code)).not.toContain('certa.competence.expired-qualification');
        // the command line wins over the file
        expect(runCerta(['validate', '--format', 'json', '--today', '2026-06-01'], root).stdout).toContain('certa.competence.expired-qualification');

        const warningsOnly = { 'roles.certa': 'role Lonely "Lonely role"\n' };
        expect(runCerta(['validate'], tempWorkspace({ ...warningsOnly, 'certa.json': '{}' })).code).toBe(0);
        expect(runCerta(['validate'], tempWorkspace({ ...warningsOnly, 'certa.json': JSON.stringify({ strict: true }) })).code).toBe(1);
    });

    it('gives generate its output folder, formats and coverage catalogs', () => {
        const root = tempWorkspace({
            'certa.json': JSON.stringify({ coverageCatalogs: ['ISO17065'], output: { folder: 'reports', formats: ['md'] }, today: '2025-06-01' }),
            's.certa': scheme, 'roles.certa': roles
        });
        const run = runCerta(['generate', '--force'], root);
        expect(run.stderr).toContain('wrote');
        expect(run.code).toBe(0);
        const written = fs.readdirSync(path.join(root, 'reports'), { recursive: true }).map(String).sort();
        expect(written).toContain(path.join('S', 'coverage-ISO17065.md'));
        expect(written.filter(file => /\.(html|csv|xlsx)$/.test(file))).toEqual([]);
    });

    it('is checked against its schema: a wrong field is a usage error naming the file and the field', () => {
        const root = tempWorkspace({ 'certa.json': JSON.stringify({ sources: ['.'], output: { formats: ['pdf'] }, colour: true }), 's.certa': scheme });
        const run = runCerta(['validate'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/certa\.json: .*must NOT have additional properties 'colour'/);
        expect(run.stderr).toMatch(/\/output\/formats\/0 must be equal to one of the allowed values \(md, html, csv, xlsx, json\)/);
        const notJson = tempWorkspace({ 'certa.json': '{ "sources": [', 's.certa': scheme });
        expect(runCerta(['validate'], notJson).stderr).toMatch(/certa\.json: not valid JSON/);
        const missing = tempWorkspace({ 'certa.json': JSON.stringify({ shared: ['nowhere'] }), 's.certa': scheme });
        expect(runCerta(['validate'], missing).stderr).toMatch(/'.*nowhere' does not exist\. Create it or remove it from certa\.json/);
    });

    it('ships its JSON Schema as a file equal to the one the tools check with, listing the generator formats', () => {
        const file = new URL('../../language/schemas/certa.schema.json', import.meta.url);
        expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(certaConfigSchema);
        expect(certaConfigSchema.properties.output.properties.formats.items.enum).toEqual([...FORMATS]);
        expect(certaConfigSchema.properties.output.properties.documents.items.enum).toEqual([...DOCUMENT_KINDS]);
    });

    it('leaves the behaviour without one as it was: the current folder', () => {
        const root = tempWorkspace({ 's.certa': scheme, 'roles.certa': roles });
        const run = runCerta(['validate', '--format', 'json', '--today', '2025-06-01'], root);
        expect((JSON.parse(run.stdout) as { files: string[] }).files).toEqual(['roles.certa', 's.certa']);
    });
});
