import type { AstNode, AstNodeDescription, CstNode, DocumentSegment, LangiumDocument, ReferenceDescription, ReferenceInfo, URI } from 'langium';
import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck, isMultiReference, isReference, CstUtils } from 'langium';
import { walkedTree } from '../helpers/ast-walk.js';

/**
 * Langium's descriptions of a document's resolved references, found in one synchronous pass (see
 * walkedTree). Langium works out each reference's document and the path of its node from the root,
 * again for every reference; here the document is the one described and each node's path is built
 * once from its container's, as most references share their containers and those their ancestors.
 * The segment of the reference's text is made when it is read (see LazySegmentDescription).
 */
export class CertaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        const paths = new Map<AstNode, string>();
        for (const info of walkedTree(document.parseResult.value).references) {
            this.describe(info, document, paths, descriptions);
        }
        return descriptions;
    }

    /** As Langium's createInfoDescriptions, with the source document known and the paths kept. */
    private describe(info: ReferenceInfo, document: LangiumDocument, paths: Map<AstNode, string>, into: ReferenceDescription[]): void {
        const reference = info.reference;
        if (reference.error || !reference.$refNode) return;
        let items: AstNodeDescription[] = [];
        if (isReference(reference) && reference.$nodeDescription) items = [reference.$nodeDescription];
        else if (isMultiReference(reference)) items = reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
        if (items.length === 0) return;
        const sourceUri = document.uri;
        const source = sourceUri.toString();
        const sourcePath = this.pathOf(info.container, paths);
        for (const item of items) {
            into.push(new LazySegmentDescription(sourceUri, sourcePath, item.documentUri, item.path, reference.$refNode, item.documentUri.toString() === source));
        }
    }

    /** The locator's path of the node (`/elements@3/refs@0`), from its container's. */
    private pathOf(node: AstNode, paths: Map<AstNode, string>): string {
        let path = paths.get(node);
        if (path === undefined) {
            const container = node.$container;
            if (!container) path = '';
            // No property: the locator reports that (it throws), as it would for Langium.
            else if (!node.$containerProperty) path = this.nodeLocator.getAstNodePath(node);
            else {
                const segment = node.$containerIndex === undefined ? node.$containerProperty : `${node.$containerProperty}@${node.$containerIndex}`;
                path = `${this.pathOf(container, paths)}/${segment}`;
            }
            paths.set(node, path);
        }
        return path;
    }
}

/**
 * A reference description whose segment (four objects for each of the workspace's references, kept
 * as long as the index) is made the first time it is read: only find-references, rename and hover read it.
 */
class LazySegmentDescription implements ReferenceDescription {
    readonly #refNode: CstNode;
    #segment?: DocumentSegment;

    constructor(readonly sourceUri: URI, readonly sourcePath: string, readonly targetUri: URI, readonly targetPath: string, refNode: CstNode, readonly local: boolean) {
        this.#refNode = refNode;
    }

    get segment(): DocumentSegment {
        return this.#segment ??= CstUtils.toDocumentSegment(this.#refNode);
    }
}
