import type { CertaServices } from '../certa-module.js';
import type { AuditTimeTable, Client } from '../generated/ast.js';
import { isAuditTimeTable } from '../generated/ast.js';
import type { ClientProgramme } from './client-programme.js';
import { buildClientProgramme } from './client-programme.js';

/** Every `auditTime` table of the workspace (builtin and the user's), from the index once per build. */
export function workspaceAuditTimeTables(services: CertaServices): AuditTimeTable[] {
    const index = services.shared.workspace.IndexManager;
    return services.crossFile.WorkspaceFacts.derived('programme.auditTimeTables',
        () => index.allElements('AuditTimeTable').map(d => d.node).filter(isAuditTimeTable).toArray());
}

/** The client's programme with the workspace's tables. */
export function programmeOfClient(services: CertaServices, client: Client): ClientProgramme {
    return buildClientProgramme(client, { tables: workspaceAuditTimeTables(services) });
}
