import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import type { CutParseResult } from '../parser/certa-parser.js';

/**
 * Rules that report that something is missing (no stage 1, no decision, a clause never audited)
 * must stay silent where a syntax error may have made that something disappear: one typo inside
 * a scheme would otherwise add five follow-on errors about members the parser could not read.
 * Such rules are marked here; their diagnostics are dropped inside a damaged top-level element.
 */
const absenceRules = new Set<string>();

/** Marks rules whose diagnostics say that something is absent. */
export function reportsAbsence(...codes: string[]): void {
    codes.forEach(code => absenceRules.add(code));
}

export function isAbsenceRule(code: string): boolean {
    return absenceRules.has(code);
}

/**
 * A top-level element is damaged when a lexer or parser error falls between its start and the
 * start of the next element (recovery may have cut the element short, so its own text range can
 * end before the error). Returns the damaged regions as offset ranges.
 */
export function damagedRegions(document: LangiumDocument): Array<[number, number]> {
    const result = document.parseResult as CutParseResult | undefined;
    if (!result || (result.lexerErrors.length === 0 && result.parserErrors.length === 0)) return [];
    const length = document.textDocument.getText().length;
    const errors = [
        ...result.lexerErrors.map(error => error.offset),
        ...result.parserErrors.map(error => {
            const at = error.token?.startOffset;
            if (typeof at === 'number' && !Number.isNaN(at)) return at;
            const previous = (error as { previousToken?: { endOffset?: number } }).previousToken?.endOffset;
            return typeof previous === 'number' && !Number.isNaN(previous) ? previous : length;
        })
    ];
    const starts = ((result.value as Document | undefined)?.elements ?? [])
        .map(element => element.$cstNode?.offset)
        .filter((offset): offset is number => offset !== undefined)
        .sort((a, b) => a - b);
    const regions: Array<[number, number]> = [];
    const bounds = [0, ...starts, length + 1];
    for (let i = 0; i < bounds.length - 1; i++) {
        const [from, to] = [bounds[i], bounds[i + 1]];
        if (from < to && errors.some(at => at >= from && at < to)) regions.push([from, to]);
    }
    return regions;
}

/** Drops the diagnostics of absence rules that start in a damaged element. */
export function withoutAbsenceInDamage(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    const regions = damagedRegions(document);
    if (regions.length === 0) return diagnostics;
    return diagnostics.filter(diagnostic => {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        if (!code || !isAbsenceRule(code)) return true;
        const at = document.textDocument.offsetAt(diagnostic.range.start);
        return !regions.some(([from, to]) => at >= from && at < to);
    });
}
