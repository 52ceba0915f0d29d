import type { Client, Person, PersonConflict } from '../generated/ast.js';
import { isConflictDecl } from '../generated/ast.js';
import { refOf, refTextOf } from '../helpers/node-properties.js';
import { unquote } from '../lsp/declaration-text.js';
import { addMonths, isValidDate } from './certification-cycle.js';

/**
 * Relationships of staff with a client that threaten impartiality (ISO/IEC 17021-1 5.2.5, 5.2.6:
 * consultancy or employment within the last two years), declared in the client's file
 * (`conflict PERSON …`) or with the person in the register (`conflict CLIENT …`).
 */
export interface DeclaredConflict {
    person: string;
    name: string;
    kind: string;
    until?: string;
    reason?: string;
    declaredIn: 'client' | 'register';
    /** The last day the person may not audit the client (two years after `until`); undefined: no end declared. */
    barredUntil?: string;
}

/** 17021-1 5.2.5 and 5.2.6 name two years. */
const BARRED_MONTHS = 24;

/** Both sides' declarations for one client; `people` is the register (only the client's own are read without it). */
export function declaredConflicts(client: Client, people: readonly Person[] = []): DeclaredConflict[] {
    const declared: DeclaredConflict[] = [];
    for (const conflict of (client.members ?? []).filter(isConflictDecl)) {
        const person = refOf(conflict.person);
        declared.push(conflictEntry(person?.name ?? refTextOf(conflict.person), person, conflict, 'client'));
    }
    for (const person of people) {
        for (const conflict of registerConflicts(person, client)) declared.push(conflictEntry(person.name ?? '', person, conflict, 'register'));
    }
    return declared;
}

/** What the register declares with a person about one client (`conflict CLIENT …`). */
export function registerConflicts(person: Person, client: Client): PersonConflict[] {
    return (person.conflicts ?? []).filter(conflict => conflict && refOf(conflict.client) === client);
}

/** Whether a relationship still bars the person from an audit starting on `date`. */
export function barsAuditOn(conflict: { until?: string }, date: string): boolean {
    return !(conflict.until && isValidDate(conflict.until) && addMonths(conflict.until, BARRED_MONTHS) < date);
}

function conflictEntry(id: string, person: Person | undefined, conflict: { kind?: string; until?: string; reason?: string }, declaredIn: DeclaredConflict['declaredIn']): DeclaredConflict {
    const entry: DeclaredConflict = { person: id, name: person ? unquote(person.fullName) : id, kind: conflict.kind ?? 'other', declaredIn };
    if (conflict.until) entry.until = conflict.until;
    if (conflict.reason !== undefined) entry.reason = unquote(conflict.reason);
    if (conflict.until && isValidDate(conflict.until)) entry.barredUntil = addMonths(conflict.until, BARRED_MONTHS);
    return entry;
}
