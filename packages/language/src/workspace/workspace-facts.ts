import type { AstNode } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Person, Role, Scheme } from '../generated/ast.js';
import { isPerson, isScheme } from '../generated/ast.js';
import { refOf } from '../helpers/node-properties.js';
import type { CertaIndexManager } from './certa-index-manager.js';

interface Facts {
    version: number;
    people: Person[];
    qualified: Map<Role, Person[]>;
    schemes: Scheme[];
    derived: Map<string, unknown>;
}

/**
 * What rules read across files, derived from the index once per index version (so once per build,
 * however many elements ask): the person register by role and the schemes of the workspace.
 */
export class WorkspaceFacts {
    private readonly index: CertaIndexManager;
    private facts?: Facts;

    constructor(shared: LangiumSharedServices) {
        this.index = shared.workspace.IndexManager as CertaIndexManager;
    }

    /** Every person of the workspace (a register may live in its own files). */
    people(): Person[] {
        return this.current().people;
    }

    /** The people with a qualification for the role, expired or not. */
    qualifiedFor(role: Role): Person[] {
        return this.current().qualified.get(role) ?? [];
    }

    schemes(): Scheme[] {
        return this.current().schemes;
    }

    /** Exported declarations of a type and name (duplicates show up as several). */
    declarationsNamed(type: string, name: string | undefined): AstNode[] {
        if (!name) return [];
        return this.index.elementsNamed(type, name).flatMap(d => (d.node ? [d.node] : []));
    }

    /** A value rules derive from the whole workspace, computed once per index version. */
    derived<T>(key: string, compute: () => T): T {
        const facts = this.current();
        if (!facts.derived.has(key)) facts.derived.set(key, compute());
        return facts.derived.get(key) as T;
    }

    private current(): Facts {
        if (this.facts?.version === this.index.version) return this.facts;
        const people = this.index.allElements('Person').map(d => d.node).filter(isPerson).toArray();
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
        const schemes = this.index.allElements('Scheme').map(d => d.node).filter(isScheme).toArray();
        this.facts = { version: this.index.version, people, qualified, schemes, derived: new Map() };
        return this.facts;
    }
}
