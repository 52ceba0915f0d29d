/**
 * Client audit programmes as plain data and pure calculations (no Langium types at run time):
 * what generators and other tools import from `@certa/language/programme`.
 */
export * from './audit-time.js';
export * from './multi-site-sampling.js';
export * from './certification-cycle.js';
export type { AuditHeader, ClientProgramme, ProgrammeAudit, ProgrammeSite, TeamEntry } from './client-programme.js';
export type { DeclaredConflict } from './conflicts-of-interest.js';
