import type { Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { BuiltinCatalogs, defaultCatalogDirectory } from './catalogs/builtin-catalogs.js';
import { CertaGeneratedModule, CertaGeneratedSharedModule, CertaLanguageMetaData } from './generated/module.js';
import { CertaCodeActionProvider } from './lsp/certa-code-action-provider.js';
import { CertaCompletionProvider } from './lsp/certa-completion-provider.js';
import { CertaDocumentSymbolProvider } from './lsp/certa-document-symbol-provider.js';
import { CertaFormatter } from './lsp/certa-formatter.js';
import { CertaHoverProvider } from './lsp/certa-hover-provider.js';
import { CertaInlayHintProvider } from './lsp/certa-inlay-hint-provider.js';
import { CertaDocumentUpdateHandler } from './lsp/certa-document-update-handler.js';
import { CertaNodeKindProvider } from './lsp/certa-node-kind-provider.js';
import { CertaRenameProvider } from './lsp/certa-rename-provider.js';
import { CertaSemanticTokenProvider } from './lsp/certa-semantic-token-provider.js';
import { createCertaParser } from './parser/certa-parser.js';
import { CertaParserErrorMessageProvider } from './parser/certa-parser-error-messages.js';
import { LazyCompletionParser } from './parser/lazy-completion-parser.js';
import { CertaValueConverter } from './parser/certa-value-converter.js';
import { CertaTokenBuilder } from './parser/certa-token-builder.js';
import { CertaScopeComputation } from './scoping/certa-scope-computation.js';
import { CertaLinker } from './scoping/certa-linker.js';
import { CertaScopeProvider } from './scoping/certa-scope-provider.js';
import { CertaDocumentValidator } from './validation/certa-document-validator.js';
import { CertaValidationRegistry } from './validation/certa-validation-registry.js';
import { registerValidationChecks } from './validation/certa-validator.js';
import { CertaDocumentBuilder } from './workspace/certa-document-builder.js';
import { CertaDocumentFactory } from './workspace/certa-document-factory.js';
import { CertaIndexManager } from './workspace/certa-index-manager.js';
import { CertaLangiumDocuments } from './workspace/certa-langium-documents.js';
import { CertaAstNodeDescriptionProvider } from './workspace/certa-node-descriptions.js';
import { CertaReferenceDescriptionProvider } from './workspace/certa-reference-descriptions.js';
import { CertaServiceRegistry } from './workspace/certa-service-registry.js';
import { CertaWorkspaceManager } from './workspace/certa-workspace-manager.js';
import { WorkspaceFacts } from './workspace/workspace-facts.js';

/** Services Certa adds to Langium's. */
export interface CertaAddedServices {
    catalogs: {
        /** Folder holding the builtin catalog files. */
        directory: string;
        BuiltinCatalogs: BuiltinCatalogs;
    };
    crossFile: {
        /** What rules read across files, derived once per build from the index. */
        WorkspaceFacts: WorkspaceFacts;
    };
}

export type CertaServices = LangiumServices & CertaAddedServices;

export interface CertaModuleOptions {
    /** Where the builtin catalogs are; defaults to the package's `catalogs` folder. */
    catalogDirectory?: string;
    /**
     * Skips Chevrotain's self-checks of the grammar when the lexer and parser are built (Langium's
     * 'production' mode): a quarter of a cold CLI start. They check the grammar, not the input, so
     * they cannot fail on a grammar that passed them once; every test builds it with them.
     */
    production?: boolean;
}

export function createCertaModule(options: CertaModuleOptions = {}): Module<CertaServices, PartialLangiumServices & CertaAddedServices> {
    return {
        ...(options.production ? { LanguageMetaData: () => ({ ...CertaLanguageMetaData, mode: 'production' as const }) } : {}),
        catalogs: {
            directory: () => options.catalogDirectory ?? defaultCatalogDirectory(),
            BuiltinCatalogs: services => new BuiltinCatalogs(services)
        },
        crossFile: {
            WorkspaceFacts: services => new WorkspaceFacts(services.shared)
        },
        parser: {
            LangiumParser: services => createCertaParser(services),
            CompletionParser: services => new LazyCompletionParser(services),
            TokenBuilder: () => new CertaTokenBuilder(),
            ValueConverter: () => new CertaValueConverter(),
            ParserErrorMessageProvider: () => new CertaParserErrorMessageProvider()
        },
        references: {
            Linker: services => new CertaLinker(services),
            ScopeProvider: services => new CertaScopeProvider(services),
            ScopeComputation: services => new CertaScopeComputation(services)
        },
        workspace: {
            AstNodeDescriptionProvider: services => new CertaAstNodeDescriptionProvider(services),
            ReferenceDescriptionProvider: services => new CertaReferenceDescriptionProvider(services)
        },
        validation: {
            DocumentValidator: services => new CertaDocumentValidator(services),
            ValidationRegistry: services => new CertaValidationRegistry(services)
        },
        lsp: {
            CompletionProvider: services => new CertaCompletionProvider(services),
            HoverProvider: services => new CertaHoverProvider(services),
            InlayHintProvider: services => new CertaInlayHintProvider(services),
            Formatter: () => new CertaFormatter(),
            SemanticTokenProvider: services => new CertaSemanticTokenProvider(services),
            RenameProvider: services => new CertaRenameProvider(services),
            DocumentSymbolProvider: services => new CertaDocumentSymbolProvider(services),
            CodeActionProvider: services => new CertaCodeActionProvider(services)
        }
    };
}

export const CertaSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: services => new CertaServiceRegistry(services),
    workspace: {
        IndexManager: services => new CertaIndexManager(services),
        LangiumDocuments: services => new CertaLangiumDocuments(services),
        LangiumDocumentFactory: services => new CertaDocumentFactory(services),
        WorkspaceManager: services => new CertaWorkspaceManager(services),
        DocumentBuilder: services => new CertaDocumentBuilder(services)
    },
    lsp: {
        NodeKindProvider: () => new CertaNodeKindProvider(),
        DocumentUpdateHandler: services => new CertaDocumentUpdateHandler(services)
    }
};

/** Creates the shared and the Certa services, as the language server, the CLI and the tests use them. */
export function createCertaServices(context: DefaultSharedModuleContext, options: CertaModuleOptions = {}): {
    shared: LangiumSharedServices;
    Certa: CertaServices;
} {
    const shared = inject(createDefaultSharedModule(context), CertaGeneratedSharedModule, CertaSharedModule);
    const Certa = inject(createDefaultModule({ shared }), CertaGeneratedModule, createCertaModule(options));
    shared.ServiceRegistry.register(Certa);
    registerValidationChecks(Certa);
    (shared.workspace.WorkspaceManager as CertaWorkspaceManager).useBuiltinCatalogs(Certa.catalogs.BuiltinCatalogs);
    if (!context.connection) {
        // Without a language client nobody sends the configuration; mark it as received.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Certa };
}
