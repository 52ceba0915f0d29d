import type { ClientProgramme, ProgrammeAudit } from '@certa/language/programme';
import { roundToHundredth } from '@certa/language/programme';
import { safeFileName } from './file-names.js';
import type { Cell, Report, Section } from './report.js';
import { text } from './report.js';
import { renderCsv } from './render/csv.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { renderXlsx } from './render/xlsx.js';

/** One diagnostic of the client's file, as the CLI reports it. */
export interface ProgrammeDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: string;
    code: string;
    message: string;
}

export interface ProgrammeAuditRow {
    name: string;
    kind: ProgrammeAudit['kind'];
    from: string;
    to: string;
    /** Auditor days planned (declared, else what the calculation requires). */
    auditDays: number | null;
    onSiteDays: number | null;
    offSiteDays: number | null;
    /** What the calculation requires (IAF MD 5, MD 11). */
    requiredDays: number | null;
    sites: string[];
    requiredSites: number | null;
    team: Array<{ person: string; name: string; role: string | null }>;
    activities: string[];
    clauses: string[];
}

/** The programme as data: what `--format json` writes (schema/certa-programme.schema.json). */
export interface ProgrammeDocument {
    kind: 'programme';
    client: {
        id: string;
        name: string;
        scheme: string | null;
        scope: string | null;
        areas: string[];
        effectivePersonnel: number;
        standards: Array<{ standard: string; table: string; complexity: string | null; tableDays: number; increasePercent: number; reductionPercent: number }>;
        integrationReductionPercent: number;
        /** Stage 1 + stage 2: the organisation's time, or with several sites the sum of the sites the two visit (IAF MD 1 7.3). */
        initialDays: number | null;
        /** The organisation's time; with several sites each audit's `requiredDays` is the time of the sites it visits. */
        surveillanceDays: number | null;
        recertificationDays: number | null;
        minOnSitePercent: number | null;
        /** `initialDays`: a permanent site's own initial time with several sites (IAF MD 1 7.3), else null. */
        sites: Array<{ id: string; label: string; personnel: number; central: boolean; temporary: boolean; initialDays: number | null }>;
        sampledSites: number;
        /** IAF MD 1 6.1 (`sampling`) or 6.2, sampling not appropriate (`allSites`). */
        siteMethod: 'sampling' | 'allSites';
        applied: string | null;
        decided: string | null;
        decisionBy: string | null;
        expires: string | null;
        /** Who may not be on this client's audit teams (ISO/IEC 17021-1 5.2), from the client's file and the register. */
        conflicts: Array<{ person: string; name: string; kind: string; until: string | null; barredUntil: string | null; declaredIn: 'client' | 'register'; reason: string | null }>;
    };
    audits: ProgrammeAuditRow[];
    diagnostics: ProgrammeDiagnostic[];
}

const KIND_TEXT: Record<ProgrammeAudit['kind'], string> = {
    stage1: 'Stage 1', stage2: 'Stage 2', surveillance: 'Surveillance', recertification: 'Recertification', special: 'Special'
};

export function buildProgrammeDocument(programme: ClientProgramme, diagnostics: readonly ProgrammeDiagnostic[]): ProgrammeDocument {
    const time = programme.time;
    return {
        kind: 'programme',
        client: {
            id: programme.client,
            name: programme.title,
            scheme: programme.scheme ?? null,
            scope: programme.scope ?? null,
            areas: programme.areas,
            effectivePersonnel: programme.effectivePersonnel,
            standards: programme.standards.map(s => ({
                standard: s.standard, table: s.table, complexity: s.complexity ?? null, tableDays: roundToHundredth(s.tableDays),
                increasePercent: s.adjusted.increasePercent, reductionPercent: s.adjusted.reductionPercent
            })),
            integrationReductionPercent: programme.integrationReductionPercent,
            initialDays: programme.initialDays ?? null,
            surveillanceDays: time?.surveillance ?? null,
            recertificationDays: time?.recertification ?? null,
            minOnSitePercent: time?.minOnSitePercent ?? null,
            sites: programme.sites.map(s => ({
                id: s.id, label: s.label, personnel: s.personnel, central: s.central, temporary: s.temporary,
                initialDays: s.initialDays === undefined ? null : roundToHundredth(s.initialDays)
            })),
            sampledSites: programme.sampledSiteCount,
            siteMethod: programme.siteMethod,
            applied: programme.applied ?? null,
            decided: programme.decided ?? null,
            decisionBy: programme.decisionBy ?? null,
            expires: programme.expires ?? null,
            conflicts: programme.conflicts.map(c => ({
                person: c.person, name: c.name, kind: c.kind, until: c.until ?? null, barredUntil: c.barredUntil ?? null,
                declaredIn: c.declaredIn, reason: c.reason ?? null
            }))
        },
        audits: [...programme.audits].sort((a, b) => a.from.localeCompare(b.from)).map(audit => {
            const auditDays = audit.auditDays ?? audit.requiredDays ?? null;
            const onSiteDays = audit.onSiteDays ?? null;
            return {
                name: audit.name,
                kind: audit.kind,
                from: audit.from,
                to: audit.to ?? audit.from,
                auditDays,
                onSiteDays,
                offSiteDays: auditDays !== null && onSiteDays !== null ? Math.max(0, roundToHundredth(auditDays - onSiteDays)) : null,
                requiredDays: audit.requiredDays ?? null,
                sites: audit.sites,
                requiredSites: audit.requiredSites ?? null,
                team: audit.team.map(t => ({ person: t.person, name: t.name, role: t.role ?? null })),
                activities: audit.activities,
                clauses: audit.clauses
            };
        }),
        diagnostics: [...diagnostics]
    };
}

function dayCount(n: number | null): string {
    return n === null ? '' : `${n} auditor day${n === 1 ? '' : 's'}`;
}

function days(n: number | null): string {
    return n === null ? '' : String(n);
}

/** The programme laid out as tables for the Markdown, HTML and XLSX writers. */
export function programmeReport(doc: ProgrammeDocument): Report {
    const c = doc.client;
    const facts: Array<[string, string]> = [['Client', `${c.id}: ${c.name}`]];
    if (c.scheme) facts.push(['Scheme', c.scheme]);
    if (c.scope) facts.push(['Scope', c.areas.length > 0 ? `${c.scope} (${c.areas.join(', ')})` : c.scope]);
    facts.push(['Effective personnel', String(c.effectivePersonnel)]);
    const perSite = c.sites.some(s => s.initialDays !== null);
    if (c.initialDays !== null && perSite) {
        facts.push(['Audit time', `initial ${dayCount(c.initialDays)} for the sites stage 1 and stage 2 visit; each audit the time of the sites it visits (IAF MD 1 7.3); at least ${c.minOnSitePercent} % on site (IAF MD 5)`]);
    } else if (c.initialDays !== null) {
        facts.push(['Audit time', `initial ${dayCount(c.initialDays)}, each surveillance ${dayCount(c.surveillanceDays)}, recertification ${dayCount(c.recertificationDays)}; at least ${c.minOnSitePercent} % on site (IAF MD 5)`]);
    }
    for (const [label, value] of [['Applied', c.applied], ['Certification decision', c.decided && `${c.decided}${c.decisionBy ? ` by ${c.decisionBy}` : ''}`], ['Certificate expires', c.expires]] as const) {
        if (value) facts.push([label, value]);
    }
    const sections: Section[] = [
        {
            id: 'audits', heading: 'Audits of the cycle', notes: [],
            columns: ['Audit', 'Kind', 'From', 'To', 'Auditor days', 'On site', 'Off site', 'Required', 'Sites', 'Team', 'Activities', 'Clauses'].map(header => ({ header })),
            rows: doc.audits.map(a => [
                text(a.name), text(KIND_TEXT[a.kind]), text(a.from), text(a.to), text(days(a.auditDays)), text(days(a.onSiteDays)),
                text(days(a.offSiteDays)), requiredCell(a), text(sitesText(a)),
                text(a.team.map(t => `${t.name}${t.role ? ` (${t.role})` : ''}`).join('; ')),
                text(a.activities.join(', ')), text(a.clauses.join('; '))
            ])
        },
        {
            id: 'time', heading: 'Audit time (IAF MD 5, IAF MD 11)', notes: c.standards.length > 1 && c.integrationReductionPercent > 0
                ? [`Integrated audit: the standards' times are added and reduced by ${c.integrationReductionPercent} % for the level of integration (IAF MD 11).`] : [],
            columns: ['Standard', 'Table', 'Complexity', 'Table days', 'Increase %', 'Reduction %'].map(header => ({ header })),
            rows: c.standards.map(s => [text(s.standard), text(s.table), text(s.complexity ?? ''), text(String(s.tableDays)),
                text(String(s.increasePercent)), text(String(s.reductionPercent))])
        },
        {
            id: 'sites', heading: 'Sites', notes: c.siteMethod === 'allSites'
                ? [`${c.sampledSites} sites besides the central function; sampling is not appropriate: every site at stage 2 and recertification, 30 % of them in each surveillance (IAF MD 1 6.2.1).`]
                : c.sampledSites > 1 ? [`${c.sampledSites} sites besides the central function: samples per IAF MD 1.`] : [],
            columns: ['Site', 'Address', 'Personnel', 'Central function', 'Temporary', ...(perSite ? ['Own initial time (days, IAF MD 1 7.3)'] : [])].map(header => ({ header })),
            rows: c.sites.map(s => [text(s.id), text(s.label), text(String(s.personnel)), text(s.central ? 'yes' : ''), text(s.temporary ? 'yes' : ''),
                ...(perSite ? [text(s.initialDays === null ? '' : String(s.initialDays))] : [])])
        },
        {
            id: 'conflicts', heading: 'Declared conflicts of interest (ISO/IEC 17021-1 5.2)',
            notes: c.conflicts.length > 0 ? ['These people may not be on an audit team of this client until the day after "Not on a team until".'] : ['None declared, in the client\'s file or in the person register.'],
            columns: ['Person', 'Relationship', 'Until', 'Not on a team until', 'Declared in', 'Reason'].map(header => ({ header })),
            rows: c.conflicts.map(x => [text(`${x.name} (${x.person})`), text(x.kind), text(x.until ?? 'no end declared'),
                text(x.barredUntil ?? 'no end declared'), text(x.declaredIn === 'client' ? 'the client\'s file' : 'the person register'), text(x.reason ?? '')])
        },
        {
            id: 'diagnostics', heading: 'Findings on the programme', notes: [],
            columns: ['Severity', 'Code', 'Line', 'Message'].map(header => ({ header })),
            rows: doc.diagnostics.map(d => [text(d.severity, d.severity === 'error' ? 'gap' : undefined), text(d.code), text(String(d.line)), text(d.message)])
        }
    ];
    return { path: `${safeFileName(c.id)}/programme`, title: `Audit programme: ${c.name}`, facts, sections, clauses: [] };
}

function requiredCell(a: ProgrammeAuditRow): Cell {
    if (a.requiredDays === null) return text('');
    const short = a.auditDays !== null && a.auditDays < a.requiredDays;
    return text(short ? `${a.requiredDays} (SHORT)` : String(a.requiredDays), short ? 'gap' : undefined);
}

function sitesText(a: ProgrammeAuditRow): string {
    const sites = a.sites.join(', ');
    return a.requiredSites === null ? sites : `${sites} (MD 1: at least ${a.requiredSites} besides the central function)`;
}

export const PROGRAMME_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
export type ProgrammeFormat = typeof PROGRAMME_FORMATS[number];

/** The programme's files, sorted by path; pure. */
export async function generateProgramme(doc: ProgrammeDocument, formats: readonly ProgrammeFormat[], options: { csvBom?: boolean } = {}): Promise<Array<{ path: string; content: string | Uint8Array }>> {
    const report = programmeReport(doc);
    const files: Array<{ path: string; content: string | Uint8Array }> = [];
    if (formats.includes('md')) files.push({ path: `${report.path}.md`, content: renderMarkdown(report) });
    if (formats.includes('html')) files.push({ path: `${report.path}.html`, content: renderHtml(report) });
    if (formats.includes('csv')) files.push(...renderCsv(report, { bom: options.csvBom ?? true }));
    if (formats.includes('xlsx')) files.push({ path: `${report.path}.xlsx`, content: await renderXlsx(report) });
    if (formats.includes('json')) files.push({ path: `${report.path}.json`, content: JSON.stringify(doc, null, 2) + '\n' });
    return files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
