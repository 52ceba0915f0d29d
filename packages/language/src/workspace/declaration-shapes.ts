import type { AstNode, AstNodeLocator, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
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

function shapeText(element: AstNode): string {
    const cst = element.$cstNode;
    if (!cst) return '';
    let text = cst.text;
    const cuts = (unreadAcrossFiles[element.$type] ?? [])
        .flatMap(property => GrammarUtils.findNodesForProperty(cst, property))
        .map(node => ({ start: node.offset - cst.offset, end: node.end - cst.offset }))
        .sort((a, b) => b.start - a.start);
    for (const cut of cuts) text = text.slice(0, cut.start) + text.slice(cut.end);
    return text.replace(/\s+/g, ' ');
}

/** The top-level declaration a path lies in (`/elements@3/clauses@1` → `/elements@3`). */
export function topLevelPath(path: string): string {
    const second = path.indexOf('/', 1);
    return second < 0 ? path : path.slice(0, second);
}
