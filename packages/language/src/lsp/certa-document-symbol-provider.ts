import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { declarationTitle } from './declaration-text.js';

/** The outline shows each declaration's words next to its id: `8.5.1  Control of production …`, `LeadAuditor  Lead auditor`. */
export class CertaDocumentSymbolProvider extends DefaultDocumentSymbolProvider {

    protected override createSymbol(
        document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string
    ): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = declarationTitle(astNode);
        return title ? { ...symbol, detail: title } : symbol;
    }
}
