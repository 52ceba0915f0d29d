import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils, URI } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { Activity, CertaAstType, ClauseRef, Competence, Document, Mark, Role, Scheme } from '../generated/ast.js';
import { isActivity, isCheck, isExclusion, isMark, isScheme } from '../generated/ast.js';
import { clauseRefText, expandClauseRef } from '../scoping/clause-index.js';
import type { CertaIndexManager } from '../workspace/certa-index-manager.js';
import { defineRule } from './rule-catalog.js';
import { activitiesOf, excludedClauses, schemeOf } from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';
import { isProductUseMark } from './marks.js';

export const ReferenceRules = {
    duplicateId: defineRule({
        code: 'certa.reference.duplicate-id', severity: 'error', basis: 'Certa language',
        summary: 'Two declarations of the same kind share a name (roles, competences, people, marks, schemes, catalogs across the workspace; activities within a scheme; checks within an activity), so references to it are ambiguous.'
    }),
    excludedClause: defineRule({
        code: 'certa.reference.excluded-clause', severity: 'warning', basis: 'ISO 9001:2015 4.3',
        summary: 'An activity covers or a check refers to a clause that the same scheme declares not applicable.'
    }),
    unusedDeclaration: defineRule({
        code: 'certa.reference.unused-declaration', severity: 'warning', basis: 'Certa language',
        summary: 'A role no activity is performed by and nobody is qualified for, a competence no role or person names, or a top-level mark no activity licenses (reported once the workspace has schemes, or roles for competences).'
    })
} as const;

/** Names must be unique, references must not point at what the scheme itself excludes, declarations should be used. */
export function referenceChecks(services: CertaServices): ValidationChecks<CertaAstType> {
    const facts = services.crossFile.WorkspaceFacts;
    const index = services.shared.workspace.IndexManager as CertaIndexManager;
    const locator = services.workspace.AstNodeLocator;
    const builtins = services.catalogs.BuiltinCatalogs;
    const isBuiltin = (node: AstNode) => builtins.isBuiltin(AstUtils.getDocument(node).uri);
    // A duplicate is reported as such; whichever copy the references resolve to, the other is not "unused".
    const isDuplicate = (node: AstNode & { name: string }) => index.elementsNamed(node.$type, node.name).length > 1;
    const exists = (type: string) => facts.derived(`exists:${type}`, () => index.allElements(type).head() !== undefined);
    const usedAnywhere = (node: AstNode & { name: string }) => isDuplicate(node) || index.isReferenced(node, locator.getAstNodePath(node));

    return {
        Document: (document, accept) => {
            if (!isBuiltin(document)) topLevelNamesMustBeUnique(document, index, accept);
        },
        Scheme: activityNamesMustBeUniqueInScheme,
        Activity: checkNamesMustBeUniqueInActivity,
        ClauseRef: referenceShouldNotPointAtExcludedClause,
        // "Unused" only once something could use it: a competence catalogue drafted before any role
        // exists, or roles before any scheme, are work in progress rather than leftovers.
        Role: (role, accept) => { if (exists('Scheme')) roleShouldBeUsed(role, usedAnywhere, accept); },
        Competence: (competence, accept) => { if (exists('Role')) competenceShouldBeUsed(competence, usedAnywhere, accept); },
        Mark: (mark, accept) => { if (exists('Scheme')) markShouldBeUsed(mark, usedAnywhere, accept); }
    };
}

const kindWords: Record<string, string> = {
    Role: 'role', Competence: 'competence', Person: 'person', Mark: 'mark', Scheme: 'scheme', Catalog: 'catalog'
};

function topLevelNamesMustBeUnique(document: Document, index: CertaIndexManager, accept: ValidationAcceptor): void {
    const uri = AstUtils.getDocument(document).uri.toString();
    // Where the copies of a name are, once per name: a file of k copies is not k × k work.
    const placesOf = new Map<string, string[]>();
    const places = (type: string, name: string): string[] => {
        const key = `${type}:${name}`;
        let found = placesOf.get(key);
        if (!found) {
            const uris = index.elementsNamed(type, name).map(d => d.documentUri.toString());
            const here = uris.filter(other => other === uri).length;
            found = uris.length < 2 ? [] : [...new Set(uris.filter(other => other !== uri || here > 1))]
                .map(other => other === uri ? 'in this file' : `in ${fileName(URI.parse(other).path)}`);
            placesOf.set(key, found);
        }
        return found;
    };
    for (const element of document.elements) {
        // Acceptances, question banks and `addresses` have no name of their own.
        if (element.$type === 'Acceptance' || element.$type === 'QuestionBank' || element.$type === 'Addressing') continue;
        const name = element.name;
        if (!name) continue;
        const where = places(element.$type, name);
        if (where.length === 0) continue;
        accept('error', `The ${kindWords[element.$type]} '${name}' is declared more than once (also ${where.join(', ')}). Remove one of them; if two are meant, rename one and use its new name where that one is meant.`, {
            node: element, property: 'name',
            data: { code: ReferenceRules.duplicateId, deleteRange: element.$cstNode?.range }
        });
    }
}

function activityNamesMustBeUniqueInScheme(scheme: Scheme, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const { activity } of activitiesOf(scheme)) {
        if (seen.has(activity.name)) {
            accept('error', `Scheme '${nameOf(scheme)}' already has an activity '${nameOf(activity)}'. Give each activity its own name (checklists and reports use it as an id).`, {
                node: activity, property: 'name', data: { code: ReferenceRules.duplicateId, deleteRange: activity.$cstNode?.range }
            });
        }
        seen.add(activity.name);
    }
    const marks = new Set<string>();
    for (const mark of scheme.members.filter(isMark)) {
        if (marks.has(mark.name)) {
            accept('error', `Scheme '${nameOf(scheme)}' already declares a mark '${nameOf(mark)}'. Remove the duplicate.`, {
                node: mark, property: 'name', data: { code: ReferenceRules.duplicateId, deleteRange: mark.$cstNode?.range }
            });
        }
        marks.add(mark.name);
    }
}

function checkNamesMustBeUniqueInActivity(activity: Activity, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const check of activity.members.filter(isCheck)) {
        if (seen.has(check.name)) {
            accept('error', `Activity '${nameOf(activity)}' already has a check '${nameOf(check)}'. Give each check its own name (it becomes the checklist item id).`, {
                node: check, property: 'name', data: { code: ReferenceRules.duplicateId, deleteRange: check.$cstNode?.range }
            });
        }
        seen.add(check.name);
    }
}

function referenceShouldNotPointAtExcludedClause(ref: ClauseRef, accept: ValidationAcceptor): void {
    if (isExclusion(ref.$container) || !ref.catalog) return;
    const activity = AstUtils.getContainerOfType(ref, isActivity);
    const scheme = activity && schemeOf(activity);
    if (!scheme || !ref.clause) return;
    const clauses = expandClauseRef(ref);
    if (clauses.length === 0) return;
    const excluded = excludedClauses(scheme);
    if (clauses.every(clause => excluded.has(clause))) {
        accept('warning', `Activity '${nameOf(activity)}' refers to ${clauseRefText(ref)}, which scheme '${nameOf(scheme)}' excludes as not applicable. Remove the reference or the exclusion (ISO 9001:2015 4.3).`, {
            node: ref, data: { code: ReferenceRules.excludedClause }
        });
    }
}

function roleShouldBeUsed(role: Role, usedAnywhere: (node: AstNode & { name: string }) => boolean, accept: ValidationAcceptor): void {
    if (!usedAnywhere(role)) {
        accept('warning', `No activity is performed by role '${nameOf(role)}' and nobody is qualified for it. Name it in an activity ('by ${nameOf(role)}') or remove it.`, {
            node: role, property: 'name', data: { code: ReferenceRules.unusedDeclaration, deleteRange: role.$cstNode?.range }
        });
    }
}

function competenceShouldBeUsed(competence: Competence, usedAnywhere: (node: AstNode & { name: string }) => boolean, accept: ValidationAcceptor): void {
    if (!usedAnywhere(competence)) {
        accept('warning', `No role needs competence '${nameOf(competence)}' and no person claims it. Add it to a role ('needs ${nameOf(competence)}') or remove it.`, {
            node: competence, property: 'name', data: { code: ReferenceRules.unusedDeclaration, deleteRange: competence.$cstNode?.range }
        });
    }
}

/** A mark declared inside a scheme is that scheme's mark; a top-level mark is only there to be licensed. */
function markShouldBeUsed(mark: Mark, usedAnywhere: (node: AstNode & { name: string }) => boolean, accept: ValidationAcceptor): void {
    if (isScheme(mark.$container)) return;
    if (!usedAnywhere(mark)) {
        // A mark for products may not be licensed by a management-system scheme (ISO/IEC 17021-1 8.3).
        const where = isProductUseMark(mark) ? "a product scheme's attestation" : 'an attestation';
        accept('warning', `No activity licenses mark '${nameOf(mark)}'. License it in ${where} ('licenses ${nameOf(mark)}') or remove it.`, {
            node: mark, property: 'name', data: { code: ReferenceRules.unusedDeclaration, deleteRange: mark.$cstNode?.range }
        });
    }
}

function fileName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}
