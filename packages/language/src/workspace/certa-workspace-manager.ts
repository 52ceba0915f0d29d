import type { LangiumDocument, Stream, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager, delayNextTick, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { BuiltinCatalogs } from '../catalogs/builtin-catalogs.js';
import { setToday } from '../validation/validation-clock.js';
import type { CertaConfig } from './certa-config.js';
import type { CertaDocumentFactory } from './certa-document-factory.js';
import { workspaceRoots } from './certa-config.js';
import { configuredFolders, type WorkspaceStartup } from './configured-folders.js';

/** Files read between two turns of the event loop while the workspace loads. */
const FILES_PER_TURN = 50;

/**
 * Loads the builtin catalogs into every workspace next to the user's own files, and reads the
 * folders a certa.json names instead of the opened folder, so the editor sees what the CLI sees.
 */
export class CertaWorkspaceManager extends DefaultWorkspaceManager {
    private builtinCatalogs?: BuiltinCatalogs;
    /** What the last startup loaded, for the server's log. */
    startup?: WorkspaceStartup;
    private readonly builtinUris = new Set<string>();
    private readonly documentFactory: CertaDocumentFactory;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory as CertaDocumentFactory;
        // Langium's first build only links: a file nobody opens would show no problems until some
        // edit. It validates, as every later build does (the Problems view equals certa validate).
        this.initialBuildOptions = services.workspace.DocumentBuilder.updateBuildOptions;
    }

    /** Set by the language module: the shared services are created before the language's. */
    useBuiltinCatalogs(catalogs: BuiltinCatalogs): void {
        this.builtinCatalogs = catalogs;
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const started = Date.now();
        const { folders: configured, configs, problems } = configuredFolders(this.fileSystemProvider, folders);
        // Qualification expiry is judged on the day certa.json pins, as `certa validate` judges it.
        const pinned = [...new Set(configs.map(c => c.today).filter((day): day is string => day !== undefined))];
        if (pinned.length > 1) problems.push(`the days other certa.json files pin (${pinned.slice(1).join(', ')}): expiry is judged on ${pinned[0]}`);
        if (pinned.length > 0) setToday(pinned[0]);
        const documents = await super.performStartup(configured);
        this.startup = {
            configs, problems, milliseconds: Date.now() - started,
            folders: configured.map(f => URI.parse(f.uri).fsPath),
            documents: documents.map(d => d.uri).filter(uri => !this.builtinUris.has(uri.toString())),
            builtinCatalogs: this.builtinUris.size
        };
        return documents;
    }

    /** The certa.json that governs a document: the one whose sources or shared folders hold it (the innermost). */
    configFor(uri: URI): CertaConfig | undefined {
        const file = uri.toString();
        let best: { config: CertaConfig; depth: number } | undefined;
        for (const config of this.startup?.configs ?? []) {
            for (const root of workspaceRoots(config)) {
                const folder = root.toString().replace(/\/?$/, '/');
                if (file.startsWith(folder) && (!best || folder.length > best.depth)) best = { config, depth: folder.length };
            }
        }
        return best?.config ?? (this.startup?.configs.length === 1 ? this.startup.configs[0] : undefined);
    }

    /**
     * Reads the workspace's files without parsing them: the first build parses them, the open
     * files and what they need first (see open-first-builder.ts). A few dozen at a time, each read
     * synchronously, with a turn of the event loop between: a promise per file cost ten times the
     * reading (2,000 files: about 300 ms against 30 ms), and the turns keep the server answering.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const all = uris.toArray();
        for (let start = 0; start < all.length; start += FILES_PER_TURN) {
            if (start > 0) await delayNextTick();
            for (const uri of all.slice(start, start + FILES_PER_TURN)) {
                collector(this.documentFactory.deferred(uri, this.fileSystemProvider.readFileSync(uri)));
            }
        }
    }

    protected override async loadAdditionalDocuments(
        folders: WorkspaceFolder[],
        collector: (document: LangiumDocument) => void
    ): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const document of (await this.builtinCatalogs?.load()) ?? []) {
            this.builtinUris.add(document.uri.toString());
            collector(document);
        }
    }
}
