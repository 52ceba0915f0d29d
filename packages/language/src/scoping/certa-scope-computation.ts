import type { AstNode, AstNodeDescription, LangiumDocument } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import { walkedTree } from '../helpers/ast-walk.js';
import { isClient, isMark, isScheme, isSite, Mark, Site } from '../generated/ast.js';

/** The types of the only local symbols (see CertaScopeComputation). */
export const localSymbolTypes: readonly string[] = [Mark.$type, Site.$type];

/**
 * The only names resolved locally are a scheme's own marks (`licenses CIRCLE` inside the scheme
 * that declares CIRCLE) and a client's own sites (`sites HQ` in one of its audits). Top-level declarations resolve through the global index, and clause
 * numbers and scheme types through their catalog (CertaScopeProvider). Langium's default would make
 * every named node a local symbol of its container, so each reference would scan all activities of
 * its scheme and all declarations of its file: quadratic in a large file.
 */
export class CertaScopeComputation extends DefaultScopeComputation {
    /** One synchronous pass per document (see walkedTree). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<MultiMap<AstNode, AstNodeDescription>> {
        await interruptAndCheck(cancelToken);
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of walkedTree(root).nodes) if (node !== root) this.addLocalSymbol(node, document, symbols);
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if ((isMark(node) && isScheme(node.$container)) || (isSite(node) && isClient(node.$container))) {
            super.addLocalSymbol(node, document, symbols);
        }
    }
}
