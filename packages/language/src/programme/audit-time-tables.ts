import type { AuditTimeTable, Catalog } from '../generated/ast.js';
import { unquote } from '../lsp/declaration-text.js';
import { refOf } from '../helpers/node-properties.js';
import type { AuditTimeBand, AuditTimeTableData, Share } from './audit-time.js';
import { MD5_DEFAULTS } from './audit-time.js';

/** An `auditTime` declaration as plain data; unreadable numbers (half-typed text) are left out. */
export function auditTimeTableData(table: AuditTimeTable): AuditTimeTableData {
    const bands: AuditTimeBand[] = [];
    for (const row of table.rows ?? []) {
        const from = Number(row?.from);
        if (!Number.isFinite(from)) continue;
        const to = row.to === undefined ? undefined : Number(row.to);
        bands.push({ from, to: Number.isFinite(to) ? to : undefined, days: (row.days ?? []).map(Number).filter(Number.isFinite) });
    }
    return {
        id: table.name ?? '',
        title: unquote(table.title),
        categories: [...(table.categories ?? [])],
        bands,
        starts: (table.starts ?? []).map(Number).filter(Number.isFinite),
        reading: table.reading === 'stepped' ? 'stepped' : 'continuum',
        maxReductionPercent: numberOr(table.maxReduction, MD5_DEFAULTS.maxReductionPercent),
        minOnSitePercent: numberOr(table.minOnSite, MD5_DEFAULTS.minOnSitePercent),
        surveillanceShare: shareOr(table.surveillanceShare, MD5_DEFAULTS.surveillanceShare),
        recertificationShare: shareOr(table.recertificationShare, MD5_DEFAULTS.recertificationShare),
        source: table.source === undefined ? undefined : unquote(table.source),
        confidence: table.confidence
    };
}

/**
 * Whether a table is the one for a standard: it names the catalog in `standards`, or one of its
 * `designations` is the catalog's designation without the edition ("ISO 14001" for "ISO 14001:2015").
 */
export function tableFits(table: AuditTimeTable, catalog: Catalog): boolean {
    if ((table.standards ?? []).some(ref => refOf(ref) === catalog)) return true;
    const designation = unquote(catalog.designation).split(':')[0].trim();
    return designation !== '' && (table.designations ?? []).some(d => unquote(d).trim() === designation);
}

function numberOr(value: string | undefined, fallback: number): number {
    const n = Number(value);
    return value !== undefined && Number.isFinite(n) ? n : fallback;
}

function shareOr(value: { numerator?: string; denominator?: string } | undefined, fallback: Share): Share {
    const numerator = Number(value?.numerator);
    const denominator = Number(value?.denominator);
    return Number.isFinite(numerator) && Number.isFinite(denominator) && denominator > 0 ? { numerator, denominator } : fallback;
}
