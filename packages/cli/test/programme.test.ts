import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCerta, tempWorkspace } from './run-certa.js';

const schema = JSON.parse(fs.readFileSync(new URL('../../generator/schema/certa-programme.schema.json', import.meta.url), 'utf8')) as object;
const examples = path.resolve(new URL('../../../examples', import.meta.url).pathname);

const TEAM = `role LeadAuditor "Lead auditor" { needs QmsStandard }
competence QmsStandard "ISO 9001 requirements" basis ISO9001
person lee "L. Ee" { qualified LeadAuditor until 2030-12-31 areas IAF 19 }
person dee "D. Ee" { qualified LeadAuditor until 2030-12-31 areas IAF 19 }
`;

/** A central function and ten depots: MD 1 samples 4 + HQ at stage 2. */
function multiSite(stage2Sites: string, stage2Days = '5'): string {
    const depots = Array.from({ length: 10 }, (_, i) => `    site P${i + 1} "Depot ${i + 1}" { personnel 6 internalAudit 2025-10-01 }`).join('\n');
    return `client DEPOTS "Depots Ltd" {
    standard ISO9001
    scope "Warehousing" areas IAF 19
    site HQ "Head office" { personnel 40 central }
${depots}
    audit s1: stage1 2026-02-02 { days 1.5 onSite 1.5 sites HQ team lee as LeadAuditor }
    audit s2: stage2 2026-03-02 .. 2026-03-05 { days ${stage2Days} onSite ${stage2Days} sites ${stage2Sites} team lee as LeadAuditor }
    decided 2026-03-20 by dee
}
`;
}

describe('certa programme', () => {
    it('writes the ISO 9001 example client\'s programme in every format, the JSON valid against its schema', async () => {
        const root = tempWorkspace({});
        const run = runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'out', '--today', '2026-06-01'], root);
        expect(run.stderr).toBe('certa: wrote the programme of NORTHWIND with 6 audit checklists to out (md, html, csv, xlsx, json)\n');
        expect(run.code).toBe(0);
        const json = JSON.parse(fs.readFileSync(path.join(root, 'out/NORTHWIND/programme.json'), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        // 40 people, 4 of them the full-time equivalent of 8 half-timers: 36 effective; Table QMS 1
        // continuum between (25, 3) and (45, 4): 3.55 days → 3.5; a third 1.18 → 1; two thirds 2.37 → 2.5.
        expect(json.client).toMatchObject({ effectivePersonnel: 36, initialDays: 3.5, surveillanceDays: 1, recertificationDays: 2.5, scheme: 'QMS_9001' });
        expect(json.audits.map((a: { kind: string; from: string; auditDays: number; onSiteDays: number }) => [a.kind, a.from, a.auditDays, a.onSiteDays])).toEqual([
            ['stage1', '2026-02-09', 1, 1], ['stage2', '2026-03-02', 2.5, 2], ['special', '2026-09-14', 0.5, 0.5], ['surveillance', '2027-02-15', 1, 1],
            ['surveillance', '2028-02-14', 1, 1], ['recertification', '2029-01-18', 2.5, 2]
        ]);
        expect(json.audits[1].team).toEqual([
            { person: 'apatel', name: 'Anika Patel', role: 'LeadAuditor' }, { person: 'dsilva', name: 'Diego Silva', role: 'Auditor' }
        ]);
        expect(json.audits[1].clauses).toContain('ISO9001 4 .. 10');
        expect(json.audits[3].activities).toEqual(['surveillanceYear1']);
        expect(json.audits[4].activities).toEqual(['surveillanceYear2']);
        expect(json.diagnostics).toEqual([]);
        // Declared in the person register, not in the client's file: off Northwind's teams for two years after it ended.
        expect(json.client.conflicts).toEqual([{
            person: 'emurphy', name: 'Eileen Murphy', kind: 'consultancy', until: '2025-09-30', barredUntil: '2027-09-30', declaredIn: 'register',
            reason: 'ran Northwind\'s type-test programme under contract until September 2025'
        }]);
        const md = fs.readFileSync(path.join(root, 'out/NORTHWIND/programme.md'), 'utf8');
        expect(md).toContain('| stage2 | Stage 2 | 2026-03-02 | 2026-03-04 | 2.5 | 2 | 0.5 | 2.5 | WORKS | Anika Patel (LeadAuditor); Diego Silva (Auditor) |');
        expect(md).toContain('| Eileen Murphy (emurphy) | consultancy | 2025-09-30 | 2027-09-30 | the person register |');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(root, 'out/NORTHWIND/programme.xlsx'));
        expect(workbook.worksheets.map(w => w.name)).toEqual(['About', 'audits', 'time', 'sites', 'conflicts', 'diagnostics']);
        expect(fs.readFileSync(path.join(root, 'out/NORTHWIND/programme.audits.csv'), 'utf8')).toContain('stage2,Stage 2,2026-03-02,2026-03-04,2.5,2,0.5,2.5,WORKS');
    });

    it('writes each audit\'s checklist in every format, its header filled from the client and its sections the audit\'s activities', async () => {
        const root = tempWorkspace({});
        runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'out', '--today', '2026-06-01'], root);
        const written = fs.readdirSync(path.join(root, 'out/NORTHWIND')).filter(f => f.startsWith('checklist-')).sort();
        for (const audit of ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recert']) {
            expect(written.filter(f => f.startsWith(`checklist-${audit}.`))).toEqual(['csv', 'html', 'json', 'md', 'xlsx'].map(ext => `checklist-${audit}.${ext}`));
        }
        const stage2 = JSON.parse(fs.readFileSync(path.join(root, 'out/NORTHWIND/checklist-stage2.json'), 'utf8'));
        const documents = JSON.parse(fs.readFileSync(new URL('../../generator/schema/certa-documents.schema.json', import.meta.url), 'utf8')) as object;
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(documents);
        expect(validate(stage2), JSON.stringify(validate.errors)).toBe(true);
        expect(stage2.header).toEqual({
            client: 'Northwind Cables Ltd (NORTHWIND)',
            sites: 'WORKS: Unit 4, Riverside Industrial Estate, Leeds',
            auditType: 'stage 2 (stage2)',
            dates: '2026-03-02 to 2026-03-04',
            team: 'Anika Patel (LeadAuditor); Diego Silva (Auditor)',
            // Stage 1 and stage 2 share the initial 3.5 days (IAF MD 5): stage 1 took 1.
            duration: '2.5 auditor days; 2 on site; the audit-time calculation requires 2.5 auditor days',
            scope: 'Manufacture of insulated cables and wires to customer drawings and published standards (IAF 19)',
            criteria: 'ISO 9001:2015; scheme QMS_9001 version 2.0',
            standardEdition: 'ISO 9001:2015'
        });
        expect(stage2.activities.map((a: { name: string }) => a.name)).toEqual(['stage2']);
        const surveillance2 = JSON.parse(fs.readFileSync(path.join(root, 'out/NORTHWIND/checklist-surveillance2.json'), 'utf8'));
        expect(surveillance2.activities.map((a: { name: string }) => a.name)).toEqual(['surveillanceYear2']);
        expect(surveillance2.header).toMatchObject({ auditType: 'surveillance (surveillance2)', dates: '2028-02-14', team: 'Anika Patel (LeadAuditor)' });
        const md = fs.readFileSync(path.join(root, 'out/NORTHWIND/checklist-stage2.md'), 'utf8');
        expect(md).toContain('| Audit team and roles | Anika Patel (LeadAuditor); Diego Silva (Auditor) |');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(root, 'out/NORTHWIND/checklist-stage2.xlsx'));
        const header = workbook.getWorksheet('header');
        const rows: string[] = [];
        header?.eachRow(row => rows.push(`${row.getCell(1).text}=${row.getCell(2).text}`));
        expect(rows).toContain('Client=Northwind Cables Ltd (NORTHWIND)');
        expect(rows).toContain('Audit dates (YYYY-MM-DD to YYYY-MM-DD)=2026-03-02 to 2026-03-04');
    });

    it('writes checklists that certa findings reads as the scheme\'s own (the fingerprint matches)', () => {
        const root = tempWorkspace({});
        runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'out', '--format', 'xlsx', '--today', '2026-06-01'], root);
        const run = runCerta(['findings', 'out/NORTHWIND/checklist-stage2.xlsx', examples, '--out', 'findings', '--format', 'json'], root);
        expect(run.code).toBe(0);
        const report = JSON.parse(fs.readFileSync(path.join(root, 'findings/findings.json'), 'utf8'));
        expect(report.fingerprint.matches).toBe(true);
        expect(report.problems).toEqual([]);
    });

    it('writes a special audit\'s checklist from the items of the scheme\'s audits for the clauses it covers, each clause once', () => {
        const root = tempWorkspace({});
        runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'out', '--format', 'json,xlsx', '--today', '2026-06-01'], root);
        const labels = JSON.parse(fs.readFileSync(path.join(root, 'out/NORTHWIND/checklist-labels.json'), 'utf8'));
        expect(labels.header).toMatchObject({ auditType: 'special audit (labels)', dates: '2026-09-14', team: 'Anika Patel (LeadAuditor)' });
        const items: Array<{ id: string; clauses: Array<{ number: string }> }> = labels.activities.flatMap((a: { items: unknown[] }) => a.items);
        // covers ISO9001 8.5.2, 8.7 (with its sub-clauses), 10.2: surveillance items first, the recertification's not repeated.
        expect(items.filter(i => i.id.includes('.ISO9001-')).map(i => i.id)).toEqual([
            'surveillanceYear1.ISO9001-10.2.1', 'surveillanceYear1.ISO9001-10.2.2',
            'surveillanceYear2.ISO9001-8.5.2', 'surveillanceYear2.ISO9001-8.7.1', 'surveillanceYear2.ISO9001-8.7.2'
        ]);
        expect(items.every(i => i.clauses.some(c => ['8.5.2', '8.7', '8.7.1', '8.7.2', '10.2', '10.2.1', '10.2.2'].includes(c.number)))).toBe(true);
        const run = runCerta(['findings', 'out/NORTHWIND/checklist-labels.xlsx', examples, '--out', 'findings', '--format', 'json'], root);
        const report = JSON.parse(fs.readFileSync(path.join(root, 'findings/findings.json'), 'utf8'));
        expect(report.fingerprint.matches, run.stderr).toBe(true);
        expect(report.problems.filter((p: { code: string }) => p.code !== 'missing-item' && p.code !== 'no-audit-date')).toEqual([]);
    });

    it('writes the integrated example client\'s programme: each site\'s tables added, reduced for integration (IAF MD 11) and the site (IAF MD 1)', () => {
        const root = tempWorkspace({});
        const run = runCerta(['programme', examples, '--client', 'RIVERBEND', '--out', 'out', '--format', 'json', '--today', '2026-06-01'], root);
        expect(run.code).toBe(0);
        const json = JSON.parse(fs.readFileSync(path.join(root, 'out/RIVERBEND/programme.json'), 'utf8'));
        expect(new Ajv2020({ strict: true }).compile(schema)(json)).toBe(true);
        // The organisation as one site, for comparison: 90 effective personnel, Table QMS 1 between (85, 6) and
        // (125, 7) 6.125; Table EMS 1 medium between (85, 7) and (125, 8) 7.125; (6.125 + 7.125) × 0.85 = 11.26 → 11.5.
        expect(json.client).toMatchObject({
            effectivePersonnel: 90, integrationReductionPercent: 15, surveillanceDays: 4, recertificationDays: 7.5,
            sampledSites: 3, scheme: 'IMS_9001_14001'
        });
        // Each site its own (IAF MD 1 7.3): HQ 25 people (3 + 4.5) × 0.85; BOLTON 35 (3.5 + 5) × 0.85 × 0.8 (20 % for
        // what the head office runs); WIGAN 20 (2.75 + 4) × 0.85 × 0.8; STOCKPORT 10 (2 + 3) × 0.85 × 0.5.
        expect(json.client.sites.map((s: { id: string; initialDays: number }) => [s.id, s.initialDays])).toEqual([
            ['HQ', 6.38], ['BOLTON', 5.78], ['WIGAN', 4.59], ['STOCKPORT', 2.13]
        ]);
        // Stage 1 and 2 visit HQ, BOLTON, WIGAN: 16.75 → 16.5 days between them; surveillance 1 (HQ, STOCKPORT, BOLTON)
        // 14.28 / 3 → 5; surveillance 2 (HQ, WIGAN, STOCKPORT) 13.09 / 3 → 4.5; recertification 16.75 × 2 / 3 → 11.
        expect(json.client.initialDays).toBe(16.5);
        expect(json.audits.map((a: { name: string; requiredDays: number }) => [a.name, a.requiredDays])).toEqual([
            ['stage1', 2.5], ['stage2', 13.5], ['surveillance1', 5], ['surveillance2', 4.5], ['recert', 11]
        ]);
        expect(json.client.standards.map((s: { standard: string; table: string }) => [s.standard, s.table])).toEqual([['ISO9001', 'MD5_QMS'], ['ISO14001', 'MD5_EMS']]);
        expect(json.audits.map((a: { requiredSites: number | null }) => a.requiredSites)).toEqual([null, 2, 2, 2, 2]);
        expect(json.diagnostics).toEqual([]);
        const stage2 = JSON.parse(fs.readFileSync(path.join(root, 'out/RIVERBEND/checklist-stage2.json'), 'utf8'));
        expect(stage2.header.standardEdition).toBe('ISO 9001:2015; ISO 14001:2015');
        expect(stage2.activities.map((a: { name: string; standard?: string }) => `${a.name}:${a.standard}`)).toEqual(['stage2:ISO9001', 'stage2:ISO14001']);
    });

    it('is deterministic: the same sources give the same bytes', () => {
        const root = tempWorkspace({});
        runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'a', '--today', '2026-06-01'], root);
        runCerta(['programme', examples, '--client', 'NORTHWIND', '--out', 'b', '--today', '2026-06-01'], root);
        for (const file of ['programme.md', 'programme.html', 'programme.xlsx', 'programme.json', 'programme.audits.csv', 'checklist-stage2.xlsx', 'checklist-stage2.csv', 'checklist-recert.html']) {
            expect(fs.readFileSync(path.join(root, 'a/NORTHWIND', file)).equals(fs.readFileSync(path.join(root, 'b/NORTHWIND', file))), file).toBe(true);
        }
    });

    it('reports a multi-site sample below IAF MD 1 in the programme\'s diagnostics (with --force) and refuses without it', () => {
        const root = tempWorkspace({ 'team.certa': TEAM, 'depots.certa': multiSite('HQ, P1, P2') });
        const refused = runCerta(['programme', '.', '--client', 'DEPOTS', '--out', 'out', '--format', 'json', '--today', '2026-06-01'], root);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/certa\.programme\.sample-below-minimum/);
        expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
        const forced = runCerta(['programme', '.', '--client', 'DEPOTS', '--out', 'out', '--format', 'json', '--today', '2026-06-01', '--force'], root);
        expect(forced.code).toBe(0);
        const json = JSON.parse(fs.readFileSync(path.join(root, 'out/DEPOTS/programme.json'), 'utf8'));
        expect(new Ajv2020({ strict: true }).compile(schema)(json)).toBe(true);
        expect(json.client.sampledSites).toBe(10);
        expect(json.audits[1]).toMatchObject({ kind: 'stage2', sites: ['HQ', 'P1', 'P2'], requiredSites: 4 });
        expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['certa.programme.sample-below-minimum', 'certa.programme.site-never-visited']));
    });

    it('a clean multi-site client: each site its own time (IAF MD 1 7.3), not that of 100 people at one site', () => {
        const root = tempWorkspace({ 'team.certa': TEAM, 'depots.certa': multiSite('HQ, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10', '18.5') });
        const run = runCerta(['programme', '.', '--client', 'DEPOTS', '--out', 'out', '--format', 'json,md', '--today', '2026-06-01'], root);
        expect(run.stderr).toBe('certa: wrote the programme of DEPOTS to out (json, md); no checklists: the client names no scheme (certifiedUnder)\n');
        const json = JSON.parse(fs.readFileSync(path.join(root, 'out/DEPOTS/programme.json'), 'utf8'));
        // As one site: 100 personnel, Table QMS 1 between (85, 6) and (125, 7): 6.375 → 6.5 days. Per site: the head
        // office's 40 people 3.75 days, each depot's 6 people 1.6 (between (5, 1.5) and (10, 2)): 19.75 → 20.
        expect(json.client).toMatchObject({ effectivePersonnel: 100, initialDays: 20, surveillanceDays: 2, recertificationDays: 4.5 });
        expect(json.client.sites.slice(0, 2).map((s: { id: string; initialDays: number }) => [s.id, s.initialDays])).toEqual([['HQ', 3.75], ['P1', 1.6]]);
        expect(json.diagnostics).toEqual([]);
        expect(fs.readFileSync(path.join(root, 'out/DEPOTS/programme.md'), 'utf8')).toContain('| P1 | Depot 1 | 6 |  |  | 1.6 |');
    });

    it('visits every site at stage 2 and 30 % per surveillance when sampling is not appropriate (IAF MD 1 6.2.1)', () => {
        const depots = multiSite('HQ, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10', '18.5')
            .replace('    site HQ', '    noSampling because "each depot handles other goods"\n    site HQ')
            .replace('    decided', '    audit v1: surveillance 2027-03-01 { days 2.5 onSite 2.5 sites HQ, P1, P2 team lee as LeadAuditor }\n    decided');
        const root = tempWorkspace({ 'team.certa': TEAM, 'depots.certa': depots });
        const run = runCerta(['programme', '.', '--client', 'DEPOTS', '--out', 'out', '--format', 'json,md', '--today', '2026-06-01', '--force'], root);
        expect(run.code).toBe(0);
        const json = JSON.parse(fs.readFileSync(path.join(root, 'out/DEPOTS/programme.json'), 'utf8'));
        expect(new Ajv2020({ strict: true }).compile(schema)(json)).toBe(true);
        expect(json.client).toMatchObject({ sampledSites: 10, siteMethod: 'allSites' });
        expect(json.audits.map((a: { name: string; requiredSites: number }) => [a.name, a.requiredSites])).toEqual([['s1', null], ['s2', 10], ['v1', 3]]);
        // Stage 2 visits all ten; the surveillance (line 18) two of the three of 6.2.1.
        expect(json.diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual(['18 certa.programme.sample-below-minimum']);
        expect(fs.readFileSync(path.join(root, 'out/DEPOTS/programme.md'), 'utf8')).toContain('sampling is not appropriate: every site at stage 2 and recertification');
    });

    it('says which clients there are when --client names none, and refuses unknown formats', () => {
        const root = tempWorkspace({ 'team.certa': TEAM, 'depots.certa': multiSite('HQ') });
        const run = runCerta(['programme', '.', '--client', 'NOPE', '--out', 'out'], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("no client 'NOPE' in the sources; clients: DEPOTS");
        const format = runCerta(['programme', '.', '--client', 'DEPOTS', '--out', 'out', '--format', 'pdf'], root);
        expect(format.code).toBe(2);
        expect(format.stderr).toContain('unknown format pdf; choose from md, html, csv, xlsx, json');
    });
});
