import { beforeAll, describe, it } from 'vitest';
import { expectFormatting } from 'langium/test';
import type { CertaServices } from '../src/certa-module.js';
import { createTestServices } from './test-services.js';

let services: CertaServices;
let format: ReturnType<typeof expectFormatting>;

beforeAll(async () => {
    services = await createTestServices();
    const formatWith = expectFormatting(services);
    format = expected => formatWith({ ...expected, disposeAfterCheck: true });
});

describe('formatting', () => {
    it('indents blocks by four spaces and puts one member per line', async () => {
        await format({
            before: `scheme QMS "ISO 9001 certification"{certifies managementSystem ISO9001 operatedUnder ISO17021_1
activity stage1 :stage1 audit by LeadAuditor ,Auditor{covers ISO9001 4 .. 6 check c "q" refs ISO9001 9.2}
  surveillance every 12 months { activity annual: surveillanceAudit audit by LeadAuditor }}`,
            after: `scheme QMS "ISO 9001 certification" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity stage1: stage1 audit by LeadAuditor, Auditor {
        covers ISO9001 4 .. 6
        check c "q" refs ISO9001 9.2
    }
    surveillance every 12 months {
        activity annual: surveillanceAudit audit by LeadAuditor
    }
}`
        });
    });

    it('formats the lifecycle, external body and certificate blocks one member per line', async () => {
        await format({
            before: `scheme P "p" { lifecycle { suspension maximum 6 months withdrawal changes "c" }
externalBody Lab "lab" { accreditedTo ISO_IEC_17025 performs t agreement confidentiality ,impartiality }
certificate { validFor 3 years states client }
complaints handledBy Q appeals decidedBy Panel }`,
            after: `scheme P "p" {
    lifecycle {
        suspension maximum 6 months
        withdrawal
        changes "c"
    }
    externalBody Lab "lab" {
        accreditedTo ISO_IEC_17025
        performs t
        agreement confidentiality, impartiality
    }
    certificate {
        validFor 3 years
        states client
    }
    complaints handledBy Q
    appeals decidedBy Panel
}`
        });
    });

    it('formats roles, people and catalogs, keeping blank lines between declarations', async () => {
        await format({
            before: `role LeadAuditor "Lead auditor" { needs A, B summary "leads" }

person jdoe "J. Doe" {qualified LeadAuditor until 2027-03-31 evidence "course"}
catalog EN50525 "Cables" { designation "EN 50525" clause 2 "Particular" { clause 2.31 "Single core" } }`,
            after: `role LeadAuditor "Lead auditor" {
    needs A, B
    summary "leads"
}

person jdoe "J. Doe" {
    qualified LeadAuditor until 2027-03-31
    evidence "course"
}
catalog EN50525 "Cables" {
    designation "EN 50525"
    clause 2 "Particular" {
        clause 2.31 "Single core"
    }
}`
        });
    });

    it('keeps a check continued on the next line where the author put it', async () => {
        const text = `scheme S "s" {
    activity typeTest: determination testing {
        check resistance "Conductor resistance within limits"
            evidence "accredited test report"
    }
}`;
        await format({ before: text, after: text });
    });

    it('indents comments with the members they precede and keeps lists wrapped after a comma', async () => {
        await format({
            before: `scheme S "s" {
// Guide 53 principle a: the QMS is assessed.
        activity audit: determination audit {
  // the whole of clause 8
covers ISO9001 8
    }
}
role R "r" {
    needs AuditPrinciples, QmsStandard,
        Language ,ReportWriting
}`,
            after: `scheme S "s" {
    // Guide 53 principle a: the QMS is assessed.
    activity audit: determination audit {
        // the whole of clause 8
        covers ISO9001 8
    }
}
role R "r" {
    needs AuditPrinciples, QmsStandard,
        Language, ReportWriting
}`
        });
    });
});

