import type { LangiumCoreServices, URI } from 'langium';
import { DefaultServiceRegistry } from 'langium';

/**
 * Langium asks the registry for a document's language several times per document in every build,
 * and each time it first looks the URI up among the open documents (parsing and printing the URI
 * again) for the language the editor named. With one language registered, any answer that lookup
 * can give is that language, so a file whose name or extension is registered gets it at once;
 * every other file is looked up as Langium does.
 */
export class CertaServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (this.languageIdMap.size === 1) {
            const path = uri.path;
            const name = path.slice(path.lastIndexOf('/') + 1);
            const dot = name.lastIndexOf('.');
            const services = this.fileNameMap.get(name) ?? (dot > 0 ? this.fileExtensionMap.get(name.slice(dot)) : undefined);
            if (services) return services;
        }
        return super.getServices(uri);
    }
}
