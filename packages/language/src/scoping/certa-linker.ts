import type { LangiumDocument } from 'langium';
import { DefaultLinker } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * A reference read before its document is linked (by a request that runs beside a build, or by a
 * rule of an open file reading a file linked after it) is resolved there and then, and Langium's
 * linking keeps that answer. When the file it points into is parsed again in between, it keeps
 * pointing into the old syntax tree, which nothing rebinds (its document's references are not
 * indexed yet): rules that compare nodes then see two roles of one name. Linking resolves every
 * reference of the document afresh instead.
 */
export class CertaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        this.unlink(document);
        await super.link(document, cancelToken);
    }
}
