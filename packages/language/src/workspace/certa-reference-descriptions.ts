import type { LangiumDocument, ReferenceDescription } from 'langium';
import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import { walkedTree } from '../helpers/ast-walk.js';

/** Langium's descriptions of a document's resolved references, found in one synchronous pass (see walkedTree). */
export class CertaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        for (const info of walkedTree(document.parseResult.value).references) {
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }
}
