import type { AstNode, LangiumDocument, URI } from 'langium';
import { DefaultLangiumDocumentFactory, DocumentState } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's document factory, able to create a document whose text is read but not parsed yet:
 * the language server reads the whole workspace at startup, and parsing it there would make the
 * open file wait for every other file (see open-first-builder.ts). The builder parses each such
 * document when it gets to it, from the text read at startup.
 */
export class CertaDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly unparsed = new Map<string, string>();

    /** A document for `text` (read from `uri`), parsed by the first build that needs it. */
    deferred(uri: URI, text: string): LangiumDocument {
        const document = this.fromModel({ $type: 'Document', elements: [] } as AstNode, uri);
        document.state = DocumentState.Changed;
        this.unparsed.set(uri.toString(), text);
        return document;
    }

    /** The text of a document not parsed yet, as read at startup. */
    unparsedText(uri: string): string | undefined {
        return this.unparsed.get(uri);
    }

    /** The text read at startup is stale: the file changed, or went. */
    forget(uri: string): void {
        this.unparsed.delete(uri);
    }

    protected override async getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, cancelToken: CancellationToken): Promise<string> {
        const key = document.uri.toString();
        const text = this.unparsed.get(key);
        this.unparsed.delete(key);
        return textDocument || text === undefined ? super.getUpdatedText(document, textDocument, cancelToken) : text;
    }
}
