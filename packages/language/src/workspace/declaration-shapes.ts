import type { AstNode, AstNodeLocator, CstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';
import type { Document } from '../generated/ast.js';

/**
 * Properties of a declaration that no rule of another file reads: a role's or competence's title and
 * summary are shown in hovers and outputs, never checked from the files that refer to them. An edit
 * there revalidates nothing else.
 */
const unreadAcrossFiles: Record<string, readonly string[]> = {
    Role: ['title', 'summary'],
    Competence: ['title', 'summary']
};

/**
 * The shape of each top-level declaration of a document, by AST path: its type, name and text
 * (whitespace folded), less the properties other files do not read. Files that refer to a
 * declaration whose path and shape are unchanged give the same diagnostics as before.
 */
export function declarationShapes(document: LangiumDocument, locator: AstNodeLocator): Map<string, string> {
    const shapes = new Map<string, string>();
    const root = document.parseResult.value as Document;
    for (const element of root.elements ?? []) {
        if (!element) continue;
        shapes.set(locator.getAstNodePath(element), `${element.$type}:${(element as { name?: string }).name ?? ''}:${shapeText(element)}`);
    }
    return shapes;
}

/** The type and name a shape begins with (`Role:LeadAuditor:…`); undefined for a declaration without a name. */
export function typeAndName(shape: string): { type: string; name: string } | undefined {
    const [type, name] = shape.split(':', 2);
    return name ? { type, name } : undefined;
}

function shapeText(element: AstNode): string {
    const cst = element.$cstNode;
    if (!cst) return '';
    const unread = unreadAcrossFiles[element.$type];
    if (!unread) return cst.text.replace(/\s+/g, ' ');
    const kept: string[] = [];
    collect(cst, element, unread, kept);
    return kept.join(' ').replace(/\s+/g, ' ');
}

/** The text of the element's tokens, less its unread properties (their CST nodes belong to the element itself). */
function collect(node: CstNode, element: AstNode, unread: readonly string[], kept: string[]): void {
    if (isUnread(node, unread)) return;
    if (isCompositeCstNode(node) && node.astNode === element) node.content.forEach(child => collect(child, element, unread, kept));
    else kept.push(node.text);
}

function isUnread(node: CstNode, unread: readonly string[]): boolean {
    const assignment = AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isAssignment);
    return assignment !== undefined && unread.includes(assignment.feature);
}

/** The top-level declaration a path lies in (`/elements@3/clauses@1` → `/elements@3`). */
export function topLevelPath(path: string): string {
    const second = path.indexOf('/', 1);
    return second < 0 ? path : path.slice(0, second);
}
