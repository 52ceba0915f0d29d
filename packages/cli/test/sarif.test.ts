import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCerta, tempWorkspace } from './run-certa.js';

/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK team ships it on npm (in @microsoft/jest-sarif):
 * 2.1.0-rtm.5, the draft the OASIS standard was approved from. No npm package ships the OASIS
 * file itself (sarif-schema-2.1.0.json); the errata since add `"type": "string"` beside enums, fix
 * the pattern of language tags and require a region to have startLine or charOffset, none of
 * which this report depends on (its regions always have startLine, asserted below).
 */
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const sarifSchema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object;
// rtm.5's language-tag pattern has a stray ']' (fixed by the errata) that only a non-Unicode RegExp accepts.
// Both are CommonJS modules whose export is also their own `default` (what the types describe).
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const broken = 'competence X "X" basis ISO9001 4.9\n';

interface SarifLog {
    runs: Array<{
        originalUriBaseIds: Record<string, { uri: string }>;
        columnKind: string;
        results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }> }>;
    }>;
}

/** The files the results point at, resolved as a SARIF consumer would. */
function resolvedFiles(log: SarifLog): string[] {
    const run = log.runs[0];
    const files = run.results.map(result => {
        const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
        const base = uriBaseId ? run.originalUriBaseIds[uriBaseId].uri : undefined;
        return fileURLToPath(new URL(uri, base));
    });
    return [...new Set(files)].sort();
}

describe('certa validate --format sarif', () => {
    it('passes the SARIF 2.1.0 schema, and the schema check is not vacuous', () => {
        const root = tempWorkspace({ 'qms.certa': broken, 'empty.certa': '' });
        const log = JSON.parse(runCerta(['validate', '--format', 'sarif', '.'], root).stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        expect(log.runs[0].results.length).toBeGreaterThanOrEqual(2);
        log.runs[0].results[0].level = 'fatal';
        expect(validateSarif(log)).toBe(false);
    });

    it('gives file names with spaces, #, % and non-ASCII letters as encoded URIs relative to %SRCROOT%', () => {
        const names = ['with space/a b.certa', 'hash#dir/x#1.certa', 'pct%41/100%.certa', 'ünï/Prüfplan é.certa', 'q?/a[1];b=c.certa', 'plain.certa'];
        const root = tempWorkspace(Object.fromEntries(names.map(name => [name, broken])));
        const run = runCerta(['validate', '--format', 'sarif', '.'], root);
        expect(run.code).toBe(1);
        const log = JSON.parse(run.stdout) as SarifLog;
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);

        const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
        expect(base).toMatch(/^file:\/\/\/.*\/$/);
        expect(fileURLToPath(base)).toBe(fs.realpathSync(root) + path.sep);
        const locations = log.runs[0].results.map(result => result.locations[0].physicalLocation);
        for (const { artifactLocation, region } of locations) {
            expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
            // Nothing but unreserved characters, slashes and percent-escapes (RFC 3986).
            expect(artifactLocation.uri).toMatch(/^(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})+$/);
            expect(region.startLine).toBe(1);
        }
        expect(locations.map(l => l.artifactLocation.uri)).toContain('with%20space/a%20b.certa');
        expect(locations.map(l => l.artifactLocation.uri)).toContain('pct%2541/100%25.certa');
        expect(resolvedFiles(log)).toEqual(names.map(name => path.join(fs.realpathSync(root), name)).sort());
        expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    });

    it('gives a file outside the working folder its absolute file URI', () => {
        const root = tempWorkspace({ 'outside dir/o#1.certa': broken, 'work/inside.certa': broken });
        const run = runCerta(['validate', '--format', 'sarif', '.', '../outside dir'], path.join(root, 'work'));
        const log = JSON.parse(run.stdout) as SarifLog;
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        const outside = log.runs[0].results.map(r => r.locations[0].physicalLocation.artifactLocation).find(a => !a.uriBaseId);
        expect(outside?.uri).toMatch(/^file:\/\/\/.*\/outside%20dir\/o%231\.certa$/);
        expect(resolvedFiles(log)).toEqual([path.join(fs.realpathSync(root), 'outside dir/o#1.certa'), path.join(fs.realpathSync(root), 'work/inside.certa')]);
    });
});

describe('SARIF for code scanning', () => {
    interface Rule { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help?: { text: string; markdown: string } }
    interface Log {
        runs: Array<{
            tool: { driver: { informationUri?: string; rules: Rule[] } };
            invocations?: Array<{ executionSuccessful: boolean }>;
            results: Array<{ ruleId: string; partialFingerprints?: Record<string, string>; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>;
        }>;
    }
    const sarif = (files: Record<string, string>): Log => {
        const root = tempWorkspace(files);
        return JSON.parse(runCerta(['validate', '--format', 'sarif', '.'], root).stdout) as Log;
    };

    it('gives every rule a full description and markdown help with its meaning, clause basis and fix', () => {
        const log = sarif({ 'qms.certa': broken });
        const rules = log.runs[0].tool.driver.rules;
        expect(rules.length).toBeGreaterThan(60);
        for (const rule of rules) {
            expect(rule.fullDescription?.text, rule.id).toMatch(/ Basis: .+\.$/);
            expect(rule.fullDescription?.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length);
            expect(rule.help?.markdown, rule.id).toContain('**Basis:** ');
            expect(rule.help?.markdown, rule.id).toContain('**How to fix:** ');
            expect(rule.help?.markdown, rule.id).toContain(`section \`${rule.id}\``);
            expect(rule.help?.text, rule.id).toContain('How to fix: ');
        }
        const duplicate = rules.find(rule => rule.id === 'certa.reference.duplicate-id')!;
        expect(duplicate.help?.markdown).toContain('The editor offers a quick fix: remove the duplicate.');
        expect(duplicate.help?.markdown).toContain('```certa\nrole Auditor "Auditor"\nrole LeadAuditor "Lead auditor"\n```');
    });

    it('has no placeholder URIs and says the run executed', () => {
        const log = sarif({ 'qms.certa': broken });
        expect(JSON.stringify(log)).not.toMatch(/\.invalid|example\.(com|org)/);
        expect(log.runs[0].tool.driver.informationUri).toBeUndefined();
        expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    });

    it('fingerprints results by rule, file and message, so that they survive lines moving', () => {
        const before = sarif({ 'qms.certa': broken + broken.replace('X "X"', 'Y "Y"') }).runs[0].results;
        const after = sarif({ 'qms.certa': '\n\n' + broken.replace('X "X"', 'Y "Y"') + broken }).runs[0].results;
        const prints = (results: Log['runs'][0]['results']) => results.map(r => r.partialFingerprints?.['certaResult/v1']).sort();
        expect(prints(before).every(p => /^[0-9a-f]{32}:\d+$/.test(p ?? ''))).toBe(true);
        expect(new Set(prints(before)).size).toBe(before.length);
        expect(prints(after)).toEqual(prints(before));
        expect(after.map(r => r.locations[0].physicalLocation.region.startLine)).not.toEqual(before.map(r => r.locations[0].physicalLocation.region.startLine));
    });

    it('takes rule help from docs/rules.md: the generated module is current', () => {
        const run = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts/rule-docs.mjs'), '--check'], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });
});
