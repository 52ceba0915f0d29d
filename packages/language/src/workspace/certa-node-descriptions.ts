import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Langium's descriptions of named nodes (the index's exports, each document's local names), whose
 * selection segment (four objects per name, kept as long as the index) is made when it is read, as
 * Langium already does for the name's segment: only the editor's navigation reads either.
 */
export class CertaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return new LazySegmentsDescription(node, name, node.$type, uri, path, this.nameProvider);
    }
}

class LazySegmentsDescription implements AstNodeDescription {
    readonly #names: NameProvider;
    #nameSegment?: DocumentSegment;
    #selectionSegment?: DocumentSegment;

    constructor(readonly node: AstNode, readonly name: string, readonly type: string, readonly documentUri: URI, readonly path: string, names: NameProvider) {
        this.#names = names;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.#nameSegment ??= CstUtils.toDocumentSegment(this.#names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.#selectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
