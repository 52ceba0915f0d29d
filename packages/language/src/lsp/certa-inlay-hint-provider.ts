import type { AstNode, CstNode, Reference } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import type { CertaServices } from '../certa-module.js';
import type { Clause, Client } from '../generated/ast.js';
import { isClauseRef, isClient } from '../generated/ast.js';
import { programmeHint } from '../programme/programme-summary.js';
import { programmeIfKnown } from '../programme/workspace-programmes.js';
import { GrammarUtils } from 'langium';
import { unquote } from './declaration-text.js';

/** Long headings are cut so that a line of references stays readable. */
const MAX_HEADING = 60;

/**
 * Shows a clause's heading after its number, so a reviewer reads
 * `ISO9001 8.5.1 ‹Control of production and service provision›` without hovering; and after a
 * client's title the audit time and site sample the programme calculation gives.
 */
export class CertaInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly services?: CertaServices) {
        super();
    }

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (isClient(node) && this.services) {
            const hint = this.clientHint(node);
            if (hint) acceptor(hint);
            return;
        }
        if (!isClauseRef(node)) {
            return;
        }
        for (const reference of [node.clause, node.to]) {
            const hint = reference && headingHint(reference);
            if (hint) acceptor(hint);
        }
    }

    private clientHint(client: Client): Parameters<InlayHintAcceptor>[0] | undefined {
        const title = GrammarUtils.findNodeForProperty(client.$cstNode, 'title');
        const programme = title && programmeIfKnown(this.services!, client);
        const label = programme && programmeHint(programme);
        if (!title || !label) return undefined;
        return { position: title.range.end, label: `‹${label}›`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: 'IAF MD 5 audit time and IAF MD 1 sample (hover the client for the calculation)' };
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
