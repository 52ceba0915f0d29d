import type { ResolvedClause } from './documents.js';
import { clauseKey } from './clauses.js';

/**
 * A document laid out as titled tables: what the Markdown, HTML, CSV and XLSX renderers share.
 * Cells hold raw text from the scheme; each renderer escapes it for its own format. A report is
 * not changed once built: the renderers measure a section once (render/layout.ts).
 */

/** How a cell is highlighted; renderers show it with colour and the cell text says it in words too. */
export type Tone = 'gap' | 'partial' | 'excluded' | 'expired' | 'ok' | 'heading';

/** Plain text, or text that refers to a clause (linked to the clause index in HTML). */
export type CellPart = string | { text: string; clause: ResolvedClause };

export interface Cell {
    parts: CellPart[];
    tone?: Tone;
    /** Indentation level (clause depth in a coverage matrix). */
    indent?: number;
    /** In a finding column: the values this row accepts (null: free text, e.g. a measured value); else the report's. */
    choices?: readonly string[] | null;
}

export interface Column {
    header: string;
    /** The finding column of a checklist: a drop-down of `Report.findingValues` in XLSX. */
    finding?: boolean;
    /** A column left empty for the auditor to fill in. */
    blank?: boolean;
}

export interface Section {
    /** Short, unique within the report; used for anchors, CSV file names and sheet names. */
    id: string;
    heading: string;
    notes: string[];
    columns: Column[];
    rows: Cell[][];
    /** Not part of the one-table CSV of a flat report (a checklist's header and summary). */
    aside?: boolean;
}

export interface Report {
    /** Output path without extension, forward slashes: `QMS/checklist`. */
    path: string;
    title: string;
    facts: Array<[string, string]>;
    sections: Section[];
    /** Every clause the report refers to, in clause order: the HTML clause index. */
    clauses: ResolvedClause[];
    /**
     * When all sections share their columns, CSV writes one table: `columns` are all its columns,
     * `lead` gives the cells that precede each section's own.
     */
    flat?: { columns: Column[]; lead: (section: Section) => Cell[] };
    findingValues?: readonly string[];
}

// Most cells of a checklist are empty (the columns the auditor fills in): they share one empty
// list of parts rather than each holding its own while the report waits to be rendered. Frozen:
// a report is not changed once built, and a push onto the shared list would fill every empty cell.
const NO_PARTS = Object.freeze([]) as unknown as CellPart[];

export function text(value: string | undefined, tone?: Tone): Cell {
    const cell: Cell = { parts: value === undefined || value === '' ? NO_PARTS : [value] };
    if (tone) cell.tone = tone;
    return cell;
}

export function cellText(cell: Cell): string {
    // Called for every cell of every format: most cells are one plain string or empty.
    const parts = cell.parts;
    if (parts.length === 0) return '';
    if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
    return cell.parts.map(part => typeof part === 'string' ? part : part.text).join('');
}

/** Clause links separated by `; `. */
export function clauseCell(entries: Array<{ text: string; clause?: ResolvedClause }>): Cell {
    const parts: CellPart[] = [];
    entries.forEach((entry, index) => {
        if (index > 0) parts.push('; ');
        parts.push(entry.clause ? { text: entry.text, clause: entry.clause } : entry.text);
    });
    return { parts };
}

/** The clauses referred to anywhere in the sections, once each, in the order given by `order`. */
export function referencedClauses(sections: Section[], order: (a: ResolvedClause, b: ResolvedClause) => number): ResolvedClause[] {
    const seen = new Map<string, ResolvedClause>();
    // The same clause objects recur in many cells: skip them before building their key.
    const visited = new Set<ResolvedClause>();
    // Indexed loops: this visits every cell of every document, and `for … of` made an iterator
    // result per cell and part until the function was optimised.
    for (const section of sections) {
        const rows = section.rows;
        for (let r = 0; r < rows.length; r++) {
            const row = rows[r];
            for (let c = 0; c < row.length; c++) {
                const parts = row[c].parts;
                for (let p = 0; p < parts.length; p++) {
                    const part = parts[p];
                    if (typeof part === 'string' || visited.has(part.clause)) continue;
                    visited.add(part.clause);
                    const key = clauseKey(part.clause);
                    if (!seen.has(key)) seen.set(key, part.clause);
                }
            }
        }
    }
    return [...seen.values()].sort(order);
}

const UNSAFE_ANCHOR = /[^A-Za-z0-9_.-]/;

/** Anchor id of a clause in the HTML clause index. */
export function clauseAnchor(clause: Pick<ResolvedClause, 'catalog' | 'number'>): string {
    const anchor = `clause-${clause.catalog}-${clause.number}`;
    // Nearly every anchor is safe as it is (one per clause link): test before replacing.
    return UNSAFE_ANCHOR.test(anchor) ? anchor.replace(/[^A-Za-z0-9_.-]/g, '_') : anchor;
}
