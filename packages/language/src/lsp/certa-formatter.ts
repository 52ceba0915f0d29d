import type { AstNode, CstNode } from 'langium';
import { CstUtils } from 'langium';
import type { FormattingRegion, NodeFormatter } from 'langium/lsp';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import * as ast from '../generated/ast.js';

/** A member may keep blank lines before it (grouping is the author's); it always starts a new line. */
const memberLine = Formatting.indent({ allowMore: true });

/**
 * Blocks indented by one level (4 spaces by default, the client's tab size otherwise), one member per
 * line, `{` on the declaration's line, `}` on its own line, single spaces after commas and colons.
 * Continuation lines (`summary`, `evidence`, `refs` on the next line, a long list wrapped after a
 * comma) keep their place: authors wrap long clauses and checks on purpose. Comments on their own
 * line inside a block are indented with the members.
 */
export class CertaFormatter extends AbstractFormatter {

    protected override format(node: AstNode): void {
        const f = this.getNodeFormatter(node);
        const commas = f.keywords(',');
        commas.prepend(Formatting.noSpace());
        f.cst(commas.nodes.filter(comma => !endsLine(comma))).append(Formatting.oneSpace());
        if (ast.isDocument(node)) {
            node.elements.slice(1).forEach(element => f.node(element).prepend(Formatting.newLine({ allowMore: true })));
        } else if (ast.isCatalog(node)) {
            this.block(f, f.keywords('designation', 'governs', 'note'), f.properties('clauses', 'schemeTypes'));
        } else if (ast.isClause(node)) {
            this.block(f, f.properties('clauses'));
        } else if (ast.isSchemeType(node)) {
            this.block(f, f.keywords('requires', 'surveillance', 'surveillanceRequires', 'allows', 'attests',
                'initialAuditWhenSurveillanceAudits', 'certifies', 'source'));
        } else if (ast.isScheme(node)) {
            this.block(f, f.properties('members'));
        } else if (ast.isActivity(node)) {
            const colon = f.keyword(':');
            colon.prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            this.block(f, f.properties('members'));
        } else if (ast.isSurveillance(node) || ast.isRecertification(node)) {
            this.block(f, f.properties('activities'));
        } else if (ast.isLifecycle(node)) {
            this.block(f, f.properties('members'));
        } else if (ast.isExternalBody(node)) {
            this.block(f, f.keywords('accreditedTo', 'performs', 'agreement'));
        } else if (ast.isCertificateDecl(node)) {
            this.block(f, f.keywords('validFor', 'states'));
        } else if (ast.isRole(node)) {
            this.block(f, f.keywords('needs', 'summary'));
        } else if (ast.isPerson(node)) {
            this.block(f, f.keywords('qualified', 'competent', 'areas', 'evidence'));
        }
    }

    private block(f: NodeFormatter<AstNode>, ...members: FormattingRegion[]): void {
        const open = f.keyword('{');
        const close = f.keyword('}');
        if (open.nodes.length === 0) {
            return;
        }
        open.prepend(Formatting.oneSpace());
        for (const region of members) {
            region.prepend(memberLine);
        }
        f.cst(ownComments(f, open.nodes[0], close.nodes[0])).prepend(memberLine);
        close.prepend(Formatting.newLine());
    }
}

/** Whether a wrapped list continues on the next line after this token. */
function endsLine(token: CstNode): boolean {
    const next = CstUtils.getNextNode(token, false);
    return next !== undefined && next.range.start.line > token.range.end.line;
}

/**
 * Comments on their own line between a block's braces that belong to the block itself (Langium keeps
 * a comment in the node that contains it, before the member it precedes).
 */
function ownComments(f: NodeFormatter<AstNode>, open: CstNode, close: CstNode | undefined): CstNode[] {
    const owner = open.astNode;
    const block = f.node(owner).nodes[0];
    if (!block) return [];
    const end = close?.offset ?? block.end;
    return CstUtils.streamCst(block)
        .filter(node => node.hidden && node.astNode === owner && node.offset > open.offset && node.offset < end
            && /^\s*(\/\/|\/\*)/.test(node.text) && startsLine(node))
        .toArray();
}

function startsLine(node: CstNode): boolean {
    const previous = CstUtils.getPreviousNode(node, false);
    return previous === undefined || previous.range.end.line < node.range.start.line;
}
