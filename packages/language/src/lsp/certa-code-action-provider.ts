import type { AstNode, IndexManager, LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver';
import type { CodeAction, Command, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Document, Scheme } from '../generated/ast.js';
import { isAcceptance, isActivity, isScheme } from '../generated/ast.js';
import type { CertaServices } from '../certa-module.js';
import { AcceptanceRules, isAcceptable } from '../validation/acceptance.js';
import { CompetenceRules } from '../validation/competence.js';
import { MsScopeRules } from '../validation/ms-scope.js';
import { ReferenceRules } from '../validation/references.js';
import { ruleInfo } from '../validation/rule-catalog.js';
import { SchemeStructureRules } from '../validation/scheme-structure.js';
import { SchemeTypeRules } from '../validation/scheme-type.js';
import { StandardFitRules } from '../validation/standard-fit.js';
import { SyntaxCodes } from '../validation/syntax-rules.js';
import { CertificateRules } from '../validation/certificates.js';
import { ComplaintsAppealsRules } from '../validation/complaints-appeals.js';
import { ExternalBodyRules } from '../validation/external-bodies.js';
import { LifecycleRules } from '../validation/lifecycle.js';
import { MarkConditionRules } from '../validation/mark-conditions.js';
import { ProcedureRules } from '../validation/procedures-addressed.js';

/** Rules whose check stores the text to insert and where (`insertAt`, `insertText`, `fixTitle`). */
const operationFixCodes = [
    LifecycleRules.suspensionWithoutMaximum, LifecycleRules.restorationUndefined, LifecycleRules.specialAuditConditions,
    ExternalBodyRules.missingAgreement, ComplaintsAppealsRules.complaintsNotPassedOn, CertificateRules.missingContent,
    MarkConditionRules.missingConditions, MarkConditionRules.missingMisuseHandling, ProcedureRules.procedureNotAddressed
];

/** What a quick fix gets: the diagnostic (with the `data` its check stored) and the document. */
interface FixContext {
    diagnostic: Diagnostic;
    data: Record<string, unknown>;
    document: LangiumDocument<Document>;
}

type QuickFix = (context: FixContext) => CodeAction[];

/**
 * Quick fixes for mechanical repairs, in a registry keyed by diagnostic code. Checks put what a fix
 * needs into the diagnostic's `data` (suggestions, the range to delete, where to insert).
 */
export class CertaCodeActionProvider implements CodeActionProvider {
    private readonly fixes = new Map<string, QuickFix>([
        [SyntaxCodes.unknownClause, replaceWithSuggestion],
        [SyntaxCodes.unknownCatalog, replaceWithSuggestion],
        [SyntaxCodes.unknownName, context => [...replaceWithSuggestion(context), ...createMissingDeclaration(context)]],
        [SchemeTypeRules.surveillanceRequired, addSurveillanceBlock],
        [StandardFitRules.missingSurveillance, addSurveillanceBlock],
        [MsScopeRules.exclusionWithoutJustification, addJustificationPlaceholder],
        [ReferenceRules.duplicateId, context => removeRange(context, 'Remove this duplicate')],
        [SchemeStructureRules.repeatedMember, context => removeRange(context, 'Remove this repeated line')],
        [ReferenceRules.unusedDeclaration, context => removeRange(context, 'Remove the unused declaration')],
        [AcceptanceRules.stale, removeAcceptance],
        [AcceptanceRules.missingReason, addReasonPlaceholder],
        [AcceptanceRules.deprecatedCode, context => replaceWith(context, context.data.replacement, 'Use the current code')],
        [CompetenceRules.missingPerformer, context => addPerformer(context, this.roleNames())],
        ...operationFixCodes.map(code => [code, insertFromData] as [string, QuickFix])
    ]);

    private readonly index: IndexManager;

    constructor(services: CertaServices) {
        this.index = services.shared.workspace.IndexManager;
    }

    private roleNames(): string[] {
        return [...new Set(this.index.allElements('Role').map(d => d.name))].sort();
    }

    /** The codes that have a quick fix (for docs and tests). */
    get fixableCodes(): string[] {
        return [...this.fixes.keys()];
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as Record<string, unknown>;
            const code = typeof data.code === 'string' ? data.code : String(diagnostic.code ?? '');
            const context = { diagnostic, data, document: document as LangiumDocument<Document> };
            const fix = this.fixes.get(code);
            if (fix) {
                actions.push(...fix(context));
            }
            if (diagnostic.severity !== DiagnosticSeverity.Error && ruleInfo(code) && isAcceptable(code)) {
                actions.push(...acceptFinding(context, code));
            }
        }
        return actions;
    }
}

function quickFix(context: FixContext, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [context.diagnostic], isPreferred,
        edit: { changes: { [context.document.textDocument.uri]: edits } }
    };
}

function replaceWithSuggestion(context: FixContext): CodeAction[] {
    const suggestions = Array.isArray(context.data.suggestions) ? context.data.suggestions.map(String) : [];
    return suggestions.map((suggestion, index) =>
        quickFix(context, `Replace with '${suggestion}'`, [{ range: context.diagnostic.range, newText: suggestion }], index === 0));
}

function replaceWith(context: FixContext, text: unknown, title: string): CodeAction[] {
    return typeof text === 'string' ? [quickFix(context, title, [{ range: context.diagnostic.range, newText: text }], true)] : [];
}

const declarationTemplates: Record<string, (name: string) => string> = {
    Role: name => `role ${name} "${name}" {\n    needs \n}`,
    Competence: name => `competence ${name} "${name}"`,
    Mark: name => `mark ${name} "${name}" on certificates`
};

/** Appends `role X "X"` (or competence, mark) at the end of the file. */
function createMissingDeclaration(context: FixContext): CodeAction[] {
    const type = typeof context.data.referenceType === 'string' ? context.data.referenceType : undefined;
    const name = typeof context.data.refText === 'string' ? context.data.refText : undefined;
    const template = type ? declarationTemplates[type] : undefined;
    if (!template || !name || !/^[_a-zA-Z]\w*$/.test(name)) return [];
    const text = context.document.textDocument.getText();
    const end = context.document.textDocument.positionAt(text.length);
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    return [quickFix(context, `Create ${type!.toLowerCase()} '${name}'`, [{ range: { start: end, end }, newText: `${separator}${template(name)}\n` }])];
}

function nodeAt(context: FixContext, position: Position): AstNode | undefined {
    const root = context.document.parseResult.value;
    if (!root.$cstNode) return undefined;
    return CstUtils.findLeafNodeAtOffset(root.$cstNode, context.document.textDocument.offsetAt(position))?.astNode;
}

function lineIndent(context: FixContext, line: number): string {
    const text = context.document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)?.[0] ?? '';
}

/** An edit that adds `lines` (indented one level) as the last members of a scheme. */
function appendToScheme(context: FixContext, scheme: Scheme, lines: string[]): TextEdit | undefined {
    const range = scheme.$cstNode?.range;
    if (!range) return undefined;
    const indent = lineIndent(context, range.start.line);
    const inner = indent + '    ';
    const closing: Position = { line: range.end.line, character: range.end.character - 1 };
    const onOwnLine = context.document.textDocument.getText({ start: { line: closing.line, character: 0 }, end: closing }).trim() === '';
    const at: Position = onOwnLine ? { line: closing.line, character: 0 } : closing;
    const block = lines.map(line => inner + line + '\n').join('');
    return { range: { start: at, end: at }, newText: onOwnLine ? block : `\n${block}${indent}` };
}

/**
 * Inserts `surveillance every 12 months { … }` before the scheme's closing brace, with the
 * activities the message names (those the scheme type requires) as comments to complete.
 */
function addSurveillanceBlock(context: FixContext): CodeAction[] {
    const node = nodeAt(context, context.diagnostic.range.start);
    const scheme = node && AstUtils.getContainerOfType(node, isScheme);
    const named = Array.isArray(context.data.activities) ? context.data.activities.filter((a): a is string => typeof a === 'string') : [];
    const activities = named.length > 0 ? named : ['activity …: surveillanceAudit audit by … { covers … }'];
    const edit = scheme && appendToScheme(context, scheme, ['surveillance every 12 months {', ...activities.map(a => `    // ${a}`), '}']);
    return edit ? [quickFix(context, 'Add a surveillance block (every 12 months)', [edit], true)] : [];
}

/**
 * Accepting a finding is always possible for warnings: adds `accept "code" [on name] because "…"`
 * to the scheme (or the file), for the designer to give the reason.
 */
function acceptFinding(context: FixContext, code: string): CodeAction[] {
    const node = nodeAt(context, context.diagnostic.range.start);
    const scheme = node && AstUtils.getContainerOfType(node, isScheme);
    const element = node && namedElementBelow(node, scheme);
    const target = element ? ` on ${element}` : '';
    const line = `accept "${code}"${target} because "TODO: why this is acceptable"`;
    const title = `Accept '${code}'${element ? ` on '${element}'` : ''} with a reason`;
    if (scheme) {
        const edit = appendToScheme(context, scheme, [line]);
        return edit ? [quickFix(context, title, [edit])] : [];
    }
    const text = context.document.textDocument.getText();
    const end = context.document.textDocument.positionAt(text.length);
    return [quickFix(context, title, [{ range: { start: end, end }, newText: `${text.endsWith('\n') ? '' : '\n'}${line}\n` }])];
}

/** The name of the innermost named element holding `node`, up to (not including) the scheme. */
function namedElementBelow(node: AstNode, scheme: Scheme | undefined): string | undefined {
    for (let current: AstNode | undefined = node; current && current !== scheme; current = current.$container) {
        const name = (current as { name?: unknown }).name;
        if (typeof name === 'string' && current.$type !== 'Clause' && current.$type !== 'Document') return name;
    }
    return undefined;
}

function insertAfter(context: FixContext, position: unknown, text: string, title: string): CodeAction[] {
    if (!isPosition(position)) return [];
    return [quickFix(context, title, [{ range: { start: position, end: position }, newText: text }], true)];
}

/** Inserts the text a check stored in the diagnostic's data, where it said. */
function insertFromData(context: FixContext): CodeAction[] {
    const text = typeof context.data.insertText === 'string' ? context.data.insertText : undefined;
    const title = typeof context.data.fixTitle === 'string' ? context.data.fixTitle : 'Add the missing part';
    return text ? insertAfter(context, context.data.insertAt, text, title) : [];
}

function addJustificationPlaceholder(context: FixContext): CodeAction[] {
    return insertAfter(context, context.data.insertAt, ' because "TODO: why this requirement does not apply to the organisation"', 'Add a justification placeholder');
}

function addReasonPlaceholder(context: FixContext): CodeAction[] {
    const node = nodeAt(context, context.diagnostic.range.start);
    const acceptance = node && AstUtils.getContainerOfType(node, isAcceptance);
    return insertAfter(context, acceptance?.$cstNode?.range.end, ' because "TODO: why this finding is acceptable"', 'Add a reason placeholder');
}

/** Offers `by <Role>` for the roles the workspace declares (at most five, by name). */
function addPerformer(context: FixContext, roles: string[]): CodeAction[] {
    const node = nodeAt(context, context.diagnostic.range.start);
    const activity = node && AstUtils.getContainerOfType(node, isActivity);
    const anchor = activity && GrammarUtils.findNodeForProperty(activity.$cstNode, activity.method ? 'method' : 'kind');
    if (!anchor) return [];
    const at = anchor.range.end;
    return roles.slice(0, 5).map(role =>
        quickFix(context, `Performed by '${role}'`, [{ range: { start: at, end: at }, newText: ` by ${role}` }]));
}

function removeAcceptance(context: FixContext): CodeAction[] {
    const node = nodeAt(context, context.diagnostic.range.start);
    const acceptance = node && AstUtils.getContainerOfType(node, isAcceptance);
    const range = acceptance?.$cstNode?.range;
    return range ? [quickFix(context, 'Remove the stale acceptance', [{ range: wholeLines(context, range), newText: '' }], true)] : [];
}

function removeRange(context: FixContext, title: string): CodeAction[] {
    const range = context.data.deleteRange;
    if (!isRange(range)) return [];
    return [quickFix(context, title, [{ range: wholeLines(context, range), newText: '' }])];
}

/** Widens a range to whole lines when nothing else stands on them, so no blank line is left behind. */
function wholeLines(context: FixContext, range: Range): Range {
    const doc = context.document.textDocument;
    const before = doc.getText({ start: { line: range.start.line, character: 0 }, end: range.start });
    const after = doc.getText({ start: range.end, end: { line: range.end.line + 1, character: 0 } });
    if (before.trim() === '' && after.trim() === '') {
        return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
    }
    return range;
}

function isPosition(value: unknown): value is Position {
    return typeof value === 'object' && value !== null
        && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: unknown): value is Range {
    return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}
