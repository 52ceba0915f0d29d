/**
 * The competence matrix's cross tables (competences × roles, people × roles, …) are grids while
 * they stay readable; past this many cells a grid is neither printable nor quick to write (a
 * workspace of 3,000 roles and 3,000 competences would be 9 million cells, found by the fuzzer as
 * `hang-generate-wide-matrix`), so the same facts are listed per row instead.
 */
export const GRID_CELL_LIMIT = 250_000;

export function fitsGrid(rows: number, columns: number): boolean {
    return rows * columns <= GRID_CELL_LIMIT;
}

/** The note a listed (not gridded) section carries, so a reader knows why its shape changed. */
export function listedNote(rows: number, rowKind: string, columns: number, columnKind: string): string {
    return `${rows} ${rowKind} × ${columns} ${columnKind} is more than a readable grid (${GRID_CELL_LIMIT.toLocaleString('en')} cells): each row lists its ${columnKind} instead.`;
}
