import { NodeFileSystem } from 'langium/node';
import { createCertaServices } from '../../language/src/certa-module.js';
import type { CertaModel } from '../../language/src/model/certa-model.js';
import { buildCertaModel } from '../../language/src/model/model-builder.js';
import { loadWorkspace } from '../../language/src/workspace/workspace-loader.js';
import { certaFiles, clearTestDocuments, createTestServices, examplesFolder, messageOf, validateSources } from '../../language/test/test-services.js';

export { examplesFolder };


/** The plain model of in-memory sources (plus the builtin catalogs), and their error messages. */
export async function modelFrom(...sources: string[]): Promise<{ model: CertaModel; errors: string[] }> {
    const services = await createTestServices();
    try {
        const documents = await validateSources(services, ...sources);
        const builtins = await services.catalogs.BuiltinCatalogs.load();
        const errors = documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(messageOf));
        return { model: buildCertaModel(documents, builtins), errors };
    } finally {
        await clearTestDocuments(services);
    }
}

/** The model of the `examples/` workspace, loaded the way the CLI loads it. */
export async function examplesModel(): Promise<{ model: CertaModel; errors: string[] }> {
    const { Certa } = createCertaServices(NodeFileSystem);
    const workspace = await loadWorkspace(Certa, certaFiles(examplesFolder));
    const errors = workspace.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(x => `${d.uri.path}: ${x.message}`));
    return { model: buildCertaModel(workspace.documents, workspace.builtins), errors };
}

/** A small ISO 9001 scheme with roles and people, used across the generator tests. */
export const QMS_SOURCE = `
scheme QMS "ISO 9001 certification" {
    version "1.0"
    owner "Example CB"
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    cycle 3 years
    activity stage1: stage1 audit by LeadAuditor {
        covers ISO9001 4 .. 5.1
        check readiness "Is the client ready for stage 2?" refs ISO9001 4.3, ISO9001 9.2 evidence "stage 1 report"
    }
    activity stage2: stage2 audit by LeadAuditor, Auditor {
        covers ISO9001 8.5.1, ISO9001 8.3, ISO9001 7.1.5
        check ncOutputs "Are nonconforming outputs identified and controlled?" refs ISO9001 8.7
    }
    activity decision: decision by DecisionMaker
    surveillance every 12 months firstWithin 12 months {
        activity annual: surveillanceAudit audit by LeadAuditor { covers ISO9001 9.2, ISO9001 9.3 }
    }
    recertification before 36 months {
        activity recert: recertificationAudit audit by LeadAuditor { covers ISO9001 10 }
        activity renewal: decision by DecisionMaker
    }
    exclude ISO9001 8.3 because "products are made to customer drawings; no design"
}
`;

/** QMS_SOURCE with a measured and a pass/fail check before stage 1's readiness check: three gradings in one activity. */
export const MIXED_GRADINGS_SOURCE = QMS_SOURCE.replace('check readiness', 'check gauge "Gauge reading" graded measurement\n        check sealed "Seal intact" graded passFail\n        check readiness');

export const PEOPLE_SOURCE = `
competence AuditPrinciples "Audit principles" basis ISO17021_1 A.2.2
competence QmsStandard "ISO 9001 requirements" basis ISO17021_1 A.2.3
competence Sector19 "Electrical equipment" basis ISO17065 6.1.2 areas IAF 19
competence Decisions "Certification decisions" basis ISO17021_1 9.5
role LeadAuditor "Lead auditor" { needs AuditPrinciples, QmsStandard }
role Auditor "Auditor" { needs AuditPrinciples, Sector19 }
role DecisionMaker "Decision maker" { needs Decisions }
person alee "A. Lee" {
    qualified LeadAuditor until 2030-12-31 evaluated 2025-02-01 witnessed 2025-03-15, Auditor
    areas IAF 19
    evidence "lead auditor course 2024"
    evidence "witnessed stage 2 audit" for role LeadAuditor until 2027-03-31 evaluated 2025-03-20 witnessed 2025-03-15
    evidence "switchgear audits" for area IAF 19 until 2025-12-31 evaluated 2025-01-10
}
person bking "B. King" { qualified Auditor until 2025-06-30 competent Sector19 areas IAF 19, IAF 17 }
`;
