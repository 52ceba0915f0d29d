import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { CertaAstType, Scheme } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import type { OperationTopic } from './body-procedures.js';
import { addressingOf, bodyRecordsProcedures, OPERATION_TOPICS, topicClauseText } from './body-procedures.js';
import { operationDescription } from './operation-facts.js';
import { defineRule } from './rule-catalog.js';
import { placeOn } from './scheme-facts.js';
import { reportsAbsence } from './syntax-damage.js';

/**
 * A scheme that describes none of its operation leaves suspension and withdrawal, complaints,
 * appeals and certificates to the certification body's own procedures (ISO/IEC 17065 7.7, 7.11,
 * 7.13; ISO/IEC 17021-1 8.2, 9.6.5, 9.7, 9.8). Once the body records where it addresses its
 * standard (`addresses … by "…"`, in the scheme or in a file of its own), each of those is either
 * described by the scheme or addressed by a named procedure. Bodies that record no `addresses` at
 * all are not reported: nothing says their procedures are missing rather than kept elsewhere.
 */
export const ProcedureRules = {
    procedureNotAddressed: defineRule({
        code: 'certa.operation.procedure-not-addressed', severity: 'warning',
        basis: 'ISO/IEC 17065:2012 7.7, 7.11, 7.13; ISO/IEC 17021-1:2015 8.2, 9.6.5, 9.7, 9.8',
        summary: 'A scheme that describes none of its operation, where the body records its procedures with `addresses`: no procedure is named for its suspension and withdrawal, complaints, appeals or certificates.'
    })
} as const;

reportsAbsence(ProcedureRules.procedureNotAddressed);

const TOPIC_NAMES: Record<OperationTopic, string> = {
    lifecycle: 'suspension and withdrawal', complaints: 'complaints', appeals: 'appeals', certificate: 'certificates'
};

export const procedureChecks = (services: CertaServices): ValidationChecks<CertaAstType> => ({
    Scheme: (scheme, accept) => operationShouldBeAddressed(scheme, services.crossFile.WorkspaceFacts, accept)
});

function operationShouldBeAddressed(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (operationDescription(scheme) || !bodyRecordsProcedures(scheme, facts)) return;
    const missing = OPERATION_TOPICS.filter(topic => topicClauseText(scheme, topic) !== undefined && !addressingOf(scheme, topic, facts));
    if (missing.length === 0) return;
    const clauses = [...new Set(missing.map(topic => topicClauseText(scheme, topic) as string))];
    const last = scheme.members.at(-1)?.$cstNode;
    const indent = ' '.repeat(last?.range.start.character ?? 4);
    accept('warning', `Scheme '${nameOf(scheme)}' describes none of its operation, and no 'addresses' names the certification body's procedure for ${missing.map(topic => TOPIC_NAMES[topic]).join(', ')} (${clauses.join(', ')}). Add 'addresses ${clauses.join(', ')} by "<procedure>"' here or in the body's own file, or describe them in the scheme ('lifecycle { … }', 'complaints …', 'appeals …', 'certificate { … }').`, {
        ...placeOn(scheme, 'name'),
        data: {
            code: ProcedureRules.procedureNotAddressed,
            insertAt: last?.range.end,
            insertText: `\n${indent}addresses ${clauses.join(', ')} by "TODO: the certification body's procedure"`,
            fixTitle: 'Name the certification body\'s procedure (addresses … by "…")'
        }
    });
}
