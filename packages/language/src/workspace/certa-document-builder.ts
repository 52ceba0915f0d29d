import type { URI } from 'langium';
import { DefaultDocumentBuilder, DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CertaServices } from '../certa-module.js';

/**
 * Langium relinks and revalidates only the documents that reference a changed document. Some Certa
 * rules read across files without a reference in that direction: a person register covering the
 * roles of a scheme, duplicate names, roles or competences no scheme uses any more. So after an edit
 * to a user's file every other user document is validated again (not re-parsed or relinked), and an
 * edit in the language server gives the same diagnostics as a fresh `certa validate`. The builtin
 * catalogs read nothing from user files and stay as they are.
 */
export class CertaDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedServices) {
        super(services);
        this.onUpdate((changed, deleted) => this.revalidateCrossFileDependents(changed, deleted));
    }

    protected revalidateCrossFileDependents(changed: URI[], deleted: URI[]): void {
        const touched = [...changed, ...deleted].filter(uri => !this.isBuiltin(uri));
        if (touched.length === 0) return;
        const touchedUris = new Set(touched.map(uri => uri.toString()));
        for (const document of this.langiumDocuments.all) {
            if (touchedUris.has(document.uri.toString()) || this.isBuiltin(document.uri)) continue;
            if (document.state > DocumentState.IndexedReferences) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    }

    private isBuiltin(uri: URI): boolean {
        const services = this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) as CertaServices : undefined;
        return services?.catalogs?.BuiltinCatalogs.isBuiltin(uri) ?? false;
    }
}
