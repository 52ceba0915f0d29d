import type { Addressing, Catalog, Clause, Scheme } from '../generated/ast.js';
import { isAddressing } from '../generated/ast.js';
import { clauseIndexOf } from '../scoping/clause-index.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { clausesOf, membersOf, operatingStandard } from './scheme-facts.js';

/**
 * Parts of a scheme's operation that often live in the certification body's own procedures rather
 * than in each scheme: a scheme describes them itself (`lifecycle`, `complaints`, `appeals`,
 * `certificate`) or the body names the procedure that covers them with `addresses`, in the scheme
 * or in a file of its own (the body's, shared by its schemes).
 */
export type OperationTopic = 'lifecycle' | 'complaints' | 'appeals' | 'certificate';

export const OPERATION_TOPICS: readonly OperationTopic[] = ['lifecycle', 'complaints', 'appeals', 'certificate'];

/**
 * The clause of the body's standard behind each topic (clause numbers of the builtin catalogs):
 * ISO/IEC 17065:2012 7.11 termination, reduction, suspension or withdrawal, 7.13 complaints and
 * appeals, 7.7 certification documentation; ISO/IEC 17021-1:2015 9.6.5 suspending, withdrawing or
 * reducing the scope, 9.8 complaints, 9.7 appeals, 8.2 certification documents.
 */
const TOPIC_CLAUSES: Readonly<Record<string, Record<OperationTopic, string>>> = {
    ISO17065: { lifecycle: '7.11', complaints: '7.13', appeals: '7.13', certificate: '7.7' },
    ISO17021_1: { lifecycle: '9.6.5', complaints: '9.8', appeals: '9.7', certificate: '8.2' }
};

/** The clause of the scheme's own standard (`operatedUnder`) behind a topic; none for other standards. */
export function topicClause(scheme: Scheme, topic: OperationTopic): { catalog: Catalog; clause: Clause } | undefined {
    const catalog = operatingStandard(scheme);
    const number = catalog?.name ? TOPIC_CLAUSES[catalog.name]?.[topic] : undefined;
    const clause = catalog && number ? clauseIndexOf(catalog).get(number) : undefined;
    return catalog && clause ? { catalog, clause } : undefined;
}

/** `ISO17065 7.11`, as written in a scheme. */
export function topicClauseText(scheme: Scheme, topic: OperationTopic): string | undefined {
    const found = topicClause(scheme, topic);
    return found ? `${found.catalog.name} ${found.clause.name}` : undefined;
}

/** The `addresses` a scheme sees: its own and the body's (in files of their own). */
export function addressingsFor(scheme: Scheme, facts: WorkspaceFacts): Addressing[] {
    return [...membersOf(scheme, isAddressing), ...facts.bodyAddressing()];
}

/**
 * The `addresses` that names the body's procedure for a topic: one whose clauses include the
 * topic's clause or a part of it (an ancestor such as `ISO17065 7` includes it too).
 */
export function addressingOf(scheme: Scheme, topic: OperationTopic, facts: WorkspaceFacts): Addressing | undefined {
    const found = topicClause(scheme, topic);
    if (!found) return undefined;
    const part = new Set(clauseIndexOf(found.catalog).subtree(found.clause));
    return addressingsFor(scheme, facts).find(addressing => (addressing.refs ?? []).some(ref => clausesOf(ref).some(clause => part.has(clause))));
}

/** Whether the body says where it addresses any clause of the scheme's own standard. */
export function bodyRecordsProcedures(scheme: Scheme, facts: WorkspaceFacts): boolean {
    const standard = operatingStandard(scheme);
    return standard !== undefined && addressingsFor(scheme, facts).some(addressing => (addressing.refs ?? []).some(ref => ref?.catalog?.ref === standard));
}
