import type { AstNode, CstNode, Reference } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import type { Clause } from '../generated/ast.js';
import { isClauseRef } from '../generated/ast.js';
import { unquote } from './declaration-text.js';

/** Long headings are cut so that a line of references stays readable. */
const MAX_HEADING = 60;

/**
 * Shows a clause's heading after its number, so a reviewer reads
 * `ISO9001 8.5.1 ‹Control of production and service provision›` without hovering.
 */
export class CertaInlayHintProvider extends AbstractInlayHintProvider {

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isClauseRef(node)) {
            return;
        }
        for (const reference of [node.clause, node.to]) {
            const hint = reference && headingHint(reference);
            if (hint) acceptor(hint);
        }
    }
}

function headingHint(reference: Reference<Clause>): Parameters<InlayHintAcceptor>[0] | undefined {
    const clause = reference.ref;
    const cst: CstNode | undefined = reference.$refNode;
    if (!clause?.heading || !cst) {
        return undefined;
    }
    const heading = unquote(clause.heading);
    const shown = heading.length > MAX_HEADING ? `${heading.slice(0, MAX_HEADING - 1)}…` : heading;
    return {
        position: cst.range.end,
        label: `‹${shown}›`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: heading
    };
}
