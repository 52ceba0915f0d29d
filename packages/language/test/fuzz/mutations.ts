import type { Random } from './prng.js';
import { builtinCatalogFacts, grammarKeywords } from './vocabulary.js';

/**
 * Mutation operators over source text: what half-typed, pasted, truncated or hostile input looks
 * like. Each takes a text and returns another; `mutate` stacks a few of them.
 */
export type Mutation = (text: string, random: Random, donor: () => string) => string;

/** Tokens roughly as the Certa lexer sees them (strings, comments, numbers, names, punctuation, space). */
const tokenPattern = /"(?:\\.|[^"\\\r\n])*"?|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n\r]*|\s+|[0-9]+(?:[.-][0-9]+)*[a-z]?|[_a-zA-Z]\w*|\.\.|[\s\S]/gu;

export function tokenize(text: string): string[] {
    return text.match(tokenPattern) ?? [];
}

const isSpace = (token: string) => /^\s+$/.test(token);

/** Indices of the tokens that are not white space. */
function solid(tokens: string[]): number[] {
    return tokens.flatMap((t, i) => isSpace(t) ? [] : [i]);
}

const junkTokens = [
    '@', '#', '$', '`', '\\', "'", '"', '"unterminated', '/*', '*/', '..', '...', '|', '||', '::', ':', ',', ',,',
    '{', '}', '{{', '}}', '(', ')', ';', '=', '0x1F', '1e309', '-1', '+', '٣', 'ａ', '\u200b', '\u00a0', '\ud800', '💥', '\u202e',
    'é', '\t', '\v', '\f', '\u2028', '\\u0000', '"\\', 'on', 'by', 'from', '8.5.', '.5', '8..5', '2026-02-30'
];

function pickInsertion(random: Random): string {
    const facts = builtinCatalogFacts();
    switch (random.int(0, 5)) {
        case 0: case 1: return random.pick(grammarKeywords());
        case 2: return random.pick(junkTokens);
        case 3: return random.pick(facts).id;
        case 4: return random.pick(random.pick(facts).clauses);
        default: return random.pick(['Lead', 'x', 'ISO9001', '"t"', '12', '3 years', 'A.1', '1a']);
    }
}

function at(text: string, random: Random): number {
    return random.int(0, text.length);
}

const deleteToken: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const indices = solid(tokens);
    if (indices.length === 0) return text;
    tokens.splice(random.pick(indices), 1);
    return tokens.join('');
};

const deleteSpan: Mutation = (text, random) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return text;
    const start = random.int(0, tokens.length - 1);
    tokens.splice(start, random.int(1, Math.min(40, tokens.length - start)));
    return tokens.join('');
};

const deleteLines: Mutation = (text, random) => {
    const lines = text.split('\n');
    const start = random.int(0, lines.length - 1);
    lines.splice(start, random.int(1, Math.min(8, lines.length - start)));
    return lines.join('\n');
};

const insertToken: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const index = random.int(0, tokens.length);
    const space = random.chance(0.7) ? ' ' : '';
    tokens.splice(index, 0, space + pickInsertion(random) + space);
    return tokens.join('');
};

const duplicateSpan: Mutation = (text, random) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return text;
    const start = random.int(0, tokens.length - 1);
    const span = tokens.slice(start, start + random.int(1, 30));
    tokens.splice(random.int(0, tokens.length), 0, ...span);
    return tokens.join('');
};

const duplicateLines: Mutation = (text, random) => {
    const lines = text.split('\n');
    const start = random.int(0, lines.length - 1);
    const span = lines.slice(start, start + random.int(1, 10));
    const times = random.chance(0.1) ? random.int(10, 200) : 1;
    lines.splice(random.int(0, lines.length), 0, ...Array.from({ length: times }, () => span).flat());
    return lines.join('\n');
};

const swapTokens: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const indices = solid(tokens);
    if (indices.length < 2) return text;
    const a = random.pick(indices);
    const b = random.chance(0.5) ? indices[Math.min(indices.length - 1, indices.indexOf(a) + 1)] : random.pick(indices);
    [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
    return tokens.join('');
};

const swapLines: Mutation = (text, random) => {
    const lines = text.split('\n');
    const a = random.int(0, lines.length - 1);
    const b = random.int(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
};

const junkToken: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const indices = solid(tokens);
    if (indices.length === 0) return random.pick(junkTokens);
    tokens[random.pick(indices)] = random.pick(junkTokens);
    return tokens.join('');
};

/** A name replaced by another name of the document, a keyword, or the same name in another case. */
const renameToken: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const names = tokens.flatMap((t, i) => /^[_a-zA-Z]\w*$/.test(t) ? [i] : []);
    if (names.length === 0) return text;
    const index = random.pick(names);
    const roll = random.int(0, 2);
    tokens[index] = roll === 0 ? tokens[random.pick(names)] : roll === 1 ? random.pick(grammarKeywords()) : tokens[index].toUpperCase();
    return tokens.join('');
};

const nulBytes: Mutation = (text, random) => {
    const count = random.chance(0.8) ? 1 : random.int(2, 50);
    let result = text;
    for (let i = 0; i < count; i++) {
        const offset = at(result, random);
        result = result.slice(0, offset) + '\0' + result.slice(random.chance(0.5) ? offset : offset + 1);
    }
    return result;
};

const byteOrderMark: Mutation = (text, random) => {
    if (random.chance(0.7)) return '\uFEFF' + text;
    const offset = at(text, random);
    return text.slice(0, offset) + '\uFEFF' + text.slice(offset);
};

const lineEnds: Mutation = (text, random) => {
    switch (random.int(0, 3)) {
        case 0: return text.replace(/\r?\n/g, '\r\n');
        case 1: return text.replace(/\r?\n/g, '\r');
        case 2: return text.replace(/\r?\n/g, () => random.pick(['\n', '\r\n', '\r', '\u2028', '\n\r']));
        default: return text.replace(/\r?\n/g, '') // one line
    }
};

const hugeNumber: Mutation = (text, random) => {
    const tokens = tokenize(text);
    const numbers = tokens.flatMap((t, i) => /^[0-9]/.test(t) ? [i] : []);
    const huge = random.pick([
        '99999999999999999999', '9'.repeat(random.int(30, 2000)), '1' + '.1'.repeat(random.int(50, 2000)),
        '0000000000000000000001', '9007199254740993', '99999-99-99', '4294967296'
    ]);
    if (numbers.length === 0 || random.chance(0.2)) {
        const offset = at(text, random);
        return `${text.slice(0, offset)} ${huge} ${text.slice(offset)}`;
    }
    tokens[random.pick(numbers)] = huge;
    return tokens.join('');
};

/** Nested clause blocks or bare braces, 300 or 3,000 deep, inserted at a random point or as a catalog. */
const deepNesting: Mutation = (text, random) => {
    const depth = random.chance(0.8) ? random.pick([50, 300]) : random.pick([1000, 3000]);
    const roll = random.int(0, 4);
    let nested: string;
    if (roll <= 1) {
        const numbers = Array.from({ length: depth }, (_, i) => random.chance(0.5) ? '1' : `1${'.1'.repeat(Math.min(i, 30))}`);
        nested = numbers.map(n => `clause ${n} "h" {`).join('\n') + (random.chance(0.8) ? '}'.repeat(depth) : '');
        if (roll === 0) nested = `catalog Deep "deep" {\n${nested}\n}\nscheme D "d" { requirement Deep 1 }`;
    } else if (roll === 2) {
        nested = '{'.repeat(depth) + (random.chance(0.5) ? '}'.repeat(depth) : '');
    } else if (roll === 3) {
        nested = `scheme N "n" { activity a: stage1 { covers ${Array.from({ length: depth }, () => 'ISO9001 8.5.1').join(', ')} } }`;
    } else {
        nested = Array.from({ length: depth }, (_, i) => `role R${i} "r" { needs C${i} }\ncompetence C${i} "c" basis ISO9001 ${random.pick(builtinCatalogFacts()[0].clauses)}`).join('\n');
    }
    const offset = random.chance(0.5) ? text.length : at(text, random);
    return text.slice(0, offset) + '\n' + nested + '\n' + text.slice(offset);
};

const truncate: Mutation = (text, random) => {
    if (text.length === 0) return text;
    const tokens = tokenize(text);
    switch (random.int(0, 4)) {
        case 0: return text.slice(0, at(text, random)); // anywhere, mid-token included
        case 1: return tokens.slice(0, random.int(0, tokens.length)).join(''); // at a token boundary
        case 2: { // just after a keyword
            const keywords = new Set(grammarKeywords());
            const indices = tokens.flatMap((t, i) => keywords.has(t) ? [i] : []);
            return indices.length === 0 ? text : tokens.slice(0, random.pick(indices) + 1).join('');
        }
        case 3: { // inside a string or a comment
            const indices = tokens.flatMap((t, i) => /^("|\/\*)/.test(t) && t.length > 2 ? [i] : []);
            if (indices.length === 0) return text;
            const index = random.pick(indices);
            return tokens.slice(0, index).join('') + tokens[index].slice(0, random.int(1, tokens[index].length - 1));
        }
        default: { // just before a closing brace
            const indices = tokens.flatMap((t, i) => t === '}' ? [i] : []);
            return indices.length === 0 ? text : tokens.slice(0, random.pick(indices)).join('');
        }
    }
};

const longLine: Mutation = (text, random) => {
    const offset = at(text, random);
    const roll = random.int(0, 3);
    const long = roll === 0 ? 'x'.repeat(random.int(10_000, 100_000))
        : roll === 1 ? `"${'y'.repeat(random.int(10_000, 100_000))}"`
            : roll === 2 ? Array.from({ length: random.int(1000, 10_000) }, () => random.pick(['ISO9001', '8.5.1', ',', 'covers', 'x'])).join(' ')
                : text.replace(/\n/g, ' ');
    return roll === 3 ? long : text.slice(0, offset) + long + text.slice(offset);
};

const splice: Mutation = (text, random, donor) => {
    const other = donor();
    return text.slice(0, at(text, random)) + other.slice(at(other, random));
};

const unicode: Mutation = (text, random) => {
    const offset = at(text, random);
    const chars = ['\u0301', '\u200d', '\ud83d', '\udc00', '\u{1F600}', '\u0000', '\u202e', '\u00ad', '\uffff', 'ß', 'İ', '\u0085'];
    return text.slice(0, offset) + random.pick(chars) + text.slice(offset);
};

export const mutations: Record<string, Mutation> = {
    deleteToken, deleteSpan, deleteLines, insertToken, duplicateSpan, duplicateLines, swapTokens, swapLines,
    junkToken, renameToken, nulBytes, byteOrderMark, lineEnds, hugeNumber, deepNesting, truncate, longLine, splice, unicode
};

/** How often each operator is drawn: the structure-preserving ones most, the expensive ones rarely. */
const weights: Record<keyof typeof mutations, number> = {
    deleteToken: 10, deleteSpan: 6, deleteLines: 5, insertToken: 10, duplicateSpan: 5, duplicateLines: 3, swapTokens: 5,
    swapLines: 3, junkToken: 6, renameToken: 6, nulBytes: 2, byteOrderMark: 1, lineEnds: 2, hugeNumber: 3, deepNesting: 0.6,
    truncate: 12, longLine: 0.5, splice: 3, unicode: 2
};
const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);

export function pickMutation(random: Random): string {
    let roll = random.next() * totalWeight;
    for (const [name, weight] of Object.entries(weights)) {
        roll -= weight;
        if (roll < 0) return name;
    }
    return 'truncate';
}

/** One to four stacked mutations; returns the text and the operators applied. */
export function mutate(text: string, random: Random, donor: () => string): { text: string; applied: string[] } {
    const applied: string[] = [];
    let result = text;
    const count = 1 + random.geometric(0.4, 3);
    for (let i = 0; i < count; i++) {
        const name = pickMutation(random);
        result = mutations[name](result, random, donor);
        applied.push(name);
    }
    // Stacked growth (duplication of duplicated nesting) is capped: the point is variety, not size.
    if (result.length > 400_000) result = result.slice(0, 400_000);
    return { text: result, applied };
}
