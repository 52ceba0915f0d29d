import type { AstNodeDescription, ReferenceInfo } from 'langium';
import type { CompletionContext, CompletionValueItem } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { AstUtils } from 'langium';
import { isCatalog, isClause } from '../generated/ast.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import { declarationTitle, unquote } from './declaration-text.js';

/**
 * Completion that reads like the standard: clause numbers come in document order with their
 * headings (`8.5.1  Control of production and service provision`), roles, competences, marks and
 * catalogs with their titles. Keywords come from the grammar, in context, as Langium computes them.
 */
export class CertaCompletionProvider extends DefaultCompletionProvider {

    protected override createReferenceCompletionItem(
        description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (!node) {
            return item;
        }
        const title = declarationTitle(node);
        if (isClause(node)) {
            const catalog = AstUtils.getContainerOfType(node, isCatalog);
            const position = catalog ? clauseIndexOf(catalog).clauses.indexOf(node) : 0;
            return {
                ...item,
                detail: title ?? '(no heading)',
                labelDetails: title ? { description: title } : undefined,
                // Numbers sort like text ("10" before "4"); document order is what readers expect.
                sortText: `0${String(position).padStart(5, '0')}`,
                // Typing part of a heading finds the clause too.
                filterText: title ? `${node.name} ${title}` : node.name,
                documentation: node.summary ? unquote(node.summary) : undefined
            };
        }
        return {
            ...item,
            detail: title ? `${description.type}: ${title}` : description.type,
            labelDetails: title ? { description: title } : undefined
        };
    }
}
