import type { SchemeDocument } from './documents.js';
import { durationText } from './duration-text.js';
import type { Cell, Section } from './report.js';
import { text } from './report.js';

const SPECIAL_AUDIT_WORDS = { scopeExtension: 'extension of scope', shortNotice: 'short notice', unannounced: 'unannounced' } as const;

const list = (items: readonly string[] | undefined): string | undefined => items && items.length > 0 ? items.join('; ') : undefined;

/** Sentences of the parts that are there: `When a; b. For at most 6 months.` */
const sentences = (...parts: Array<string | undefined | false>): string => parts.filter(Boolean).map(part => `${part}.`).join(' ');

const when = (triggers: readonly string[] | undefined) => list(triggers) && `When ${list(triggers)}`;

/** `grantDate` → `grant date`: the certificate's contents are keywords of the language. */
const words = (keyword: string): string => keyword.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * How the scheme is operated after the decision, as a reviewer checks it against ISO/IEC 17065
 * 7.9 to 7.13 and ISO/IEC 17021-1 9.6 to 9.8: one row per rule the scheme states, and a note when
 * it states none (the operation rules say what is missing; this document only shows what is there).
 */
export function operationSection(doc: SchemeDocument): Section {
    const rows: Cell[][] = [];
    const row = (aspect: string, rule: string | undefined, who?: readonly string[]) =>
        rows.push([text(aspect), text(rule), text(list(who))]);
    const lifecycle = doc.lifecycle;
    if (lifecycle?.suspension) {
        const { triggers, maximum, restoredWhen } = lifecycle.suspension;
        row('Suspension', sentences(when(triggers), maximum && `For at most ${durationText(maximum)}`, restoredWhen && `Restored when ${restoredWhen}`));
    }
    if (lifecycle?.withdrawal) row('Withdrawal', sentences(when(lifecycle.withdrawal.triggers)));
    if (lifecycle?.scopeReduction) row('Reduction of scope', sentences(when(lifecycle.scopeReduction.triggers)));
    if (lifecycle?.changes !== undefined) row('Changes affecting certification', lifecycle.changes);
    for (const audit of lifecycle?.specialAudits ?? []) row(`Special audit: ${SPECIAL_AUDIT_WORDS[audit.purpose]}`, audit.conditions, audit.performers);
    if (lifecycle?.transfer) row('Transfer from another body (IAF MD 2)', lifecycle.transfer.review, lifecycle.transfer.reviewers);
    if (doc.complaints) row('Complaints', doc.complaints.aboutCertifiedClients && sentences(`About certified clients: ${doc.complaints.aboutCertifiedClients}`), doc.complaints.handledBy);
    if (doc.appeals) row('Appeals', undefined, doc.appeals.decidedBy);
    if (doc.certificate) {
        row('Certificate', sentences(doc.certificate.states.length > 0 && `States: ${doc.certificate.states.map(words).join(', ')}`,
            doc.certificate.validFor && `Valid for ${durationText(doc.certificate.validFor)}`));
    }
    return {
        id: 'operation',
        heading: 'Lifecycle, complaints, appeals and the certificate',
        notes: rows.length > 0 ? [] : ['The scheme does not describe suspension, withdrawal, complaints, appeals or the certificate.'],
        columns: [{ header: 'Aspect' }, { header: 'What the scheme says' }, { header: 'Who' }],
        rows
    };
}

/** The finding grades and how each is closed; Certa's defaults are said to be defaults. */
export function gradesSection(doc: SchemeDocument): Section {
    const ownGrades = doc.grades.some(grade => !grade.isDefault);
    return {
        id: 'grades',
        heading: 'Findings and how they are closed',
        notes: ownGrades ? [] : ['The scheme declares no grades of its own: these are Certa\'s defaults (ISO/IEC 17021-1 9.4.9, 9.5.2 leave the times to the certification body).'],
        columns: [{ header: 'Grade' }, { header: 'Nonconformity' }, { header: 'Correction (days)' }, { header: 'Corrective action (days)' }, { header: 'Rule' }],
        rows: doc.grades.map(grade => [
            text(grade.grade), text(grade.nonconformity ? 'yes' : 'no'),
            text(grade.correctionDays?.toString()), text(grade.correctiveActionDays?.toString()), text(grade.rule)
        ])
    };
}
