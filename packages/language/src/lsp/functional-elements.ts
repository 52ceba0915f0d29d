import type { LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';
import type { Activity, ActivityPattern, Clause } from '../generated/ast.js';
import { isCatalog, isDocument, isSurveillance } from '../generated/ast.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import { sampleSourceOf } from '../validation/scheme-facts.js';

/** A catalog clause (a functional element or principle) and its catalog id. */
export interface RealisedElement {
    catalog: string;
    clause: Clause;
}

/**
 * The clauses whose `realisedBy` patterns an activity matches (ISO/IEC 17067 and Guide 67 functional
 * elements, Guide 53 principles, user catalogs alike), read from the catalog data, as the
 * scheme-type rules read it. A clause with a `phase` only counts for activities in that phase.
 */
export function realisedElements(activity: Activity, documents: LangiumDocuments): RealisedElement[] {
    const phase = AstUtils.getContainerOfType(activity, isSurveillance) ? 'surveillance' : 'initial';
    const result: RealisedElement[] = [];
    for (const document of documents.all) {
        const root = document.parseResult.value;
        if (!isDocument(root)) continue;
        for (const catalog of root.elements.filter(isCatalog)) {
            for (const clause of clauseIndexOf(catalog).clauses) {
                if (clause.patterns.length === 0 || (clause.phase && clause.phase !== phase)) continue;
                if (clause.patterns.some(pattern => matches(pattern, activity))) {
                    result.push({ catalog: catalog.name, clause });
                }
            }
        }
    }
    return result;
}

function matches(pattern: ActivityPattern, activity: Activity): boolean {
    return pattern.kind === activity.kind
        && (!pattern.method || pattern.method === activity.method)
        && (!pattern.source || pattern.source === sampleSourceOf(activity));
}
