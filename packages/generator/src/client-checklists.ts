import type { CertaModel } from '@certa/language/model';
import { buildChecklist } from './checklist.js';
import { clauseKey, clauseOrder } from './clauses.js';
import type { AuditHeaderInput, ChecklistActivity } from './documents.js';
import { safeFileName, uniquePaths } from './file-names.js';
import type { PlannedDocument } from './generate.js';
import type { ProgrammeAuditRow, ProgrammeDocument } from './programme.js';
import { checklistReport } from './report-views.js';

const AUDIT_TYPE: Record<ProgrammeAuditRow['kind'], string> = {
    stage1: 'stage 1', stage2: 'stage 2', surveillance: 'surveillance', recertification: 'recertification', special: 'special audit'
};

function days(n: number): string {
    return `${n} auditor day${n === 1 ? '' : 's'}`;
}

/** The audit's duration: the days planned, on site, and what the audit-time calculation requires (IAF MD 5, MD 11). */
function durationOf(audit: ProgrammeAuditRow): string | undefined {
    if (audit.auditDays === null) return undefined;
    const parts = [days(audit.auditDays)];
    if (audit.onSiteDays !== null) parts.push(`${audit.onSiteDays} on site`);
    if (audit.requiredDays !== null) parts.push(`the audit-time calculation requires ${days(audit.requiredDays)}`);
    return parts.join('; ');
}

/** The header of one audit's checklist, filled from the client's programme. */
export function clientAuditHeader(doc: ProgrammeDocument, audit: ProgrammeAuditRow, model: Pick<CertaModel, 'catalogs' | 'schemes'>): AuditHeaderInput {
    const client = doc.client;
    const scheme = model.schemes.find(s => s.id === client.scheme);
    const editions = client.standards.map(({ standard }) => {
        const catalog = model.catalogs.find(c => c.id === standard);
        return catalog?.designation ?? (catalog?.edition ? `${standard}:${catalog.edition}` : standard);
    });
    const header: AuditHeaderInput = {
        client: `${client.name} (${client.id})`,
        sites: audit.sites.map(id => {
            const label = client.sites.find(site => site.id === id)?.label;
            return label ? `${id}: ${label}` : id;
        }),
        auditType: `${AUDIT_TYPE[audit.kind]} (${audit.name})`,
        dates: { start: audit.from, end: audit.to === audit.from ? undefined : audit.to },
        team: audit.team.map(member => ({ name: member.name, role: member.role ?? 'team member' })),
        duration: durationOf(audit)
    };
    if (client.scope) header.scope = client.areas.length > 0 ? `${client.scope} (${client.areas.join(', ')})` : client.scope;
    if (editions.length > 0) {
        header.standardEdition = editions.join('; ');
        header.criteria = [...editions, scheme ? `scheme ${scheme.id}${scheme.version ? ` version ${scheme.version}` : ''}` : undefined].filter(Boolean).join('; ');
    }
    return header;
}

/**
 * A special audit's items: those of the scheme's audits that are about a clause it covers, each
 * clause once (taken from the first audit that has it: surveillance, then recertification, initial).
 */
function specialAuditActivities(activities: readonly ChecklistActivity[], audit: ProgrammeAuditRow): ChecklistActivity[] {
    const covered = new Set(audit.clauses);
    const taken = new Set<string>();
    const result: ChecklistActivity[] = [];
    for (const name of audit.activities) {
        const activity = activities.find(a => a.name === name);
        if (!activity) continue;
        const items = activity.items.filter(item => {
            const keys = item.clauses.map(clauseKey).filter(key => covered.has(key));
            if (keys.length === 0 || (item.source === 'covered-clause' && taken.has(keys[0]))) return false;
            keys.forEach(key => taken.add(key));
            return true;
        });
        if (items.length > 0) result.push({ ...activity, items });
    }
    return result;
}

/**
 * Each planned audit's checklist, the header filled from the client's programme: the scheme's
 * checklist cut to the activities of the audit. The fingerprint stays the scheme's, so that
 * `certa findings` reads the filled-in checklist like one `certa generate` wrote. Nothing when the
 * client names no scheme of the workspace.
 */
export function planClientChecklists(doc: ProgrammeDocument, model: CertaModel): PlannedDocument[] {
    const scheme = model.schemes.find(s => s.id === doc.client.scheme);
    if (!scheme) return [];
    const order = clauseOrder(model.catalogs);
    const planned = doc.audits.map(audit => {
        const full = buildChecklist(scheme, model.catalogs, { questionBanks: model.questionBanks, header: clientAuditHeader(doc, audit, model) });
        const checklist = { ...full, activities: audit.kind === 'special' ? specialAuditActivities(full.activities, audit) : full.activities.filter(activity => audit.activities.includes(activity.name)) };
        const report = checklistReport(checklist, order);
        report.path = `${safeFileName(doc.client.id)}/checklist-${safeFileName(audit.name)}`;
        report.title = `Audit checklist: ${doc.client.name}, ${AUDIT_TYPE[audit.kind]} (${audit.name})`;
        return { document: checklist, report };
    });
    const paths = uniquePaths(planned.map(p => p.report.path));
    planned.forEach((p, index) => p.report.path = paths[index]);
    return planned;
}
