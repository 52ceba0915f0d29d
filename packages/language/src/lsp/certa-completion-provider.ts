import type { AstNode, AstNodeDescription, LangiumDocument, MaybePromise, ReferenceInfo } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionProviderOptions, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { IndexManager } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { CancellationToken, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, CompletionList, CompletionTriggerKind } from 'vscode-languageserver';
import type { CutParseResult } from '../parser/certa-parser.js';
import type { Clause } from '../generated/ast.js';
import { Catalog, isAcceptance, isActivity, isCatalog, isCheck, isClause, isDocument, isMark, isScheme } from '../generated/ast.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import { isAcceptable } from '../validation/acceptance.js';
import { allRules } from '../validation/rule-catalog.js';
import { declarationTitle, unquote } from './declaration-text.js';
import { keywordDescription } from './keyword-descriptions.js';

/**
 * Completion that reads like the standard: clause numbers come in document order with their
 * headings (`8.5.1  Control of production and service provision`), roles, competences, marks and
 * catalogs with their titles; in `accept "code" on name` the codes of the rules that may be accepted
 * and the activities, checks and marks the acceptance can be narrowed to. Keywords come from the
 * grammar, in context, as Langium computes them.
 */
export class CertaCompletionProvider extends DefaultCompletionProvider {

    /** A space after a catalog name opens its clause list as one types (`ISO9001 `), without Ctrl+Space. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' '] };
    private readonly indexManager: IndexManager;

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
    }

    /**
     * Past the point where Certa stopped reading (input-limits.ts) there is nothing to complete,
     * and the completion parser, which reads the text up to the cursor again, must not descend
     * into nesting the document parser refused.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const { cutAt, tooLong } = document.parseResult as CutParseResult;
        if (tooLong !== undefined || (cutAt !== undefined && document.textDocument.offsetAt(params.position) > cutAt)) {
            return CompletionList.create([], false);
        }
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !this.afterCatalogName(document, params)) {
            return CompletionList.create([], false); // a space elsewhere is just a space
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /** Whether the word before the space that triggered completion names a catalog. */
    private afterCatalogName(document: LangiumDocument, params: CompletionParams): boolean {
        const offset = document.textDocument.offsetAt(params.position);
        const before = document.textDocument.getText().slice(Math.max(0, offset - 200), offset);
        const word = /([A-Za-z_]\w*) $/.exec(before)?.[1];
        return word !== undefined && this.indexManager.allElements(Catalog.$type).some(catalog => catalog.name === word);
    }

    /** Keywords with what they mean (keyword-descriptions.ts), so the start of a member teaches the language. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const description = keywordDescription(keyword.value);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: description ?? 'Keyword',
            labelDetails: description ? { description: firstSentence(description) } : undefined,
            documentation: description ? { kind: 'markdown', value: description } : undefined,
            sortText: '1'
        });
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const inAcceptance = next.type === 'Acceptance' || isAcceptance(context.node);
        if (inAcceptance && next.property === 'code') {
            return this.ruleCodes(context, acceptor);
        }
        if (inAcceptance && next.property === 'target' && context.node) {
            return this.acceptanceTargets(context, context.node, acceptor);
        }
        // A declaration's own name is the designer's to choose: no keywords that may also be names.
        if (next.property === 'name' && GrammarAST.isKeyword(next.feature)) return;
        return super.completionFor(context, next, acceptor);
    }


    /** Codes of the rules a designer may accept, quoted, with what each rule says. */
    private ruleCodes(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const rule of allRules().filter(r => isAcceptable(r.code))) {
            acceptor(context, {
                label: rule.code,
                insertText: `"${rule.code}"`,
                filterText: `"${rule.code}"`,
                kind: CompletionItemKind.Value,
                detail: `${rule.severity}: ${rule.basis}`,
                documentation: rule.summary,
                sortText: '0'
            });
        }
    }

    /** The activities, checks and marks of the scheme (or file) an acceptance covers. */
    private acceptanceTargets(context: CompletionContext, node: AstNode, acceptor: CompletionAcceptor): void {
        const scope = AstUtils.getContainerOfType(node, isScheme) ?? AstUtils.getContainerOfType(node, isDocument);
        if (!scope) return;
        for (const element of AstUtils.streamAllContents(scope)) {
            if (isActivity(element) || isCheck(element) || isMark(element)) {
                acceptor(context, {
                    label: element.name,
                    kind: this.nodeKindProvider.getCompletionItemKind(element),
                    detail: `${element.$type}${declarationTitle(element) ? `: ${declarationTitle(element)}` : ''}`,
                    sortText: '0'
                });
            }
        }
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const node = description.node;
        const cached = node && isClause(node) ? this.clauseItems.get(node) : undefined;
        if (cached) return { ...cached, nodeDescription: description };
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        if (!node) {
            return item;
        }
        const title = declarationTitle(node);
        if (isClause(node)) {
            const clauseItem = this.clauseItem(item, node, title);
            this.clauseItems.set(node, clauseItem);
            return { ...clauseItem };
        }
        return {
            ...item,
            detail: title ? `${description.type}: ${title}` : description.type,
            labelDetails: title ? { description: title } : undefined
        };
    }

    /**
     * A clause's item depends on the clause node alone (a node is never changed, only replaced when its
     * catalog is parsed again): completing in a catalog of hundreds of clauses builds each item once.
     */
    private readonly clauseItems = new WeakMap<Clause, CompletionValueItem>();

    private clauseItem(item: CompletionValueItem, node: Clause, title: string | undefined): CompletionValueItem {
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
}

/** The short form shown beside the keyword: up to the first colon or full stop. */
function firstSentence(text: string): string {
    const cut = text.search(/[:.](\s|$)/);
    return cut > 0 ? text.slice(0, cut) : text;
}
