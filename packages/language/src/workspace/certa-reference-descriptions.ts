import type { LangiumDocument, ReferenceDescription } from 'langium';
import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import { walkAst } from '../helpers/ast-walk.js';

/** Langium's descriptions of a document's resolved references, found in one synchronous walk (see walkAst). */
export class CertaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        walkAst(document.parseResult.value, undefined, info => {
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        });
        return descriptions;
    }
}
