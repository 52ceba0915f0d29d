import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Catalog: SymbolKind.Namespace,
    Clause: SymbolKind.EnumMember,
    SchemeType: SymbolKind.TypeParameter,
    Scheme: SymbolKind.Class,
    Activity: SymbolKind.Function,
    Check: SymbolKind.Method,
    Role: SymbolKind.Struct,
    Competence: SymbolKind.Interface,
    Person: SymbolKind.Variable,
    Mark: SymbolKind.Enum
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Catalog: CompletionItemKind.Module,
    Clause: CompletionItemKind.EnumMember,
    SchemeType: CompletionItemKind.TypeParameter,
    Scheme: CompletionItemKind.Class,
    Activity: CompletionItemKind.Function,
    Check: CompletionItemKind.Method,
    Role: CompletionItemKind.Struct,
    Competence: CompletionItemKind.Interface,
    Person: CompletionItemKind.Variable,
    Mark: CompletionItemKind.Enum
};

/** Outline and completion icons that tell catalogs, clauses, roles and activities apart. */
export class CertaNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
