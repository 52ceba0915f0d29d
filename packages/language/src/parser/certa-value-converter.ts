import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, ValueConverter } from 'langium';

/**
 * A string literal's value, as Langium reads it. Langium adds the value up one character at a time:
 * a chain of string pieces per literal (most of a scheme's text) that V8 keeps until something reads
 * the string whole. Nearly every literal has no escape, and its value is the text between the quotes.
 */
export function stringValue(literal: string): string {
    return literal.includes('\\') ? ValueConverter.convertString(literal) : literal.slice(1, -1);
}

export class CertaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? stringValue(input) : super.runConverter(rule, input, cstNode);
    }
}
