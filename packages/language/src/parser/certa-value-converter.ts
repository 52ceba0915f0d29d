import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, GrammarUtils, ValueConverter } from 'langium';

/**
 * A string literal's value, as Langium reads it. Langium adds the value up one character at a time:
 * a chain of string pieces per literal (most of a scheme's text) that V8 keeps until something reads
 * the string whole. Nearly every literal has no escape, and its value is the text between the quotes.
 */
export function stringValue(literal: string): string {
    return literal.includes('\\') ? ValueConverter.convertString(literal) : literal.slice(1, -1);
}

/** The rule names and types Langium's converter turns into something other than the text itself. */
const convertedNames = new Set(['INT', 'STRING', 'ID']);
const convertedTypes = new Set(['number', 'boolean', 'bigint', 'date']);

export class CertaValueConverter extends DefaultValueConverter {
    /**
     * Whether Langium's converter returns a rule's text as it is, by rule. Langium works the rule's
     * type out from the grammar for every token; Certa's rules all return strings.
     */
    private readonly keepsText = new Map<GrammarAST.AbstractRule, boolean>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return stringValue(input);
        let keeps = this.keepsText.get(rule);
        if (keeps === undefined) {
            keeps = !convertedNames.has(rule.name.toUpperCase()) && !convertedTypes.has(GrammarUtils.getRuleType(rule)?.toLowerCase());
            this.keepsText.set(rule, keeps);
        }
        return keeps ? input : super.runConverter(rule, input, cstNode);
    }
}
