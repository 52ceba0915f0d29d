import type { Random } from './prng.js';

/** A replacement of [start, end) by `insert` in a document's text, or a whole new text. */
export type Edit = { start: number; end: number; insert: string } | { all: string };

/**
 * Half-typed lines and pieces of them, the way text looks between keystrokes: members cut off
 * after their keyword, references without a clause, open blocks and strings, stray punctuation.
 */
export const fragments = [
    'scheme V{type 5', 'covers 2', 'covers ISO9001 ', 'covers ISO9001 8.', 'covers ISO9001 4 .. ', 'covers ISO9001 8.2 .. 8.',
    'refs ISO9001 8.2.', 'refs ', 'refs ISO17021_1 9.', 'activity a: stage2 by ', 'activity : by {', 'activity x: review by LeadAuditor {',
    'role ', 'role R "', 'role LeadAuditor "dup"', 'competence C "c"\n    basis ', 'competence X "x" areas IAF ', 'person p "P" {\n    qualified ',
    'person q "Q" { qualified LeadAuditor until 2020-01-01 }', 'qualified Auditor until 2031-', 'competent ', 'mark M "m" shape ',
    'catalog C "c" {\n    clause 1 "', 'clause 1.1.1.1 "', 'clause A.1 { clause A.1.1', 'exclude ISO9001 8.3 because ', 'needs ',
    'check c "q?"\n    refs ', 'graded ', 'accept "certa.', 'accept "certa.impartiality.evaluator-decides" on ', 'operatedUnder ',
    'certifies managementSystem ', 'certifies product EN50525_2_31', 'type ISO17067 ', 'surveillance every 12 months {', 'recertification before ',
    'cycle 3', 'usesQms ', 'requirement ISO17065 ', 'schemeType 1a "t" { requires ', '}', '}}', '{', '"', '..', ',', ':', '|',
    '\n', '    ', '\t', '// comment', '/* open comment', 'é✓ ', '🙂', '\u0000', '{'.repeat(40), 'x'.repeat(200), '1.2.3.4.5.6.7.8.9'
];

/** The edits of the soak, by weight: most break the text, some repair it (restore, undo by retyping). */
const kinds = {
    deleteSpan: 20,
    insertFragment: 25,
    deleteLine: 8,
    duplicateLine: 5,
    replaceWord: 10,
    swapLines: 4,
    truncate: 3,
    restoreLine: 12,
    restoreAll: 5
};

export type EditKind = keyof typeof kinds;

export function randomEdit(random: Random, text: string, original: string): { kind: EditKind; edit: Edit } {
    const kind = random.weighted(kinds);
    return { kind, edit: editOf(kind, random, text, original) };
}

function editOf(kind: EditKind, random: Random, text: string, original: string): Edit {
    const at = random.int(0, text.length);
    const line = lineAround(text, at);
    switch (kind) {
        case 'deleteSpan':
            return { start: at, end: Math.min(text.length, at + random.int(1, 40)), insert: '' };
        case 'insertFragment': {
            const where = random.chance(0.5) ? line.start : at;
            return { start: where, end: where, insert: random.pick(fragments) };
        }
        case 'deleteLine':
            return { start: line.start, end: Math.min(text.length, line.end + 1), insert: '' };
        case 'duplicateLine':
            return { start: line.end, end: line.end, insert: '\n' + text.slice(line.start, line.end) };
        case 'replaceWord': {
            const word = /[\w.]+/g;
            word.lastIndex = line.start;
            const match = word.exec(text);
            if (!match) return { start: at, end: at, insert: 'Unknown' };
            return { start: match.index, end: match.index + match[0].length, insert: random.pick(['Unknown', 'LeadAuditor', '8.2.33', 'ISO9001', 'X', '']) };
        }
        case 'swapLines': {
            const next = lineAround(text, Math.min(text.length, line.end + 1));
            return { start: line.start, end: next.end, insert: text.slice(next.start, next.end) + '\n' + text.slice(line.start, line.end) };
        }
        case 'truncate':
            return { start: at, end: text.length, insert: '' };
        case 'restoreLine': {
            // Put back the original line at about the same place: the repair an author makes.
            const originalLines = original.split('\n');
            const index = Math.min(originalLines.length - 1, text.slice(0, line.start).split('\n').length - 1);
            return { start: line.start, end: line.end, insert: originalLines[index] };
        }
        case 'restoreAll':
            return { all: original };
    }
}

function lineAround(text: string, offset: number): { start: number; end: number } {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const newline = text.indexOf('\n', offset);
    return { start, end: newline < 0 ? text.length : newline };
}
