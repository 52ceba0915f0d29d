import type { CertaModel, SchemeModel } from '@certa/language/model';
import { CatalogLookups } from './catalog-lookups.js';
import { buildChecklist } from './checklist.js';
import { clauseOrder } from './clauses.js';
import { buildCompetenceMatrix } from './competence-matrix.js';
import { buildCoverageMatrix, certifiedStandards, schemeUsesCatalog } from './coverage-matrix.js';
import type { AuditHeaderInput, CertaDocument, GeneratedFile } from './documents.js';
import { pathTaker } from './file-names.js';
import type { IndexEntry } from './index-page.js';
import { indexEntry, indexPages } from './index-page.js';
import { renderCsv } from './render/csv.js';
import { renderHtml } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderXlsx } from './render/xlsx.js';
import type { Report } from './report.js';
import { checklistReport, competenceReport, coverageReport } from './report-views.js';
import { buildConformityChecklist } from './conformity-checklist.js';
import { buildSchemeDocument } from './scheme-document.js';
import { conformityReport, schemeDocumentReport } from './scheme-views.js';

export const FORMATS = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
export type Format = typeof FORMATS[number];

/** The documents `certa generate` writes, by their `kind`. */
export const DOCUMENT_KINDS = ['checklist', 'scheme-document', 'conformity-checklist', 'coverage-matrix', 'competence-matrix'] as const satisfies ReadonlyArray<CertaDocument['kind']>;
export type DocumentKind = typeof DOCUMENT_KINDS[number];

export interface GenerateOptions {
    /** The day qualification expiry is checked against, `YYYY-MM-DD`. */
    today: string;
    /** Formats to write; all by default. */
    formats?: readonly Format[];
    /** Documents to write; all by default (e.g. only the checklists for the audit team). */
    documents?: readonly DocumentKind[];
    /** Only this scheme (its checklist, coverage and the competence matrix of its roles). */
    scheme?: string;
    /** Catalogs for clause coverage matrices; by default, per scheme, the standards it certifies (`certifiedStandards`). */
    coverageCatalogs?: readonly string[];
    /**
     * Start CSV files with a UTF-8 byte order mark (the default): without it Excel and
     * LibreOffice's default import read UTF-8 as a legacy code page ("Ã‰valuation").
     */
    csvBom?: boolean;
    /** Checklist header values from a client audit programme; blank fields otherwise. */
    header?: AuditHeaderInput;
}

/** Workbooks that may be in compression while the next documents are rendered. */
const MAX_COMPRESSING = 8;

/** One document and the table layout the text formats render. */
export interface PlannedDocument {
    document: CertaDocument;
    report: Report;
}

/**
 * The documents of a model: per scheme a checklist, a scheme document, the conformity checklist of
 * the body's own standard (ISO/IEC 17065, 17021-1) and coverage matrices, and a competence matrix;
 * only the kinds of `options.documents` when given.
 */
export function planDocuments(model: CertaModel, options: GenerateOptions): PlannedDocument[] {
    return [...eachPlannedDocument(model, options)];
}

/**
 * planDocuments' documents one at a time, each built when the one before has been taken: a run
 * renders each before the next is built, so that only one document's tables are held at a time
 * (holding them all made a third of generation the garbage collector's). Bad options throw here,
 * before the first document.
 */
function eachPlannedDocument(model: CertaModel, options: GenerateOptions): Iterable<PlannedDocument> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
        throw new Error(`"today" must be a date written YYYY-MM-DD, not "${options.today}"`);
    }
    const schemes = options.scheme === undefined ? model.schemes : model.schemes.filter(s => s.id === options.scheme);
    if (options.scheme !== undefined && schemes.length === 0) {
        throw new Error(`no scheme "${options.scheme}" in the workspace (schemes: ${model.schemes.map(s => s.id).join(', ') || 'none'})`);
    }
    return plannedDocuments(model, options, schemes);
}

function* plannedDocuments(model: CertaModel, options: GenerateOptions, schemes: readonly SchemeModel[]): Generator<PlannedDocument> {
    const order = clauseOrder(model.catalogs);
    const lookups = new CatalogLookups(model.catalogs, model.questionBanks ?? []);
    const wanted = new Set<DocumentKind>(options.documents ?? DOCUMENT_KINDS);
    const uniquePath = pathTaker();
    const planned = (document: CertaDocument, report: Report): PlannedDocument => {
        report.path = uniquePath(report.path);
        return { document, report };
    };
    for (const scheme of schemes) {
        if (wanted.has('checklist')) {
            const checklist = buildChecklist(scheme, model.catalogs, { questionBanks: model.questionBanks, header: options.header, lookups });
            yield planned(checklist, checklistReport(checklist, order));
        }
        if (wanted.has('scheme-document')) {
            const schemeDocument = buildSchemeDocument(scheme, model);
            yield planned(schemeDocument, schemeDocumentReport(schemeDocument));
        }
        const bodyStandard = wanted.has('conformity-checklist') ? model.catalogs.find(c => c.id === scheme.operatedUnder) : undefined;
        const body = bodyStandard ? lookups.bodyStandard(bodyStandard.id) : undefined;
        if (bodyStandard && body) {
            const conformity = buildConformityChecklist(scheme, bodyStandard, body, model, lookups);
            yield planned(conformity, conformityReport(conformity, order));
        }
        if (!wanted.has('coverage-matrix')) continue;
        for (const catalogId of options.coverageCatalogs ?? certifiedStandards(scheme)) {
            const catalog = model.catalogs.find(c => c.id === catalogId);
            if (!catalog || !schemeUsesCatalog(scheme, catalogId)) continue;
            const coverage = buildCoverageMatrix(scheme, catalog, lookups.bodyStandard(catalogId));
            yield planned(coverage, coverageReport(coverage, order));
        }
    }
    if (wanted.has('competence-matrix') && model.roles.length + model.competences.length + model.people.length > 0) {
        const matrix = buildCompetenceMatrix(model, { today: options.today, schemes: options.scheme === undefined ? undefined : schemes });
        yield planned(matrix, competenceReport(matrix, order));
    }
}

/**
 * Every generated file for the model, sorted by path. Pure: nothing is written; the same model and
 * options give the same bytes.
 */
export async function generateDocuments(model: CertaModel, options: GenerateOptions): Promise<GeneratedFile[]> {
    const formats = options.formats ?? FORMATS;
    const indexFormats = FORMATS.filter(format => formats.includes(format));
    const entries: IndexEntry[] = [];
    const files = await renderEach(eachPlannedDocument(model, options), formats, { csvBom: options.csvBom }, planned => entries.push(indexEntry(planned, indexFormats)));
    files.push(...indexPages(entries, indexFormats));
    return sortByPath(files);
}

/** The files of planned documents in the formats given: what `certa generate` and `certa programme` write. */
export async function renderDocuments(planned: readonly PlannedDocument[], formats: readonly Format[], options: { csvBom?: boolean } = {}): Promise<GeneratedFile[]> {
    return sortByPath(await renderEach(planned, formats, options));
}

async function renderEach(
    planned: Iterable<PlannedDocument>, formats: readonly Format[], options: { csvBom?: boolean }, onDocument?: (planned: PlannedDocument) => void
): Promise<GeneratedFile[]> {
    const wanted = new Set<Format>(formats);
    const files: GeneratedFile[] = [];
    // Workbooks are compressed on a thread of their own while the next documents are laid out
    // (render/zip-pool.ts); beyond a few in flight, the oldest is waited for, so that only their
    // uncompressed sheets are held in memory.
    const compressing: Array<Promise<void>> = [];
    for (const each of planned) {
        onDocument?.(each);
        const { document, report } = each;
        if (wanted.has('md')) files.push({ path: `${report.path}.md`, content: renderMarkdown(report) });
        if (wanted.has('html')) files.push({ path: `${report.path}.html`, content: renderHtml(report) });
        if (wanted.has('csv')) files.push(...renderCsv(report, { bom: options.csvBom ?? true }));
        if (wanted.has('xlsx')) {
            const file: GeneratedFile = { path: `${report.path}.xlsx`, content: new Uint8Array() };
            files.push(file);
            const done = renderXlsx(report).then(content => { file.content = content; });
            // Awaited below: marked as handled so that a failure is not reported as unhandled first.
            done.catch(() => undefined);
            compressing.push(done);
            if (compressing.length > MAX_COMPRESSING) await compressing.shift();
        }
        if (wanted.has('json')) files.push({ path: `${report.path}.json`, content: renderJson(document) });
    }
    await Promise.all(compressing);
    return files;
}

export function sortByPath<T extends { path: string }>(files: T[]): T[] {
    return files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
