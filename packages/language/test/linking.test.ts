import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { Role, Scheme } from '../src/generated/ast.js';
import { isActivity, isRole, isScheme } from '../src/generated/ast.js';
import { clearTestDocuments, codes, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});
afterEach(async () => {
    await clearTestDocuments(services);
});

const sharedRoles = `
role LeadAuditor "Lead auditor" { needs AuditPrinciples }
competence AuditPrinciples "Audit principles, practices and techniques" basis ISO17021_1 A
`;

describe('linking across files', () => {
    it('resolves roles and competences declared in another file of the workspace', async () => {
        const [scheme, roles] = await validateSources(services,
            'scheme QMS "QMS" { activity stage1: stage1 by LeadAuditor }', sharedRoles);
        const activity = (scheme.parseResult.value.elements.find(isScheme) as Scheme).members.find(isActivity)!;
        expect(activity.performers[0].ref).toBe(roles.parseResult.value.elements.find(isRole));
        const role = roles.parseResult.value.elements.find(isRole) as Role;
        expect(role.needs[0].ref?.title).toBe('Audit principles, practices and techniques');
        expect(codes(scheme.diagnostics).filter(c => c.startsWith('certa.reference'))).toEqual([]);
    });

    it('resolves marks declared in the scheme for licensing', async () => {
        const [document] = await validateSources(services,
            'scheme S "S" { mark CIRCLE "circle" on products activity licence: attestation licenses CIRCLE }');
        const activity = (document.parseResult.value.elements[0] as Scheme).members.find(isActivity)!;
        expect(activity.licenses[0].ref?.name).toBe('CIRCLE');
    });

    it('names the kind of thing that is missing and suggests a close name', async () => {
        const [document] = await validateSources(services, 'scheme S "S" { activity a: review by LeadAudit }', sharedRoles);
        const diagnostic = document.diagnostics!.find(d => d.code === 'certa.reference.unknown-name')!;
        expect(diagnostic.message).toBe("Unknown role 'LeadAudit'. Did you mean LeadAuditor? Declare it ('role LeadAudit \"…\" { needs <Competence> }') or correct the name.");
    });

    it('links references into the builtin catalogs', async () => {
        const [document] = await validateSources(services, 'scheme S "S" { operatedUnder ISO17065 usesQms ISO9001 }');
        expect(codes(document.diagnostics).filter(c => c.startsWith('certa.reference'))).toEqual([]);
    });
});
