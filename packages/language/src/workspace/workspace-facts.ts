import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Addressing, Person, Role, Scheme } from '../generated/ast.js';
import { isPerson, isScheme } from '../generated/ast.js';
import { refOf } from '../helpers/node-properties.js';
import type { CertaIndexManager } from './certa-index-manager.js';

/**
 * Thrown when a rule asks a fact of the whole workspace while only part of it is read (see
 * WorkspaceFacts.whilePartial): the validation registry leaves that check out for now.
 */
export class FactsPending extends Error {
    constructor() {
        super('Not known until the whole workspace is read.');
    }
}

interface Register {
    version: number;
    people: Person[];
    qualified: Map<Role, Person[]>;
}

/**
 * What rules read across files, derived from the index and kept while what it derives from is
 * unchanged: the person register by role (until a document with people changes), the schemes (until
 * a document with schemes changes), values over the whole workspace (until the index changes) and
 * values per node (until the node's document changes), so an edit of one scheme recomputes that
 * scheme's part, not the workspace's.
 */
export class WorkspaceFacts {
    private readonly index: CertaIndexManager;
    private register?: Register;
    private addressing?: { version: number; list: Addressing[] };
    private schemeList?: { version: number; schemes: Scheme[] };
    private workspaceValues?: { version: number; values: Map<string, unknown> };
    private readonly nodeValues = new WeakMap<AstNode, { version: number; values: Map<string, unknown> }>();
    private partial?: { names: ReadonlySet<string>; asked: Set<string> };

    constructor(shared: LangiumSharedServices) {
        this.index = shared.workspace.IndexManager as CertaIndexManager;
    }

    /**
     * Runs `build` while only some files of the workspace are parsed and indexed, among them every
     * file that declares one of `names` (see open-first-builder.ts). The declarations so named are
     * known; any other fact of the whole workspace throws FactsPending. Returns the documents that
     * had a check left out for that reason (askedWhilePartial), to validate again later.
     */
    async whilePartial(names: ReadonlySet<string>, build: () => Promise<void>): Promise<Set<string>> {
        const asked = new Set<string>();
        this.partial = { names, asked };
        try {
            await build();
        } finally {
            this.partial = undefined;
        }
        return asked;
    }

    /** A check of this document asked a fact that is not known yet (see whilePartial). */
    askedWhilePartial(uri: string): void {
        this.partial?.asked.add(uri);
    }

    /** Every person of the workspace (a register may live in its own files). */
    people(): Person[] {
        this.whole();
        return this.currentRegister().people;
    }

    /** The people with a qualification for the role, expired or not. */
    qualifiedFor(role: Role): Person[] {
        this.whole();
        return this.currentRegister().qualified.get(role) ?? [];
    }

    schemes(): Scheme[] {
        this.whole();
        const version = this.index.typeVersion('Scheme');
        if (this.schemeList?.version !== version) {
            this.schemeList = { version, schemes: this.index.elementsOfType('Scheme').map(d => d.node).filter(isScheme) };
        }
        return this.schemeList.schemes;
    }

    /**
     * Where the certification body addresses clauses of its standards in files of their own
     * (`addresses … by "…"` outside a scheme): shared by every scheme. Kept by the index as
     * documents are indexed (they have no name, so they are no declaration).
     */
    bodyAddressing(): Addressing[] {
        this.whole();
        const version = this.index.bodyAddressingVersion;
        if (this.addressing?.version !== version) this.addressing = { version, list: this.index.bodyAddressing() };
        return this.addressing.list;
    }

    /** Exported declarations of a type and name (duplicates show up as several). */
    declarationsNamed(type: string, name: string | undefined): AstNode[] {
        if (!name) return [];
        if (this.partial && !this.partial.names.has(name)) throw new FactsPending();
        return this.index.elementsNamed(type, name).flatMap(d => (d.node ? [d.node] : []));
    }

    /** A value rules derive from the whole workspace, computed once per index version. */
    derived<T>(key: string, compute: () => T): T {
        this.whole();
        const version = this.index.version;
        if (this.workspaceValues?.version !== version) this.workspaceValues = { version, values: new Map() };
        const values = this.workspaceValues.values;
        if (!values.has(key)) values.set(key, compute());
        return values.get(key) as T;
    }

    /**
     * A value derived from one node and what its document refers to (e.g. the marks a scheme uses),
     * computed again only after that document is parsed, linked or rebound again.
     */
    ofNode<T>(key: string, node: AstNode, compute: () => T): T {
        const version = this.index.documentVersion(AstUtils.getDocument(node).uri.toString());
        let entry = this.nodeValues.get(node);
        if (entry?.version !== version) this.nodeValues.set(node, entry = { version, values: new Map() });
        if (!entry.values.has(key)) entry.values.set(key, compute());
        return entry.values.get(key) as T;
    }

    private whole(): void {
        if (this.partial) throw new FactsPending();
    }

    private currentRegister(): Register {
        const version = this.index.typeVersion('Person');
        if (this.register?.version === version) return this.register;
        const people = this.index.elementsOfType('Person').map(d => d.node).filter(isPerson);
        const qualified = new Map<Role, Person[]>();
        for (const person of people) {
            for (const qualification of person.qualifications) {
                const role = refOf(qualification?.role);
                if (!role) continue;
                const list = qualified.get(role);
                if (!list) qualified.set(role, [person]);
                else if (!list.includes(person)) list.push(person);
            }
        }
        this.register = { version, people, qualified };
        return this.register;
    }
}
