import type { FuzzCase, Step } from './case-script.js';
import { tokenize } from './mutations.js';

/**
 * Delta debugging (Zeller's ddmin): the smallest subsequence of `items` for which `fails` still
 * holds, 1-minimal (removing any single item makes it pass) unless the budget runs out first.
 */
export async function ddmin<T>(items: T[], fails: (candidate: T[]) => Promise<boolean>, budget: Budget): Promise<T[]> {
    let current = items;
    let granularity = 2;
    while (current.length >= 2 && !budget.spent()) {
        const chunk = Math.ceil(current.length / granularity);
        const subsets: T[][] = [];
        for (let i = 0; i < current.length; i += chunk) subsets.push(current.slice(i, i + chunk));
        let reduced: T[] | undefined;
        for (const subset of subsets) { // one part alone still fails
            if (budget.spent() || reduced) break;
            if (await budget.test(() => fails(subset))) reduced = subset;
        }
        if (reduced) {
            current = reduced;
            granularity = 2;
            continue;
        }
        for (let i = 0; granularity > 2 && i < subsets.length; i++) { // everything but one part still fails
            if (budget.spent() || reduced) break;
            const complement = subsets.filter((_, j) => j !== i).flat();
            if (await budget.test(() => fails(complement))) reduced = complement;
        }
        if (reduced) {
            current = reduced;
            granularity = Math.max(granularity - 1, 2);
            continue;
        }
        if (granularity >= current.length) break;
        granularity = Math.min(current.length, granularity * 2);
    }
    if (current.length === 1 && !budget.spent() && await budget.test(() => fails([]))) return [];
    return current;
}

/** How many candidate runs and how much time minimising one failure may take. */
export class Budget {
    tests = 0;
    private readonly started = performance.now();

    constructor(private readonly maxTests: number, private readonly maxMs: number) {}

    spent(): boolean {
        return this.tests >= this.maxTests || performance.now() - this.started > this.maxMs;
    }

    async test(run: () => Promise<boolean>): Promise<boolean> {
        this.tests++;
        return run();
    }
}

/**
 * Shrinks a failing case while `fails` (same signature) holds: first its steps, then the documents
 * of each add step, then every document's text by lines, tokens and characters.
 */
export async function minimiseCase(fuzzCase: FuzzCase, fails: (candidate: FuzzCase) => Promise<boolean>, budget: Budget): Promise<FuzzCase> {
    const withSteps = (steps: Step[]): FuzzCase => ({ ...fuzzCase, steps });
    let steps = await ddmin(fuzzCase.steps, candidate => fails(withSteps(candidate)), budget);

    for (let s = 0; s < steps.length; s++) {
        const step = steps[s];
        if (step.op !== 'add' || step.docs.length < 2) continue;
        const docs = await ddmin(step.docs, candidate => fails(withSteps(replace(steps, s, { ...step, docs: candidate }))), budget);
        steps = replace(steps, s, { ...step, docs });
    }

    for (let s = 0; s < steps.length; s++) {
        const count = steps[s].op === 'add' ? (steps[s] as Extract<Step, { op: 'add' }>).docs.length : steps[s].op === 'edit' ? 1 : 0;
        for (let d = 0; d < count; d++) {
            const withText = (text: string): Step => {
                const step = steps[s];
                if (step.op === 'add') return { ...step, docs: step.docs.map((doc, i) => i === d ? { ...doc, text } : doc) };
                return { ...(step as Extract<Step, { op: 'edit' }>), text };
            };
            const current = steps[s];
            let text = current.op === 'add' ? current.docs[d].text : (current as Extract<Step, { op: 'edit' }>).text;
            const test = (candidate: string) => fails(withSteps(replace(steps, s, withText(candidate))));
            text = (await ddmin(splitLines(text), c => test(c.join('')), budget)).join('');
            text = (await ddmin(tokenize(text), c => test(c.join('')), budget)).join('');
            if (text.length <= 4000) text = (await ddmin([...text], c => test(c.join('')), budget)).join('');
            steps = replace(steps, s, withText(text));
        }
    }
    steps = await simplifyOptions(steps, candidate => fails(withSteps(candidate)), budget);
    // Shrunk texts and dropped documents can make more steps unnecessary.
    steps = await ddmin(steps, candidate => fails(withSteps(candidate)), budget);
    const tidied = tidy(steps); // renaming changes URIs, and so the order documents are built in: check
    return withSteps(await fails(withSteps(tidied)) ? tidied : steps);
}

/** Fewer formats and no scheme or catalog options on generate steps, where the failure allows. */
async function simplifyOptions(steps: Step[], fails: (steps: Step[]) => Promise<boolean>, budget: Budget): Promise<Step[]> {
    for (let s = 0; s < steps.length; s++) {
        const step = steps[s];
        if (step.op !== 'generate') continue;
        const formats = await ddmin(step.formats, c => fails(replace(steps, s, { ...step, formats: c })), budget);
        let simpler: Extract<Step, { op: 'generate' }> = { ...step, formats };
        steps = replace(steps, s, simpler);
        for (const option of ['scheme', 'catalogs'] as const) {
            const without: Extract<Step, { op: 'generate' }> = { ...simpler, [option]: undefined };
            if (simpler[option] !== undefined && !budget.spent() && await budget.test(() => fails(replace(steps, s, without)))) {
                simpler = without;
                steps = replace(steps, s, simpler);
            }
        }
    }
    return steps;
}

/**
 * Readability only, no change in behaviour: steps on documents never added dropped (the harness
 * ignores them), documents named a.certa, b.certa, … in order of appearance, and query offsets
 * clamped to the text they are asked on (the harness clamps too).
 */
function tidy(steps: Step[]): Step[] {
    const added = new Set(steps.flatMap(s => s.op === 'add' ? s.docs.map(d => d.name) : []));
    steps = steps.flatMap((step): Step[] => {
        if (step.op === 'remove') {
            const docs = step.docs.filter(d => added.has(d));
            return docs.length > 0 ? [{ ...step, docs }] : [];
        }
        return (step.op === 'edit' || step.op === 'query') && !added.has(step.doc) ? [] : [step];
    });
    const names = new Map<string, string>();
    const rename = (name: string) => {
        if (!names.has(name)) names.set(name, `${String.fromCharCode(97 + names.size % 26)}${names.size >= 26 ? Math.floor(names.size / 26) : ''}.certa`);
        return names.get(name)!;
    };
    const texts = new Map<string, string>();
    return steps.map(step => {
        switch (step.op) {
            case 'add':
                step.docs.forEach(d => texts.set(d.name, d.text));
                return { ...step, docs: step.docs.map(d => ({ ...d, name: rename(d.name) })) };
            case 'edit':
                texts.set(step.doc, step.text);
                return { ...step, doc: rename(step.doc) };
            case 'remove':
                return { ...step, docs: step.docs.map(rename) };
            case 'query': {
                const length = texts.get(step.doc)?.length ?? 0;
                const clamp = (n: number) => Math.min(Math.max(0, n), length);
                const end = step.end === undefined ? undefined : Math.max(clamp(step.offset), clamp(step.end));
                return { ...step, doc: rename(step.doc), offset: clamp(step.offset), ...(end === undefined ? {} : { end }) };
            }
            default:
                return step;
        }
    });
}

function replace<T>(items: T[], index: number, item: T): T[] {
    return items.map((x, i) => i === index ? item : x);
}

/** Lines with their line ends, so that joining them gives the text back. */
function splitLines(text: string): string[] {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
