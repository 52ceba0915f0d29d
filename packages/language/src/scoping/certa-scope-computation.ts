import type { AstNode, AstNodeDescription, LangiumDocument, MultiMap } from 'langium';
import { DefaultScopeComputation } from 'langium';
import { isClient, isMark, isScheme, isSite } from '../generated/ast.js';

/**
 * The only names resolved locally are a scheme's own marks (`licenses CIRCLE` inside the scheme
 * that declares CIRCLE) and a client's own sites (`sites HQ` in one of its audits). Top-level declarations resolve through the global index, and clause
 * numbers and scheme types through their catalog (CertaScopeProvider). Langium's default would make
 * every named node a local symbol of its container, so each reference would scan all activities of
 * its scheme and all declarations of its file: quadratic in a large file.
 */
export class CertaScopeComputation extends DefaultScopeComputation {
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if ((isMark(node) && isScheme(node.$container)) || (isSite(node) && isClient(node.$container))) {
            super.addLocalSymbol(node, document, symbols);
        }
    }
}
