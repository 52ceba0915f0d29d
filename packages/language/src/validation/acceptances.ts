import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Acceptance, Document } from '../generated/ast.js';
import { isAcceptance, isScheme } from '../generated/ast.js';
import { isAcceptable } from './acceptance.js';
import { canonicalCode, ruleInfo } from './rule-catalog.js';
import { nearestNames } from '../scoping/nearest-names.js';

/**
 * Applies `accept "code" [on name] because "…"`: drops the diagnostics an acceptance matches and
 * reports acceptances that match nothing as stale. An acceptance inside a scheme covers that
 * scheme; one at the top level covers the file; `on name` narrows it to the element of that name.
 */
export function applyAcceptances(
    document: LangiumDocument, diagnostics: Diagnostic[], reportStale: boolean,
    staleDiagnostic: (acceptance: Acceptance, message: string, unknownTarget?: string[]) => Diagnostic
): Diagnostic[] {
    const root = document.parseResult?.value as Document | undefined;
    if (!root?.$cstNode) return diagnostics;
    const scoped = acceptancesOf(root);
    if (scoped.length === 0) return diagnostics;
    const used = new Set<Acceptance>();
    const kept = diagnostics.filter(diagnostic => {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        if (!code || !isAcceptable(code)) return true;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const node = CstUtils.findLeafNodeAtOffset(root.$cstNode!, offset)?.astNode;
        const matching = scoped.filter(({ acceptance, scope }) => acceptance.code !== undefined && canonicalCode(acceptance.code) === code
            && contains(scope, diagnostic.range)
            && (!acceptance.target || (node !== undefined && isInElementNamed(node, acceptance.target))));
        matching.forEach(({ acceptance }) => used.add(acceptance));
        return matching.length === 0;
    });
    if (reportStale) {
        for (const { acceptance, node } of scoped) {
            if (used.has(acceptance) || !ruleInfo(acceptance.code) || !isAcceptable(canonicalCode(acceptance.code))) continue;
            const names = acceptance.target ? namesIn(node) : undefined;
            if (acceptance.target && names && !names.has(acceptance.target)) {
                // A misspelt target is an unknown name, not an acceptance gone stale.
                const suggestions = nearestNames(acceptance.target, names);
                const what = isScheme(node) ? `scheme '${node.name}'` : 'this file';
                const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
                kept.push(staleDiagnostic(acceptance, `Nothing in ${what} is named '${acceptance.target}', so this acceptance applies to nothing.${hint} Name an activity, check or mark of ${what}.`, suggestions));
                continue;
            }
            const where = acceptance.target ? ` on '${acceptance.target}'` : '';
            kept.push(staleDiagnostic(acceptance, `Nothing here reports '${acceptance.code}'${where} any more. Remove this acceptance.`));
        }
    }
    return kept;
}

interface ScopedAcceptance {
    acceptance: Acceptance;
    scope: Range;
    /** The scheme or document the acceptance covers. */
    node: AstNode;
}

function acceptancesOf(root: Document): ScopedAcceptance[] {
    const result: ScopedAcceptance[] = [];
    for (const element of root.elements) {
        if (isAcceptance(element)) {
            result.push({ acceptance: element, scope: root.$cstNode!.range, node: root });
        } else if (isScheme(element) && element.$cstNode) {
            for (const member of element.members.filter(isAcceptance)) {
                result.push({ acceptance: member, scope: element.$cstNode.range, node: element });
            }
        }
    }
    return result;
}

function contains(scope: Range, range: Range): boolean {
    const { start, end } = scope;
    const at = range.start;
    return (at.line > start.line || (at.line === start.line && at.character >= start.character))
        && (at.line < end.line || (at.line === end.line && at.character <= end.character));
}

/** The names an acceptance in `scope` may narrow to: the scope's own and every named element in it. */
function namesIn(scope: AstNode): Set<string> {
    const names = new Set<string>();
    for (const node of [scope, ...AstUtils.streamAllContents(scope)]) {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string') names.add(name);
    }
    return names;
}

function isInElementNamed(node: AstNode, name: string): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if ((current as { name?: unknown }).name === name) return true;
    }
    return false;
}
