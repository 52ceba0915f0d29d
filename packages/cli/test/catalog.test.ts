import { describe, expect, it } from 'vitest';
import { runCerta, tempWorkspace } from './run-certa.js';

interface ClauseEntry { number: string; heading: string | null; clauses: ClauseEntry[] }

function flatten(entries: ClauseEntry[]): ClauseEntry[] {
    return entries.flatMap(entry => [entry, ...flatten(entry.clauses)]);
}

describe('certa catalog', () => {
    it('lists the builtin catalogs with their clause counts', () => {
        const run = runCerta(['catalog', 'list', '--format', 'json'], tempWorkspace({}));
        expect(run.code).toBe(0);
        const catalogs = JSON.parse(run.stdout) as Array<{ id: string; title: string; edition: string; clauses: number }>;
        expect(catalogs.map(c => c.id)).toEqual(expect.arrayContaining(['ISO9001', 'ISO17065', 'ISO17021_1', 'ISO17067', 'GUIDE67', 'GUIDE53', 'IAF']));
        const iso9001 = catalogs.find(c => c.id === 'ISO9001')!;
        expect(iso9001).toMatchObject({ edition: '2015', title: expect.stringContaining('Quality management systems') });
        expect(iso9001.clauses).toBeGreaterThan(80);
    });

    it('includes catalogs declared in the given files', () => {
        const root = tempWorkspace({ 'en.certa': 'catalog EN50525 "Electric cables" edition "2011" { clause 1 "Scope" clause 2 "Normative references" }' });
        const catalogs = JSON.parse(runCerta(['catalog', 'list', '.', '--format', 'json'], root).stdout);
        expect(catalogs).toContainEqual({ id: 'EN50525', title: 'Electric cables', edition: '2011', clauses: 2 });
    });

    it('shows the clause tree of a catalog', () => {
        const run = runCerta(['catalog', 'show', 'ISO9001', '--format', 'json'], tempWorkspace({}));
        expect(run.code).toBe(0);
        const catalog = JSON.parse(run.stdout);
        expect(catalog.id).toBe('ISO9001');
        const clauses = flatten(catalog.clauses);
        expect(clauses.find(c => c.number === '8.5.1')?.heading).toBe('Control of production and service provision');
        expect(clauses.find(c => c.number === '4.4.1')?.heading).toBeNull();
        const operation = catalog.clauses.find((c: ClauseEntry) => c.number === '8');
        expect(operation.clauses.map((c: ClauseEntry) => c.number)).toContain('8.5');
    });

    it('shows the tree as indented text for people', () => {
        const run = runCerta(['catalog', 'show', 'ISO9001'], tempWorkspace({}));
        expect(run.stdout).toMatch(/^ {6}8\.5\.1 {2}Control of production and service provision$/m);
    });

    it('exits 2 for an unknown catalog, listing the catalogs rather than guessing another standard', () => {
        // was: Unknown catalog 'ISO9002'. Did you mean ISO9001? (another standard, by spelling)
        const run = runCerta(['catalog', 'show', 'ISO9002'], tempWorkspace({}));
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toMatch(/^certa: Unknown catalog 'ISO9002'\. The catalogs are GUIDE53, .*ISO9001\. A catalog of your own is a \.certa file/);
        expect(run.stderr).not.toMatch(/Did you mean/);
        const cased = runCerta(['catalog', 'show', 'iso9001'], tempWorkspace({}));
        expect(cased.stderr.trim()).toMatch(/^certa: Unknown catalog 'iso9001'\. Did you mean ISO9001\?/);
    });
});

describe('certa rules', () => {
    it('lists every rule with code, severity, basis and summary', () => {
        const rules = JSON.parse(runCerta(['rules', '--format', 'json'], tempWorkspace({})).stdout);
        expect(rules.length).toBeGreaterThan(0);
        for (const rule of rules) {
            expect(Object.keys(rule).sort()).toEqual(['acceptable', 'basis', 'code', 'severity', 'summary']);
            expect(rule.code).toMatch(/^certa\.[a-z0-9-]+\.[a-z0-9-]+$/);
            expect(['error', 'warning', 'info']).toContain(rule.severity);
        }
        expect(rules.map((r: { code: string }) => r.code)).toContain('certa.reference.unknown-clause');
        const acceptable = (code: string) => rules.find((r: { code: string }) => r.code === code)?.acceptable;
        expect(acceptable('certa.competence.missing-performer')).toBe(false);
        expect(acceptable('certa.marks.mark-without-use')).toBe(true);
    });
});

describe('certa --help and --version', () => {
    it.each([[[]], [['validate']], [['catalog']], [['catalog', 'list']], [['catalog', 'show']], [['rules']]])(
        'answers --help and --version for %j', (command: string[]) => {
            const root = tempWorkspace({});
            const help = runCerta([...command, '--help'], root);
            expect(help.code).toBe(0);
            expect(help.stdout).toContain('Usage: certa');
            const version = runCerta([...command, '--version'], root);
            expect(version.code).toBe(0);
            expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        });
});
