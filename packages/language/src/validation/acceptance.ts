import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Acceptance, CertaAstType } from '../generated/ast.js';
import { allRules, defineRule, renamedTo, ruleInfo } from './rule-catalog.js';
import { nearestNames } from '../scoping/nearest-names.js';
import { reportsAbsence } from './syntax-damage.js';

/**
 * `accept "certa.code" [on name] because "reason"` suppresses matching diagnostics; the filtering
 * itself happens in CertaDocumentValidator, after every rule has run.
 */
export const AcceptanceRules = {
    missingReason: defineRule({
        code: 'certa.acceptance.missing-reason', severity: 'warning', basis: 'Certa language',
        summary: 'An accepted finding must say why it is acceptable (`because "…"`), so that reviewers can judge it.'
    }),
    unknownCode: defineRule({
        code: 'certa.acceptance.unknown-code', severity: 'warning', basis: 'Certa language',
        summary: 'An acceptance names a code that no rule reports (see `certa rules`).'
    }),
    notAcceptable: defineRule({
        code: 'certa.acceptance.not-acceptable', severity: 'warning', basis: 'Certa language',
        summary: 'Syntax errors, unresolved names, acceptance findings and findings against a requirement the standard states with "shall" (rules marked not acceptable) cannot be accepted away; fix them instead.'
    }),
    deprecatedCode: defineRule({
        code: 'certa.acceptance.deprecated-code', severity: 'info', basis: 'Certa language',
        summary: 'An acceptance names a rule by its former code; it still works, but the rule has a new code.'
    }),
    stale: defineRule({
        code: 'certa.acceptance.stale', severity: 'warning', basis: 'Certa language',
        summary: 'An acceptance no longer matches any finding; remove it.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(AcceptanceRules.stale, AcceptanceRules.missingReason);

/**
 * Codes an acceptance may not suppress: the text must be readable, names must resolve, and a
 * requirement the standard states with "shall" cannot be waived by the scheme (`acceptable: false`).
 */
export function isAcceptable(code: string | undefined): boolean {
    if (!code) return false;
    return !code.startsWith('certa.syntax.') && !code.startsWith('certa.acceptance.')
        && !code.startsWith('certa.reference.unknown-') && ruleInfo(code)?.acceptable !== false;
}

export const acceptanceChecks: ValidationChecks<CertaAstType> = {
    Acceptance: [acceptanceMustGiveReason, acceptanceMustNameKnownCode]
};

function acceptanceMustGiveReason(acceptance: Acceptance, accept: ValidationAcceptor): void {
    if (acceptance.reason?.trim() || acceptance.code === undefined) return;
    accept('warning', `Accepting '${acceptance.code}' needs a reason. Add 'because "…"' saying why the finding is acceptable for this scheme.`, {
        node: acceptance, data: { code: AcceptanceRules.missingReason }
    });
}

function acceptanceMustNameKnownCode(acceptance: Acceptance, accept: ValidationAcceptor): void {
    if (acceptance.code === undefined) return;
    if (!ruleInfo(acceptance.code)) {
        // Only codes an acceptance may name: suggesting one that cannot be accepted would only trade this finding for another.
        const suggestions = nearestNames(acceptance.code, allRules().map(rule => rule.code).filter(isAcceptable));
        const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
        accept('warning', `No rule reports '${acceptance.code}'.${hint} Write the code exactly as the finding shows it ('certa rules' lists them), or remove this acceptance.`, {
            node: acceptance, property: 'code', data: { code: AcceptanceRules.unknownCode }
        });
    } else if (renamedTo(acceptance.code)) {
        const current = renamedTo(acceptance.code)!;
        accept('info', `'${acceptance.code}' is the former code of '${current}'; the acceptance still works. Write '${current}' instead.`, {
            node: acceptance, property: 'code', tags: [DiagnosticTag.Deprecated],
            data: { code: AcceptanceRules.deprecatedCode, replacement: `"${current}"` }
        });
    } else if (!isAcceptable(acceptance.code)) {
        const rule = ruleInfo(acceptance.code);
        const why = rule?.acceptable === false ? ` ${rule.basis} states it as a requirement ("shall"), which a scheme cannot waive.` : '';
        accept('warning', `'${acceptance.code}' cannot be accepted:${why} Fix the problem instead and remove this acceptance.`, {
            node: acceptance, property: 'code', data: { code: AcceptanceRules.notAcceptable }
        });
    }
}
