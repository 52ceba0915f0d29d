import { GrammarAST } from 'langium';
import type { Random } from './prng.js';
import type { CatalogFacts, DeclaredNames } from './vocabulary.js';
import { builtinCatalogFacts, grammar, knownRuleCodes } from './vocabulary.js';

/**
 * Writes random documents by walking the Certa grammar itself: real keywords in grammatical order,
 * with names that often resolve (declared names of this and earlier documents, builtin catalog ids,
 * clause numbers of the catalog just named, scheme types) and sometimes do not. The output parses
 * (nearly always), so the rules, the model builder and the providers see deep, plausible trees.
 */
export interface GeneratorOptions {
    /** Nesting of parser rules beyond which optional parts are left out. */
    maxDepth: number;
    /** A soft cap on the tokens of one document. */
    maxTokens: number;
}

type Element = GrammarAST.AbstractElement;

interface Context {
    random: Random;
    names: DeclaredNames;
    options: GeneratorOptions;
    tokens: string[];
    depth: number;
    /** The catalog named last: the clauses of a reference come from it. */
    catalog?: CatalogFacts;
    /** Clause numbers of the user catalog being written. */
    ownClauses: string[];
    clauseParents: string[];
    fresh: number;
}

const entryRule = () => grammar().rules.find(r => GrammarAST.isParserRule(r) && r.entry) as GrammarAST.ParserRule;

export function generateDocument(random: Random, names: DeclaredNames, options: GeneratorOptions): string {
    const context: Context = { random, names, options, tokens: [], depth: 0, ownClauses: [], clauseParents: [], fresh: random.int(0, 999) };
    const elements = random.int(1, 8);
    const topLevel = (entryRule().definition as GrammarAST.Assignment).terminal as GrammarAST.RuleCall;
    for (let i = 0; i < elements && !full(context); i++) {
        walk(topLevel, context);
        context.tokens.push('\n');
    }
    return layout(context.tokens, random);
}

function full(context: Context): boolean {
    return context.depth > context.options.maxDepth || context.tokens.length > context.options.maxTokens;
}

function walk(element: Element, context: Context): void {
    const { random } = context;
    const limited = full(context);
    let count = 1;
    switch (element.cardinality) {
        case '?': count = !limited && random.chance(0.5) ? 1 : 0; break;
        case '*': count = limited ? 0 : random.geometric(context.depth < 3 ? 0.8 : 0.55, 8); break;
        case '+': count = limited ? 1 : 1 + random.geometric(0.45, 4); break;
    }
    for (let i = 0; i < count; i++) walkOnce(element, context);
}

function walkOnce(element: Element, context: Context): void {
    const { random } = context;
    if (GrammarAST.isKeyword(element)) {
        context.tokens.push(element.value);
    } else if (GrammarAST.isGroup(element) || GrammarAST.isUnorderedGroup(element)) {
        element.elements.forEach(e => walk(e, context));
    } else if (GrammarAST.isAlternatives(element)) {
        walk(random.pick(element.elements), context);
    } else if (GrammarAST.isAssignment(element)) {
        assignment(element, context);
    } else if (GrammarAST.isCrossReference(element)) {
        context.tokens.push(reference(element.type.ref?.name ?? '', context));
    } else if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (GrammarAST.isTerminalRule(rule)) context.tokens.push(terminal(rule.name, context));
        else if (GrammarAST.isParserRule(rule)) callRule(rule, context);
    }
}

function callRule(rule: GrammarAST.ParserRule, context: Context): void {
    context.depth++;
    const ownClauses = context.ownClauses;
    if (rule.name === 'Catalog') context.ownClauses = [];
    try {
        walk(rule.definition, context);
    } finally {
        context.depth--;
        if (rule.name === 'Catalog') context.ownClauses = ownClauses;
    }
}

function containingRule(element: Element): string {
    let node: unknown = element;
    while (node && !GrammarAST.isParserRule(node)) node = (node as { $container?: unknown }).$container;
    return (node as GrammarAST.ParserRule | undefined)?.name ?? '';
}

function assignment(element: GrammarAST.Assignment, context: Context): void {
    const rule = containingRule(element);
    const { random } = context;
    if (element.feature === 'name') {
        context.tokens.push(declaredName(rule, context));
        return;
    }
    if (rule === 'Acceptance' && element.feature === 'code' && random.chance(0.8)) {
        context.tokens.push(`"${random.pick(knownRuleCodes())}"`);
        return;
    }
    walk({ ...element.terminal, cardinality: undefined } as Element, context);
}

const fallbackCatalog: CatalogFacts = { id: 'X', clauses: ['1', '4.4.1', '8.5.1', 'A', 'VIa'], schemeTypes: ['5'] };

function declaredName(rule: string, context: Context): string {
    const { random, names } = context;
    if (rule === 'Clause') {
        const number = clauseNumber(context);
        context.ownClauses.push(number);
        return number;
    }
    if (rule === 'SchemeType') return random.pick(['1a', '1b', '2', '3', '4', '5', '6', '7', '99', '0z']);
    const pool = (names as unknown as Record<string, string[] | undefined>)[rule];
    if (pool && pool.length > 0 && random.chance(0.1)) return random.pick(pool); // a duplicate
    if (['Activity', 'Check', 'Mark'].includes(rule) && random.chance(0.2)) {
        return random.pick(['review', 'decision', 'testing', 'market', 'certificate', 'findings', 'circle', 'sample', 'criteria']);
    }
    const name = `${rule}${context.fresh++}`;
    pool?.push(name);
    return name;
}

function clauseNumber(context: Context): string {
    const { random } = context;
    const parent = context.ownClauses.at(-1);
    switch (random.int(0, 5)) {
        case 0: return String(random.int(1, 12));
        case 1: return parent && /^[\d.]+$/.test(parent) ? `${parent}.${random.int(1, 9)}` : `${random.int(1, 9)}.${random.int(1, 9)}`;
        case 2: return `${random.pick(['A', 'B', 'C'])}.${random.int(1, 9)}`;
        case 3: return random.pick(['I', 'II', 'III', 'IV', 'V', 'VIa', 'VIb', 'VIc', 'VId', 'Ab']);
        default: return random.pick(random.pick(builtinCatalogFacts()).clauses);
    }
}

function reference(type: string, context: Context): string {
    const { random, names } = context;
    const catalogs = builtinCatalogFacts();
    switch (type) {
        case 'Catalog': {
            const roll = random.next();
            if (roll < 0.65 || names.Catalog.length === 0) {
                context.catalog = random.chance(0.9) ? random.pick(catalogs) : undefined;
                return context.catalog?.id ?? random.pick(['ISO9000', 'iso9001', 'Foo', 'ISO_17021']);
            }
            context.catalog = { ...fallbackCatalog, id: random.pick(names.Catalog) };
            return context.catalog.id;
        }
        case 'Clause': {
            const inOwnCatalog = containingCatalogRule(context) && context.ownClauses.length > 0;
            const roll = random.next();
            if (inOwnCatalog && roll < 0.6) return random.pick(context.ownClauses);
            if (roll < 0.8) return random.pick((context.catalog ?? random.pick(catalogs)).clauses);
            if (roll < 0.93) return random.pick(random.pick(catalogs).clauses);
            return random.pick(['99', '8.5.99', 'Z.1', 'VIz', '0', '1.2.3.4.5.6.7.8']);
        }
        case 'SchemeType': {
            const types = context.catalog?.schemeTypes ?? [];
            return types.length > 0 && random.chance(0.85) ? random.pick(types) : random.pick(['5', '1a', '9', '3b']);
        }
        default: {
            const pool = (names as unknown as Record<string, string[] | undefined>)[type] ?? [];
            return pool.length > 0 && random.chance(0.85) ? random.pick(pool) : `${type}${random.int(0, 99)}`;
        }
    }
}

function containingCatalogRule(context: Context): boolean {
    return context.ownClauses !== undefined && context.depth <= 3;
}

function terminal(name: string, context: Context): string {
    const { random } = context;
    switch (name) {
        case 'ID': return random.pick(['x', 'Foo', '_a', 'ISO9001', 'Lead', 'review']) + (random.chance(0.5) ? random.int(0, 9) : '');
        case 'STRING': return stringLiteral(random);
        case 'INT': return String(random.chance(0.9) ? random.int(0, 48) : random.pick([0, 999999, 2 ** 31, 2 ** 53 + 1]));
        case 'DATE': return random.chance(0.85)
            ? `20${random.int(20, 35)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
            : random.pick(['2026-13-45', '0000-00-00', '2024-02-30']);
        case 'CLAUSE_NUMBER': return random.pick(['8.5.1', '4.4', '7.1.5.1', '9.2', '1.1']);
        case 'TYPE_ID': return random.pick(['1a', '1b', '6z']);
        case 'ANNEX_NUMBER': return random.pick(['A.1', 'A.2.3', 'B.1']);
        default: return name;
    }
}

function stringLiteral(random: Random): string {
    switch (random.int(0, 9)) {
        case 0: return '""';
        case 1: return '"with \\"escaped\\" quotes \\\\ and \\n"';
        case 2: return '"Ünïcödé — ✓ 漢字 😀"';
        case 3: return `"${'long '.repeat(random.int(20, 200))}"`;
        case 4: return '"<b>&amp;</b> =SUM(A1) | pipe, comma; \'apos\'"';
        default: return `"Text ${random.int(0, 999)}"`;
    }
}

/** Joins tokens with the spacing a person might type: spaces, line breaks, indentation, comments. */
function layout(tokens: string[], random: Random): string {
    let text = '';
    let indent = 0;
    for (const token of tokens) {
        if (token === '\n') { text += '\n'; continue; }
        if (token === '}') indent = Math.max(0, indent - 1);
        const roll = random.next();
        if (text.length === 0 || text.endsWith('\n')) text += '    '.repeat(indent);
        else if (roll < 0.12) text += `\n${'    '.repeat(indent)}`;
        else if (roll < 0.14) text += ' /* c */ ';
        else if (roll < 0.15) text += ' // note\n';
        else if (roll < 0.2 && /^[{}(),:|]$/.test(token)) text += '';
        else text += ' ';
        text += token;
        if (token === '{') indent++;
    }
    return text;
}
