import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaAstType, Client, ClientAudit } from '../generated/ast.js';
import { catalogOf, nameOf } from '../helpers/node-properties.js';
import { clauseKey, clientAudits, clientScheme, specialAuditSources } from '../programme/client-programme.js';
import { clauseRefText, expandClauseRef } from '../scoping/clause-index.js';
import { clauseRefsOf } from './scheme-facts.js';
import { defineRule } from './rule-catalog.js';

/**
 * Special audits of a client (ISO/IEC 17021-1 9.6.4: extension of scope, short-notice audits) say
 * what they audit: `covers` the clauses, whose items the checklist takes from the scheme's audits.
 * The other audits of a programme take the scheme's activities for their kind.
 */
export const SpecialAuditRules = {
    withoutScope: defineRule({
        code: 'certa.programme.special-audit-without-scope', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.4',
        summary: 'A special audit does not say what it audits (`covers …`), so its checklist has no items.'
    }),
    coversOutsideSpecial: defineRule({
        code: 'certa.programme.covers-outside-special-audit', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.1.3',
        summary: 'An audit other than a special audit lists the clauses it covers; stage, surveillance and recertification audits audit what the scheme\'s activities for them cover.'
    }),
    clauseNotAudited: defineRule({
        code: 'certa.programme.special-clause-not-audited', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.4',
        summary: 'A special audit covers a clause that none of the scheme\'s audits covers, so the checklist has no item for it.'
    })
} as const;

export const specialAuditChecks: ValidationChecks<CertaAstType> = {
    Client: specialAuditsShouldSayWhatTheyAudit
};

function specialAuditsShouldSayWhatTheyAudit(client: Client, accept: ValidationAcceptor): void {
    const scheme = clientScheme(client);
    let audited: Set<string> | undefined;
    for (const audit of clientAudits(client)) {
        const covers = audit.covers ?? [];
        if (audit.kind !== 'special') {
            if (covers.length > 0) coversOutsideSpecial(audit, accept);
            continue;
        }
        if (covers.length === 0) {
            accept('warning', `Special audit '${nameOf(audit)}' does not say what it audits, so its checklist has no items. Add 'covers <clauses>' inside its braces: the clauses of the extension of scope, or those a complaint or change concerns (ISO/IEC 17021-1:2015 9.6.4).`, {
                node: audit, property: 'name', data: { code: SpecialAuditRules.withoutScope }
            });
            continue;
        }
        if (!scheme) continue;
        audited ??= new Set(specialAuditSources(scheme).flatMap(activity => clauseRefsOf(activity).flatMap(ref => expandClauseRef(ref).map(clauseKey))));
        for (const ref of covers) {
            const clauses = expandClauseRef(ref);
            if (clauses.length === 0 || clauses.some(clause => audited!.has(clauseKey(clause)))) continue;
            const catalog = catalogOf(ref)?.name ?? '';
            const auditedCatalogs = [...new Set([...audited].map(key => key.split(' ')[0]))].sort();
            // A clause of a standard the scheme's audits do not audit at all (the accreditation standard, say) is no clause to add to them.
            const advice = auditedCatalogs.includes(catalog) || auditedCatalogs.length === 0
                ? `Cover it in one of the scheme's audit activities ('covers ${clauseRefText(ref)}'), or name a clause they cover`
                : `The scheme's audits audit no clause of ${catalog}: name instead the clauses of ${auditedCatalogs.join(' or ')} the audit concerns (${auditedCatalogs.map(c => `'covers ${c} <clause>'`).join(' or ')})`;
            accept('warning', `Special audit '${nameOf(audit)}' covers ${clauseRefText(ref)}, which none of scheme ${nameOf(scheme)}'s audits covers, so its checklist has no item for it. ${advice} (ISO/IEC 17021-1:2015 9.6.4).`, {
                node: ref, data: { code: SpecialAuditRules.clauseNotAudited }
            });
        }
    }
}

function coversOutsideSpecial(audit: ClientAudit, accept: ValidationAcceptor): void {
    accept('error', `Audit '${nameOf(audit)}' is a ${audit.kind ?? ''} audit: it audits what the scheme's activities for it cover, not a list of its own. Remove 'covers ${(audit.covers ?? []).map(clauseRefText).join(', ')}', or make it a special audit ('${nameOf(audit)}: special') (ISO/IEC 17021-1:2015 9.1.3).`, {
        node: audit, keyword: 'covers', data: { code: SpecialAuditRules.coversOutsideSpecial }
    });
}
