import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCase } from './case-script.js';
import { catalogFolder, repositoryRoot } from './vocabulary.js';

/** A seed: the documents of one workspace (most seeds are one file; some cases are folders of several). */
export interface Seed {
    name: string;
    texts: string[];
}

/** Inputs that crashed the rules of 0.1: always in the corpus, unmutated and as mutation bases. */
export const knownCrashers: Seed[] = [
    { name: 'crasher/scheme-type-cut', texts: ['scheme V{type 5'] },
    { name: 'crasher/catalog-without-title', texts: ['catalog t'] },
    { name: 'crasher/activity-covers-number', texts: ['scheme S{activity:{covers 2'] },
    { name: 'crasher/basis-without-catalog', texts: ['competence C "c" basis 8.5'] },
    { name: 'crasher/clause-without-number', texts: ['catalog K "k" { clause "heading" clause { clause } }'] },
    { name: 'crasher/scheme-covers-no-catalog', texts: ['scheme S "s" { activity a: stage1 audit { covers 8.5.1 } }\nrole R "r"'] }
];

export const regressionFolder = path.join(repositoryRoot, 'packages', 'language', 'test', 'fuzz', 'regressions');

/**
 * Every `.certa` under examples/, the builtin catalogs and the validation cases (a folder case is
 * one seed), the known crashers, and the documents of every regression reproducer.
 */
export function loadSeedCorpus(): Seed[] {
    const seeds: Seed[] = [...knownCrashers, ...regressionSeeds()];
    for (const folder of [path.join(repositoryRoot, 'examples'), catalogFolder, path.join(repositoryRoot, 'packages', 'language', 'test', 'cases')]) {
        collect(folder, seeds);
    }
    // The examples share roles and people across folders: together they are one workspace too.
    const examples = seeds.filter(s => s.name.startsWith('examples/'));
    seeds.push({ name: 'examples', texts: examples.flatMap(s => s.texts) });
    return seeds;
}

function collect(folder: string, seeds: Seed[]): void {
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const files = entries.filter(e => e.isFile() && e.name.endsWith('.certa')).map(e => path.join(folder, e.name));
    const relative = (p: string) => path.relative(repositoryRoot, p);
    // A folder of cases (or of examples) whose files make one workspace: under cases/<family>/<case>/ and examples/<name>/.
    const isWorkspace = /(cases\/[^/]+\/[^/]+|examples\/[^/]+)$/.test(relative(folder));
    if (isWorkspace && files.length > 0) {
        seeds.push({ name: relative(folder), texts: files.map(f => fs.readFileSync(f, 'utf8')) });
    } else {
        for (const file of files) seeds.push({ name: relative(file), texts: [fs.readFileSync(file, 'utf8')] });
    }
    for (const entry of entries) {
        if (entry.isDirectory()) collect(path.join(folder, entry.name), seeds);
    }
}

/**
 * The documents a reproducer adds and edits: what broke once is the likeliest thing to break again.
 * Large ones (deep nesting, thousands of declarations) are left out: the mutations make those, and
 * as seeds they would slow every case drawn from them.
 */
function regressionSeeds(): Seed[] {
    if (!fs.existsSync(regressionFolder)) return [];
    return fs.readdirSync(regressionFolder).filter(name => name.endsWith('.certa')).sort().map(name => {
        const steps = parseCase(fs.readFileSync(path.join(regressionFolder, name), 'utf8')).steps;
        const texts = steps.flatMap(s => s.op === 'add' ? s.docs.map(d => d.text) : s.op === 'edit' ? [s.text] : []);
        return { name: `regression/${name}`, texts: texts.filter(t => t.length <= 20_000).slice(-3) };
    }).filter(seed => seed.texts.length > 0);
}
