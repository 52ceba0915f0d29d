import type { SchemeModel } from '@certa/language/model';

/** `[task, role ids]` for the scheme's complaints, appeals, special audits and transfer review. */
export function operationTasks(scheme: SchemeModel): Array<[string, string[]]> {
    const tasks: Array<[string, string[]]> = [];
    if (scheme.complaints) tasks.push(['complaints', scheme.complaints.handledBy]);
    if (scheme.appeals) tasks.push(['appeals', scheme.appeals.decidedBy]);
    for (const audit of scheme.lifecycle?.specialAudits ?? []) tasks.push([`specialAudit:${audit.purpose}`, audit.performers]);
    if (scheme.lifecycle?.transfer) tasks.push(['transfer', scheme.lifecycle.transfer.reviewers]);
    return tasks;
}
