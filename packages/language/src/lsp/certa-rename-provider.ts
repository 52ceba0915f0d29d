import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { BuiltinCatalogs } from '../catalogs/builtin-catalogs.js';
import type { CertaServices } from '../certa-module.js';
import { isClause } from '../generated/ast.js';

const IDENTIFIER = /^[_a-zA-Z]\w*$/;
const CLAUSE_NUMBER = /^(?:[0-9]+|[A-Z])(?:\.[0-9]+)*$/;

/**
 * Renames the user's own declarations everywhere they are used. Builtin catalogs are the standards'
 * own numbering: renaming one of their clauses or catalogs would silently break every scheme, so it is
 * refused with a message that says why.
 */
export class CertaRenameProvider extends DefaultRenameProvider {
    private readonly builtinCatalogs: BuiltinCatalogs;

    constructor(services: CertaServices) {
        super(services as LangiumServices);
        this.builtinCatalogs = services.catalogs.BuiltinCatalogs;
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const range = this.renameNodeRange(document, params.position);
        if (range) {
            this.refuseBuiltin(this.targetOf(document, params));
        }
        return range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetOf(document, params);
        this.refuseBuiltin(target);
        if (target) {
            const valid = isClause(target) ? CLAUSE_NUMBER : IDENTIFIER;
            if (!valid.test(params.newName)) {
                throw new ResponseError(ErrorCodes.InvalidParams,
                    `'${params.newName}' is not a valid ${isClause(target) ? 'clause number' : 'name'}.`);
            }
        }
        return super.rename(document, params);
    }

    private targetOf(document: LangiumDocument, params: TextDocumentPositionParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private refuseBuiltin(target: AstNode | undefined): void {
        if (target && this.builtinCatalogs.isBuiltin(AstUtils.getDocument(target).uri)) {
            throw new ResponseError(ErrorCodes.InvalidRequest,
                'Builtin catalogs follow the standard\'s own numbering and names; they cannot be renamed.');
        }
    }
}
