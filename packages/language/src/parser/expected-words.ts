import type { Grammar } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import type { LangiumCompletionParser } from 'langium';
import type { NextFeature } from 'langium/lsp';
import { findNextFeatures } from 'langium/lsp';
import { valueWords } from './syntax-wording.js';

/** The words a designer may write at one point of a file, read from the grammar. */
export interface ExpectedWords {
    /** Keywords, in alphabetical order (`activity`, `certifies`, …, `}`). */
    keywords: string[];
    /** What else may come, in words (`a name`, `a quoted text "…"`, `a clause number`). */
    values: string[];
}

/**
 * What may come after `text` (a file up to the offending token): the completion parser reads the
 * text as completion does and Langium's follow-element computation says what may follow, so the
 * list is exactly the grammar's.
 */
export function expectedWordsAfter(parser: LangiumCompletionParser, grammar: Grammar, text: string): ExpectedWords {
    const result = parser.parse(text);
    const entry = GrammarUtils.getEntryRule(grammar);
    if (!entry) return { keywords: [], values: [] };
    const features = result.tokenIndex === 0
        ? findNextFeatures([[entryRuleCall(entry)]], result.tokens)
        : findNextFeatures([result.elementStack.map(feature => ({ feature }))], result.tokens.slice(result.tokenIndex));
    const keywords = new Set<string>();
    const values = new Set<string>();
    for (const { feature } of features) {
        if (GrammarAST.isKeyword(feature)) keywords.add(feature.value);
        else if (GrammarAST.isCrossReference(feature)) values.add(crossReferenceWords(feature));
        else if (GrammarAST.isRuleCall(feature) && feature.rule.ref) values.add(valueWords[feature.rule.ref.name] ?? `a ${feature.rule.ref.name}`);
    }
    // Where a name may come, the keywords that may be names too (`role team`) are that name.
    const nameWords = keywordsOfNames(grammar);
    if (values.has(valueWords.ID) && nameWords.size > 0 && [...nameWords].every(word => keywords.has(word))) {
        nameWords.forEach(word => keywords.delete(word));
    }
    return { keywords: [...keywords].sort(byWord), values: [...values].sort() };
}

const namesOf = new WeakMap<Grammar, Set<string>>();

/** The keywords the grammar's `Name` rule accepts as names, through the rules it calls. */
function keywordsOfNames(grammar: Grammar): Set<string> {
    let words = namesOf.get(grammar);
    if (words) return new Set(words);
    words = new Set<string>();
    const name = grammar.rules.find(rule => rule.name === 'Name');
    const seen = new Set<unknown>();
    const visit = (rule: GrammarAST.AbstractRule | undefined) => {
        if (!rule || seen.has(rule) || !GrammarAST.isParserRule(rule)) return;
        seen.add(rule);
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) words!.add(node.value);
            else if (GrammarAST.isRuleCall(node)) visit(node.rule.ref);
        }
    };
    visit(name);
    namesOf.set(grammar, words);
    return new Set(words);
}

function crossReferenceWords(reference: GrammarAST.CrossReference): string {
    const target = reference.type.ref?.name;
    if (target === 'Clause') return 'a clause number';
    if (target === 'SchemeType') return 'a scheme type';
    return target ? `a ${target.replace(/[A-Z]/g, (c, i: number) => (i > 0 ? ' ' : '') + c.toLowerCase())} name` : 'a name';
}

/** Words before punctuation, then alphabetical regardless of case. */
function byWord(a: string, b: string): number {
    const wordA = /\p{L}/u.test(a);
    const wordB = /\p{L}/u.test(b);
    if (wordA !== wordB) return wordA ? -1 : 1;
    return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** A call of the entry rule at the start of the file, as Langium's completion builds it. */
function entryRuleCall(rule: GrammarAST.ParserRule): NextFeature {
    const start = { $type: 'Group', $container: undefined, elements: [] } as unknown as GrammarAST.Group;
    const call = { $type: 'RuleCall', $container: undefined, rule: { ref: rule, $refText: rule.name }, arguments: [] } as unknown as GrammarAST.RuleCall;
    const group = { $type: 'Group', $container: undefined, elements: [start, call] } as unknown as GrammarAST.Group;
    Object.assign(start, { $container: group });
    Object.assign(call, { $container: group });
    return { feature: start };
}
