// The budgets (issue 14, item 6), for a 2-core machine. A metric passes when its value is at most
// its budget (or equals it, for yes/no metrics). Metrics without a budget are reported for the
// before/after comparison only.
export const budgets = {
    // The full build against the lexer alone on the same text, in the same process, in main-thread
    // CPU time: the ratio carries little of the machine's speed and, in CPU time, little of its load.
    // Vanilla Langium on a grammar like ours is about 44×.
    build2000RatioToLexer: 20,
    // Each doubling of the workspace from 1,000 to 8,000 files (main-thread CPU time; the heap the
    // workspace adds): near-linear, room for the log factors of maps and sorting, none for a scan of
    // all documents per document.
    buildTimeGrowth1000To2000: 2.2,
    buildTimeGrowth2000To4000: 2.2,
    buildTimeGrowth4000To8000: 2.2,
    buildHeapGrowth1000To2000: 2.2,
    buildHeapGrowth2000To4000: 2.2,
    buildHeapGrowth4000To8000: 2.2,
    // Heap after a full collection with the workspace loaded (builtin catalogs included).
    build2000HeapMiB: 250,
    build8000HeapMiB: 1024,
    // Edit → publishDiagnostics of the edited file at 2,000 files: a leaf scheme, and the shared roles
    // file that 1,000 files refer to. Typing feels immediate under about 50 ms; no edit may stall.
    editP95LeafMs: 30,
    editMaxLeafMs: 250,
    editP95SharedRolesMs: 50,
    editMaxSharedRolesMs: 250,
    completionP95Ms: 20,
    hoverP95Ms: 10,
    // CI runs `certa validate` as a fresh process on every push.
    cliColdRatioToNode: 5,
    // 50,000 checklist items in md, html, csv, xlsx and json (main-thread CPU time, as the build),
    // byte for byte reproducible: the checklists alone (`--documents checklist`), and every document
    // `certa generate` writes for the same schemes (since issue 11 also a scheme document and a
    // conformity checklist per scheme: twice the bytes of the checklists), held to the same budget.
    generateChecklists50000ItemsCpuMs: 3000,
    generate50000ItemsCpuMs: 3000,
    generateDeterministic: true,
    // The language server's live heap (after a full GC) after thousands of edits of one scheme, to
    // its live heap after opening: old documents, their diagnostics and indexes are let go.
    serverLiveHeapGrowthAfterEdits: 1.15,
    // The idle server's RSS after those edits, to its RSS after opening, each read once it has
    // settled (memory-soak.mjs: V8 gives back the heap pages it kept only when its memory reducer runs).
    serverRssGrowthAfterEdits: 1.15
};

export function passes(value, budget) {
    if (budget === undefined || budget === null) return null;
    if (value === null || value === undefined) return false;
    return typeof budget === 'boolean' ? value === budget : value <= budget;
}
