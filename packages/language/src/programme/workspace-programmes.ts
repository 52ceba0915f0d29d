import type { CertaServices } from '../certa-module.js';
import type { AuditTimeTable, Client } from '../generated/ast.js';
import { isAuditTimeTable } from '../generated/ast.js';
import { FactsPending } from '../workspace/workspace-facts.js';
import type { ClientProgramme } from './client-programme.js';
import { buildClientProgramme } from './client-programme.js';

/** Every `auditTime` table of the workspace (builtin and the user's), from the index once per build. */
export function workspaceAuditTimeTables(services: CertaServices): AuditTimeTable[] {
    const index = services.shared.workspace.IndexManager;
    return services.crossFile.WorkspaceFacts.derived('programme.auditTimeTables',
        () => index.allElements('AuditTimeTable').map(d => d.node).filter(isAuditTimeTable).toArray());
}

/** The client's programme with the workspace's tables and person register. */
export function programmeOfClient(services: CertaServices, client: Client): ClientProgramme {
    return buildClientProgramme(client, { tables: workspaceAuditTimeTables(services), people: services.crossFile.WorkspaceFacts.people() });
}

/**
 * For editor requests: the client's programme, or undefined while the server has read only part of
 * the workspace (the open files at startup, see WorkspaceFacts.whilePartial), when the tables are
 * not all known yet.
 */
export function programmeIfKnown(services: CertaServices, client: Client): ClientProgramme | undefined {
    try {
        return programmeOfClient(services, client);
    } catch (error) {
        if (error instanceof FactsPending) return undefined;
        throw error;
    }
}
