import { beforeAll, describe, it } from 'vitest';
import { expectHover } from 'langium/test';
import type { CertaServices } from '../src/certa-module.js';
import { keywordDescriptions } from '../src/lsp/keyword-descriptions.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;
let hover: (expected: Parameters<ReturnType<typeof expectHover>>[0]) => Promise<unknown>;

beforeAll(async () => {
    services = await createTestServices();
    const expectHoverOn = expectHover(services);
    // Dispose each document so that one test's references do not show up in the next one's hover.
    hover = expected => expectHoverOn({ ...expected, disposeAfterCheck: true });
});

const declarations = `
competence QmsStandard "ISO 9001 knowledge" basis ISO17021_1 A
role LeadAuditor "Lead auditor" { needs QmsStandard summary "Leads the audit team" }
`;

describe('hover', () => {
    it('on a clause number shows catalog, number, heading and the clauses it sits in', async () => {
        await hover({
            text: `scheme S "s" { requirement ISO9001 8.5<|>.1 }`,
            index: 0,
            hover: /\*\*ISO9001 8\.5\.1\*\* Control of production and service provision[\s\S]*Quality management systems - Requirements \(2015\)[\s\S]*In: 8 Operation › 8\.5 Production and service provision/
        });
    });

    it('on a clause number lists where else the workspace uses it', async () => {
        await validateSources(services, `scheme Other "o" { activity factoryAudit: determination audit { covers ISO9001 8.5.1 } }`);
        try {
            await hover({
                text: `scheme S "s" { requirement ISO9001 8.5.<|>1 }`,
                index: 0,
                hover: /Used 2 times:[\s\S]*\(activity factoryAudit\)/
            });
        } finally {
            await clearTestDocuments(services);
        }
    });

    it('on a catalog id shows its title and edition', async () => {
        await hover({ text: `scheme S "s" { operatedUnder ISO9<|>001 }`, index: 0, hover: /\*\*ISO9001\*\*: Quality management systems - Requirements \(2015\)/ });
    });

    it('on a role shows its title, summary and the competences it needs', async () => {
        await hover({
            text: `${declarations} scheme S "s" { activity a: stage1 audit by Lead<|>Auditor }`,
            index: 0,
            hover: /\*\*Role LeadAuditor\*\*: Lead auditor[\s\S]*Leads the audit team[\s\S]*Needs: QmsStandard \(ISO 9001 knowledge\)/
        });
    });

    it('on a competence shows its title and the clauses it rests on', async () => {
        await hover({
            text: `${declarations} person p "P" { competent Qms<|>Standard }`,
            index: 0,
            hover: /\*\*Competence QmsStandard\*\*: ISO 9001 knowledge[\s\S]*Basis: ISO17021_1 A/
        });
    });

    it('on an activity shows its kind, performers and covered clauses', async () => {
        await hover({
            text: `${declarations} scheme S "s" { activity fact<|>oryAudit: determination audit by LeadAuditor { covers ISO9001 8.5 .. 8.7 } }`,
            index: 0,
            hover: /\*\*Activity factoryAudit\*\*: determination audit[\s\S]*By: LeadAuditor[\s\S]*Covers: ISO9001 8\.5 \.\. 8\.7/
        });
    });

    it('on an activity names the functional elements it realises, by phase, from the catalog data', async () => {
        await hover({
            text: `scheme S "s" { activity type<|>Test: determination testing  surveillance every 12 months { activity marketSamples: determination testing from market } }`,
            index: 0,
            hover: /Realises: ISO17067 II Determination of characteristics;.*GUIDE67 II/
        });
        await hover({
            text: `scheme S "s" { activity typeTest: determination testing  surveillance every 12 months { activity market<|>Samples: determination testing from market } }`,
            index: 0,
            // a surveillance activity does not realise the initial determination
            hover: /Realises: (?![\s\S]*Determination of characteristics)ISO17067 VIa Surveillance: testing or inspection of samples from the open market/
        });
    });

    it('on the kind of an activity lists the functional elements that kind realises', async () => {
        await hover({
            text: `scheme S "s" { surveillance every 12 months { activity samples: determination test<|>ing from factory } }`,
            index: 0,
            hover: /\*\*determination testing\*\* realises:\n- ISO17067 VIb Surveillance: testing or inspection of samples from the factory/
        });
    });
    it('on a grade shows its level, meaning, deadlines and verification', async () => {
        await hover({
            text: `scheme S "s" { grade sys<|>temic "Systemic failure" as major { means "several minors on one requirement" correction within 30 days correctiveAction within 3 months verified onSite beforeDecision } }`,
            index: 0,
            hover: /\*\*Grade systemic\*\*: Systemic failure \(major\)[\s\S]*several minors[\s\S]*correction within 30 days, corrective action within 3 months[\s\S]*Verified onSite, before the decision/
        });
    });

    it('on a keyword shows what it means, in the words of the keyword table', async () => {
        await hover({
            text: `scheme S "s" { operated<|>Under ISO17065 }`,
            index: 0,
            hover: `**operatedUnder**: ${keywordDescriptions.operatedUnder}`
        });
        await hover({
            text: `scheme S "s" { activity a: stage1 audit by R { check c "q" evid<|>ence "e" } }`,
            index: 0,
            hover: `**evidence**: ${keywordDescriptions.evidence}`
        });
    });

    it('on an activity kind shows what it realises and what the keyword means', async () => {
        await hover({
            text: `scheme S "s" { activity t: determi<|>nation testing }`,
            index: 0,
            hover: new RegExp(`realises:[\\s\\S]*\\*\\*determination\\*\\*: ${keywordDescriptions.determination.replace(/[.()]/g, '\\$&')}`)
        });
    });

    it('on the keywords of integrated schemes and grades says what they commit to', async () => {
        await hover({ text: `scheme S "s" { comb<|>ine ISO9001 9.2 with ISO9001 }`, index: 0, hover: /harmonized structure/ });
        await hover({ text: `scheme S "s" { grade major "M" { verified onSite before<|>Decision } }`, index: 0, hover: /before certification is granted or renewed/ });
    });


    it('on a keyword of operating a scheme says what it means and the clause behind it', async () => {
        await hover({
            text: `scheme S "s" { lifecycle { suspen<|>sion when "x" maximum 6 months } }`,
            index: 0,
            hover: /\*\*suspension\*\*: .*maximum.*ISO\/IEC 17021-1 9\.6\.5/
        });
        await hover({
            text: `scheme S "s" { externalBody Lab "lab" { accreditedTo ISO_IEC_170<|>25 } }`,
            index: 0,
            hover: /\*\*ISO_IEC_17025\*\*: ISO\/IEC 17025: testing and calibration laboratories/
        });
    });

    it('on an external body shows its accreditation, what it performs and the agreement; on an activity, the body it is outsourced to', async () => {
        const scheme = (cursor: string, body: string) => `scheme S "s" {
    activity ${cursor}: determination testing { samplingPlan "drum ends" count 3 rule "random" from site }
    externalBody ${body} "Cable test laboratory" { accreditedTo ISO_IEC_17025 "lab 0421" performs typeTest agreement confidentiality, impartiality }
}`;
        await hover({
            text: scheme('typeTest', 'L<|>ab'),
            index: 0,
            hover: /\*\*External body Lab\*\*: Cable test laboratory[\s\S]*Accredited to: ISO_IEC_17025 \(lab 0421\)[\s\S]*Performs: typeTest[\s\S]*Agreement covers: confidentiality, impartiality/
        });
        await hover({
            text: scheme('type<|>Test', 'Lab'),
            index: 0,
            hover: /Samples from the site[\s\S]*Sampling plan: drum ends, 3 items, random[\s\S]*Outsourced to: Lab/
        });
    });
});
