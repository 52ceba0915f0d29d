import type { LangiumDocument } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { walkedTree } from '../helpers/ast-walk.js';

/**
 * A reference read before its document is linked (by a request that runs beside a build, or by a
 * rule of an open file reading a file linked after it) is resolved there and then, and Langium's
 * linking keeps that answer. When the file it points into is parsed again in between, it keeps
 * pointing into the old syntax tree, which nothing rebinds (its document's references are not
 * indexed yet): rules that compare nodes then see two roles of one name. Linking resolves every
 * reference of the document afresh instead.
 *
 * A document is linked in one synchronous pass over its references (see walkedTree), checking for
 * cancellation before it.
 */
export class CertaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.unlink(document);
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await interruptAndCheck(cancelToken);
        for (const reference of walkedTree(document.parseResult.value).references) this.doLink(reference, document);
    }
}
