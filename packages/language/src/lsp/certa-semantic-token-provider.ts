import type { AstNode } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/**
 * Colours what TextMate cannot tell apart: whether an identifier is a catalog, a clause number, a role,
 * a competence, a mark or an activity, at its declaration and wherever it is referenced.
 */
export class CertaSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = SemanticTokenModifiers.declaration;
        if (ast.isClauseRef(node)) {
            acceptor({ node, property: 'catalog', type: SemanticTokenTypes.namespace });
            if (node.clause) acceptor({ node, property: 'clause', type: SemanticTokenTypes.enumMember });
            if (node.to) acceptor({ node, property: 'to', type: SemanticTokenTypes.enumMember });
        } else if (ast.isCatalog(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        } else if (ast.isClause(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: declaration });
        } else if (ast.isSchemeType(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.typeParameter, modifier: declaration });
            acceptor({ node, property: 'allows', type: SemanticTokenTypes.enumMember });
        } else if (ast.isElementChoice(node)) {
            acceptor({ node, property: 'options', type: SemanticTokenTypes.enumMember });
        } else if (ast.isScheme(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        } else if (ast.isRole(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: declaration });
            acceptor({ node, property: 'needs', type: SemanticTokenTypes.interface });
        } else if (ast.isCompetence(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.interface, modifier: declaration });
        } else if (ast.isPerson(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
            acceptor({ node, property: 'competences', type: SemanticTokenTypes.interface });
        } else if (ast.isQualification(node)) {
            acceptor({ node, property: 'role', type: SemanticTokenTypes.type });
        } else if (ast.isMark(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: declaration });
        } else if (ast.isActivity(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
            acceptor({ node, property: 'performers', type: SemanticTokenTypes.type });
            acceptor({ node, property: 'licenses', type: SemanticTokenTypes.enum });
        } else if (ast.isCheck(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.method, modifier: declaration });
        } else if (ast.isOperatedUnderDecl(node) || ast.isUsesQmsDecl(node) || ast.isCertifiesDecl(node)) {
            if (node.standard) acceptor({ node, property: 'standard', type: SemanticTokenTypes.namespace });
        } else if (ast.isSchemeTypeDecl(node)) {
            acceptor({ node, property: 'catalog', type: SemanticTokenTypes.namespace });
            acceptor({ node, property: 'schemeType', type: SemanticTokenTypes.typeParameter });
        }
    }
}
