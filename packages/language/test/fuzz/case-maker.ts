import type { DocumentText, FuzzCase, Provider, Step } from './case-script.js';
import { FORMATS, PROVIDERS } from './case-script.js';
import { generateDocument } from './grammar-generator.js';
import { mutate, tokenize } from './mutations.js';
import { Random } from './prng.js';
import type { Seed } from './seed-corpus.js';
import { builtinCatalogFacts, grammarKeywords, scanDeclarations } from './vocabulary.js';

/** Providers that take a range rather than a position. */
const rangeProviders = new Set<Provider>(['formatRange', 'semanticRange', 'inlayHints', 'codeActions']);
const typedCharacters = ['{', '}', '\n', ' ', ',', ':', '.', '"', '|'];
const newNames = ['Renamed', 'x', 'ISO9001', 'scheme', '1', '', 'two words', 'Ü', 'a'.repeat(300)];

/**
 * Makes the cases of a run from its seed. Case `n` is drawn from `seed` and `n` alone, given the
 * workspace the earlier cases left; the maker keeps its own view of that workspace (document
 * names and texts) so that any case can be written out as a standalone reproducer.
 */
export class CaseMaker {
    /** Live documents as the worker has them, in the order added. */
    readonly live = new Map<string, string>();
    /** Removed documents the worker still holds (their old trees are queried). */
    readonly removed = new Map<string, string>();
    private counter = 0;

    constructor(private readonly seed: number, private readonly corpus: Seed[]) {}

    /** The worker was restarted: its workspace is empty again. */
    forget(): void {
        this.live.clear();
        this.removed.clear();
    }

    next(id: number): FuzzCase {
        const random = new Random((this.seed * 0x9e3779b1) ^ (id * 0x85ebca77));
        const steps: Step[] = [];

        // Documents from earlier cases are kept, or some are removed (their trees stay queryable).
        const excess = Math.max(0, this.live.size - 4);
        if (excess > 0 || (this.live.size > 0 && random.chance(0.25))) {
            const names = [...this.live.keys()];
            const count = Math.max(excess, random.int(1, Math.min(3, names.length)));
            const gone = excess > 0 ? names.slice(0, count) : Array.from({ length: count }, () => random.pick(names));
            steps.push({ op: 'remove', docs: [...new Set(gone)] });
        }

        const added = this.newDocuments(random);
        steps.push({ op: 'add', docs: added });
        this.apply(steps);

        // Requests on what was just added, on older documents, and now and then on removed ones.
        const targets = [...added.map(d => d.name)];
        if (this.live.size > added.length && random.chance(0.4)) targets.push(random.pick([...this.live.keys()]));
        if (this.removed.size > 0 && random.chance(0.2)) targets.push(random.pick([...this.removed.keys()]));
        for (const name of targets) {
            const count = random.int(2, 6);
            for (let i = 0; i < count; i++) steps.push(this.query(random, name));
        }

        // Typing: a few successive edits at one cursor, each followed by the requests an editor sends.
        if (random.chance(0.3) && this.live.size > 0) steps.push(...this.typing(random));

        if (random.chance(0.5)) {
            const schemes = scanDeclarations(this.live.values()).Scheme;
            const catalogs = builtinCatalogFacts().map(c => c.id);
            // Rendering costs more than everything else in a case (xlsx ten times more): with no
            // format drawn, the step still builds the model and plans every document.
            const formats = FORMATS.filter(f => random.chance(f === 'xlsx' ? 0.05 : 0.35));
            steps.push({
                op: 'generate',
                formats,
                scheme: schemes.length > 0 && random.chance(0.4) ? random.pick(schemes) : undefined,
                catalogs: random.chance(0.5) ? undefined : catalogs.filter(() => random.chance(0.4))
            });
        }
        return { id, steps };
    }

    /** Updates the view of the workspace with steps the worker is about to run. */
    private apply(steps: Step[]): void {
        for (const step of steps) {
            if (step.op === 'remove') {
                for (const name of step.docs) {
                    this.removed.set(name, this.live.get(name)!);
                    this.live.delete(name);
                }
                // The harness keeps the last few removed trees, evicting the oldest, as here.
                while (this.removed.size > 6) this.removed.delete(this.removed.keys().next().value!);
            } else if (step.op === 'add') {
                for (const doc of step.docs) {
                    this.removed.delete(doc.name);
                    this.live.set(doc.name, doc.text);
                }
            } else if (step.op === 'edit') {
                this.live.set(step.doc, step.text);
            }
        }
    }

    private freshName(random: Random): string {
        if (this.removed.size > 0 && random.chance(0.2)) return random.pick([...this.removed.keys()]); // a removed file comes back
        return `d${++this.counter}.certa`;
    }

    private newDocuments(random: Random): DocumentText[] {
        const roll = random.next();
        let texts: string[];
        if (roll < 0.35) {
            const names = scanDeclarations(this.live.values());
            texts = Array.from({ length: random.int(1, 3) }, () => generateDocument(random, names, {
                maxDepth: random.int(3, 12), maxTokens: random.pick([60, 300, 1500])
            }));
        } else if (roll < 0.85) {
            texts = this.seedTexts(random).map(text => mutate(text, random, () => random.pick(random.pick(this.corpus).texts)).text);
        } else if (roll < 0.93) {
            texts = this.seedTexts(random);
        } else {
            const base = this.live.size > 0 ? random.pick([...this.live.values()]) : generateDocument(random, scanDeclarations([]), { maxDepth: 8, maxTokens: 300 });
            texts = [mutate(base, random, () => random.pick(random.pick(this.corpus).texts)).text];
        }
        const names = new Set<string>();
        return texts.map(text => {
            let name = this.freshName(random);
            while (names.has(name) || this.live.has(name)) name = `d${++this.counter}.certa`;
            names.add(name);
            return { name, text, ...(random.chance(0.3) ? { open: true } : {}) };
        });
    }

    /** A seed's documents, at most three of them (a case adds one to three documents). */
    private seedTexts(random: Random): string[] {
        const texts = random.pick(this.corpus).texts;
        if (texts.length <= 3) return texts;
        const start = random.int(0, texts.length - 3);
        return texts.slice(start, start + random.int(1, 3));
    }

    private query(random: Random, name: string, at?: number): Step {
        const text = this.live.get(name) ?? this.removed.get(name) ?? '';
        const provider = random.pick(PROVIDERS);
        const offset = at ?? this.offset(random, text);
        const step: Step = { op: 'query', provider, doc: name, offset };
        if (rangeProviders.has(provider)) step.end = Math.min(text.length, offset + random.pick([0, 1, 10, 200, text.length]));
        if (provider === 'rename') step.text = random.pick(newNames);
        if (provider === 'formatOnType' || (provider === 'completion' && random.chance(0.3))) step.text = random.pick(typedCharacters);
        if (provider === 'workspaceSymbols') step.text = random.pick(['', 'a', 'Lead', 'ISO', '8.5']);
        return step;
    }

    /** Half of the offsets at token boundaries (where providers' behaviour changes), half anywhere. */
    private offset(random: Random, text: string): number {
        if (text.length === 0) return 0;
        if (random.chance(0.5)) return random.int(0, text.length);
        const tokens = tokenize(text.length > 50_000 ? text.slice(0, 50_000) : text);
        let offset = 0;
        const boundaries = [0];
        for (const token of tokens) boundaries.push(offset += token.length);
        const boundary = random.pick(boundaries);
        return Math.max(0, Math.min(text.length, boundary + random.pick([0, 0, 1, -1])));
    }

    private typing(random: Random): Step[] {
        const name = random.pick([...this.live.keys()]);
        let text = this.live.get(name)!;
        let cursor = this.offset(random, text);
        const steps: Step[] = [];
        const edits = random.int(1, 3);
        for (let i = 0; i < edits; i++) {
            const roll = random.int(0, 3);
            if (roll === 0 && cursor > 0) { // backspace a few characters
                const count = random.int(1, Math.min(cursor, 8));
                text = text.slice(0, cursor - count) + text.slice(cursor);
                cursor -= count;
            } else {
                const typed = roll === 1 ? random.pick(typedCharacters) : roll === 2 ? ` ${random.pick(grammarKeywords())}` : ` ${random.pick(builtinCatalogFacts()).id} `;
                text = text.slice(0, cursor) + typed + text.slice(cursor);
                cursor += typed.length;
            }
            const step: Step = { op: 'edit', doc: name, text };
            steps.push(step);
            this.apply([step]);
            steps.push(this.query(random, name, cursor));
            if (random.chance(0.5)) steps.push({ op: 'query', provider: 'completion', doc: name, offset: cursor });
        }
        return steps;
    }

    /**
     * The case as a standalone script from an empty workspace: the documents it found are added
     * first, the removed documents it queries are added and removed, then its own steps.
     */
    standalone(fuzzCase: FuzzCase, liveBefore: Map<string, string>, removedBefore: Map<string, string>): FuzzCase {
        const queried = new Set(fuzzCase.steps.flatMap(s => s.op === 'query' ? [s.doc] : []));
        const added = new Set(fuzzCase.steps.flatMap(s => s.op === 'add' ? s.docs.map(d => d.name) : []));
        const ghosts = [...removedBefore].filter(([name]) => queried.has(name) && !liveBefore.has(name) && !added.has(name));
        const steps: Step[] = [];
        if (ghosts.length > 0) {
            steps.push({ op: 'add', docs: ghosts.map(([name, text]) => ({ name, text })) });
            steps.push({ op: 'remove', docs: ghosts.map(([name]) => name) });
        }
        if (liveBefore.size > 0) steps.push({ op: 'add', docs: [...liveBefore].map(([name, text]) => ({ name, text })) });
        return { id: fuzzCase.id, reset: true, steps: [...steps, ...fuzzCase.steps] };
    }
}
