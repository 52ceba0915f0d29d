import type { AstNodeDescription, AstNodeDescriptionProvider, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, stream } from 'langium';
import type { Activity, Catalog, Clause, Scheme, SchemeType } from '../generated/ast.js';
import {
    isActivity, isBankQuestion, isCatalog, isClauseRef, isElementChoice, isExternalBody, isQuestionBank, isRecertification, isScheme, isSchemeType,
    isSchemeTypeDecl, isSurveillance, BankQuestion, ClauseRef, ExternalBody, SchemeTypeDecl
} from '../generated/ast.js';
import type { CertaServices } from '../certa-module.js';
import type { CertaIndexManager } from '../workspace/certa-index-manager.js';
import { catalogOf, refOf } from '../helpers/node-properties.js';
import { localSymbolTypes } from './certa-scope-computation.js';
import { clauseIndexOf } from './clause-index.js';

/**
 * Clause numbers and scheme types are only meaningful inside their catalog: `ISO9001 8.5` looks
 * `8.5` up in ISO 9001's clause index. Everything else (catalogs, roles, competences, marks,
 * people) uses Langium's default local and global scopes.
 */
export class CertaScopeProvider extends DefaultScopeProvider {
    private readonly descriptionProvider: AstNodeDescriptionProvider;
    private readonly clauseScopes = new WeakMap<Catalog, Scope>();
    private readonly indexScopes = new Map<string, Scope>();
    private readonly mapScopes = new Map<string, { version: number; scope: Scope }>();
    private readonly index: CertaIndexManager;
    /** By reference type: whether a local symbol can be one (see localSymbolTypes). */
    private readonly localTargets = new Map<string, boolean>();

    constructor(services: CertaServices) {
        super(services);
        this.descriptionProvider = services.workspace.AstNodeDescriptionProvider;
        this.index = services.shared.workspace.IndexManager as CertaIndexManager;
    }

    /**
     * The declarations of the workspace, read from the index as it is now: Langium builds the global
     * scope of a type as a map of all of them, which every edit that changes a declaration made
     * again (a sixth of a leaf edit at 2,000 files, issue 14), and a map kept from one update to
     * the next would miss what the build re-indexed since. A type with subtypes still gets that map.
     */
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        let scope = this.indexScopes.get(referenceType);
        if (!scope) {
            if (this.reflection.getAllSubTypes(referenceType).some(type => type !== referenceType)) return this.mapScope(referenceType);
            this.indexScopes.set(referenceType, scope = new IndexScope(this.index, referenceType));
        }
        return scope;
    }

    /** For a type with subtypes (the grammar has none today): a map of its declarations, made again per content version. */
    private mapScope(referenceType: string): Scope {
        const version = this.index.contentVersion;
        let entry = this.mapScopes.get(referenceType);
        if (entry?.version !== version) this.mapScopes.set(referenceType, entry = { version, scope: new MultiMapScope(this.indexManager.allElements(referenceType)) });
        return entry.scope;
    }

    override getScope(context: ReferenceInfo): Scope {
        const { container, property } = context;
        if (isClauseRef(container) && (property === ClauseRef.clause || property === ClauseRef.to)) {
            const catalog = catalogOf(container);
            return catalog ? this.clauseScope(catalog) : EMPTY_SCOPE;
        }
        if (isSchemeTypeDecl(container) && property === SchemeTypeDecl.schemeType) {
            const catalog = refOf(container.catalog);
            return catalog ? this.schemeTypeScope(catalog.schemeTypes) : EMPTY_SCOPE;
        }
        if (isExternalBody(container) && property === ExternalBody.activities) {
            const scheme = AstUtils.getContainerOfType(container, isScheme);
            return scheme ? this.activityScope(scheme) : EMPTY_SCOPE;
        }
        if (isBankQuestion(container) && property === BankQuestion.clause) {
            // `questions ISO9001 { ask 4.1 … }`: the bank's catalog, as in a clause reference.
            const bank = AstUtils.getContainerOfType(container, isQuestionBank);
            const catalog = refOf(bank?.catalog);
            return catalog ? this.clauseScope(catalog) : EMPTY_SCOPE;
        }
        if (isElementChoice(container) || isSchemeType(container)) {
            const catalog = AstUtils.getContainerOfType(container, isCatalog);
            return catalog ? this.clauseScope(catalog) : EMPTY_SCOPE;
        }
        if (!this.isReference(context)) {
            // Completion inside a half-typed reference can ask for a property of the enclosing node
            // (`competence C basis g,` asks Competence for `clause`): there is nothing to offer.
            return EMPTY_SCOPE;
        }
        // Langium puts a filtered stream of the local symbols of each container in front of the
        // global scope; for the other types those streams are empty, and walking them for every
        // reference was a twentieth of linking.
        const referenceType = this.reflection.getReferenceType(context);
        return this.hasLocalTargets(referenceType) ? super.getScope(context) : this.getGlobalScope(referenceType, context);
    }

    private hasLocalTargets(referenceType: string): boolean {
        let local = this.localTargets.get(referenceType);
        if (local === undefined) {
            local = localSymbolTypes.some(type => this.reflection.isSubtype(type, referenceType));
            this.localTargets.set(referenceType, local);
        }
        return local;
    }

    private isReference({ container, property }: ReferenceInfo): boolean {
        return this.reflection.getTypeMetaData(container.$type).properties[property]?.referenceType !== undefined;
    }

    private clauseScope(catalog: Catalog): Scope {
        let scope = this.clauseScopes.get(catalog);
        if (!scope) {
            scope = new ClauseScope(catalog, this.descriptionProvider);
            this.clauseScopes.set(catalog, scope);
        }
        return scope;
    }

    /** `performs typeTest` names any activity of the scheme: initial, surveillance or recertification. */
    private activityScope(scheme: Scheme): Scope {
        const activities: Activity[] = [];
        for (const member of scheme.members ?? []) {
            if (isActivity(member)) activities.push(member);
            else if (isSurveillance(member) || isRecertification(member)) activities.push(...(member.activities ?? []));
        }
        return this.createScope(activities.filter(a => a.name).map(a => this.descriptionProvider.createDescription(a, a.name)));
    }

    private schemeTypeScope(types: SchemeType[]): Scope {
        return this.createScope(types.filter(type => type.name).map(type => this.descriptionProvider.createDescription(type, type.name)));
    }
}

/** Looks clause numbers up in the catalog's index; describes all clauses only when asked (completion). */
class ClauseScope implements Scope {
    private all?: AstNodeDescription[];
    private readonly described = new Map<Clause, AstNodeDescription>();

    constructor(private readonly catalog: Catalog, private readonly descriptions: AstNodeDescriptionProvider) {}

    getElement(name: string): AstNodeDescription | undefined {
        const clause = clauseIndexOf(this.catalog).get(name);
        return clause ? this.describe(clause) : undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const element = this.getElement(name);
        return stream(element ? [element] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        this.all ??= clauseIndexOf(this.catalog).clauses.map(clause => this.describe(clause));
        return stream(this.all);
    }

    private describe(clause: Clause): AstNodeDescription {
        let description = this.described.get(clause);
        if (!description) {
            description = this.descriptions.createDescription(clause, clause.name);
            this.described.set(clause, description);
        }
        return description;
    }
}

/** The declarations of one type (without subtypes) named in the index, first in URI order. */
class IndexScope implements Scope {
    constructor(private readonly index: CertaIndexManager, private readonly type: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.elementsNamed(this.type, name)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.elementsNamed(this.type, name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.index.elementsOfType(this.type));
    }
}
