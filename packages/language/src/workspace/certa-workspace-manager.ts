import type { LangiumDocument, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { BuiltinCatalogs } from '../catalogs/builtin-catalogs.js';

/** Loads the builtin catalogs into every workspace next to the user's own files. */
export class CertaWorkspaceManager extends DefaultWorkspaceManager {
    private builtinCatalogs?: BuiltinCatalogs;

    constructor(services: LangiumSharedServices) {
        super(services);
    }

    /** Set by the language module: the shared services are created before the language's. */
    useBuiltinCatalogs(catalogs: BuiltinCatalogs): void {
        this.builtinCatalogs = catalogs;
    }

    protected override async loadAdditionalDocuments(
        folders: WorkspaceFolder[],
        collector: (document: LangiumDocument) => void
    ): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const document of (await this.builtinCatalogs?.load()) ?? []) {
            collector(document);
        }
    }
}
