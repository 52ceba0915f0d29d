/**
 * The workspaces `certa init` writes: a certa.json, a scheme, shared roles, competences and people,
 * and a catalog of the user's own to fill in. Each validates clean and generates (init.test.ts).
 */
export type TemplateName = 'product' | 'management-system' | 'integrated';

export const TEMPLATE_NAMES: readonly TemplateName[] = ['product', 'management-system', 'integrated'];

export interface Template {
    /** What the workspace is for, in one line. */
    description: string;
    /** The scheme file a newcomer edits first. */
    scheme: string;
    /** Path relative to the workspace → content. */
    files: Readonly<Record<string, string>>;
}

const certaJson = `{
  "sources": ["schemes"],
  "shared": ["shared", "catalogs"],
  "output": { "folder": "out", "formats": ["md", "html", "csv", "xlsx", "json"] }
}
`;
const productRoles = `// Roles of the certification body and the competences they need. Shared by every scheme of the workspace.
role TestEngineer "Test engineer" { needs ProductTesting }
role FactoryAuditor "Factory auditor" { needs QmsAuditing }
role CertificationReviewer "Certification reviewer" { needs CertificationProcess }
role CertificationManager "Certification manager" { needs CertificationProcess summary "Takes the certification decision" }

competence ProductTesting "Testing of the certified products" basis PRODUCT_STANDARD 4 areas IAF 19
competence QmsAuditing "Auditing a manufacturer's QMS" basis ISO9001
competence CertificationProcess "The body's product certification process" basis ISO17065 7
`;
const productPeople = `// The person register: who is qualified for which role. Keep it out of public scheme files.
person jdoe "J. Doe" {
    qualified TestEngineer, FactoryAuditor
    competent ProductTesting, QmsAuditing
    areas IAF 19
    evidence "accredited laboratory training"
}
person asmith "A. Smith" { qualified FactoryAuditor, TestEngineer }
person bkhan "B. Khan" { qualified CertificationReviewer, CertificationManager }
person cwong "C. Wong" { qualified CertificationManager, CertificationReviewer }
`;
const productStandard = `// Your own catalog: the product standard products are certified against, by clause number and heading.
// Write numbers and headings only (a standard's text is copyrighted); a summary is in your own words.
catalog PRODUCT_STANDARD "Your product standard" edition "1" {
    note "Replace these clauses with those of the standard you certify against."
    clause 4 "Requirements" {
        clause 4.1 "Construction"
        clause 4.2 "Marking"
    }
    clause 5 "Test methods"
}
`;
const productScheme = `// A product certification scheme of type 5 (ISO/IEC 17067) operated under ISO/IEC 17065,
// which also assesses the maker's quality management system (ISO/IEC Guide 53).
scheme PRODUCT "Product certification" {
    version "0.1"
    owner "Your certification body"
    certifies product
    operatedUnder ISO17065
    type ISO17067 5
    usesQms ISO9001
    scope "The products certified, in your words"
    requirement PRODUCT_STANDARD 4

    mark APPROVED "approval mark" shape circle on products, packaging

    activity application: applicationReview by CertificationManager
    activity sampling: selection by TestEngineer { sample "three samples per product type" }
    activity typeTest: determination testing by TestEngineer {
        check construction "Is the construction as the standard requires?" refs PRODUCT_STANDARD 4.1 evidence "accredited test report" graded passFail
    }
    activity factoryAudit: determination audit by FactoryAuditor {
        covers ISO9001 7.1.5, ISO9001 8.5 .. 8.7
    }
    activity review: review by CertificationReviewer
    activity decision: decision by CertificationManager
    activity licence: attestation issues certificate, markLicence licenses APPROVED

    surveillance every 12 months {
        activity marketSamples: determination testing from market by TestEngineer
        activity productionAssessment: determination productionAssessment by FactoryAuditor { covers ISO9001 8.5 }
    }
}
`;
const systemRoles = `// Roles of the certification body and the competences they need. Shared by every scheme of the workspace.
role LeadAuditor "Lead auditor" { needs AnnexA summary "Leads the audit team and writes the audit report" }
role Auditor "Auditor" { needs AnnexA }
role DecisionMaker "Certification decision maker" { needs AnnexA summary "Reviews the audit and takes the certification decision" }

competence AnnexA "Knowledge and skills of ISO/IEC 17021-1 Annex A" basis ISO17021_1 A
`;
const systemPeople = `// The person register: who is qualified for which role. Keep it out of public scheme files.
person dlee "D. Lee" {
    qualified LeadAuditor, Auditor
    areas IAF 19
    evidence "lead auditor course"
}
person epatel "E. Patel" { qualified Auditor, LeadAuditor }
person fgarcia "F. Garcia" { qualified DecisionMaker }
person hnovak "H. Novak" { qualified DecisionMaker }
`;
const clientRequirements = `// Your own catalog: a standard, a regulation or a customer specification, by clause number and heading.
// Write numbers and headings only (a standard's text is copyrighted); a summary is in your own words.
catalog CLIENT_REQUIREMENTS "Client-specific requirements" edition "1" {
    note "Replace these clauses with those of the document you certify against."
    clause 1 "Scope"
    clause 2 "Requirements" {
        clause 2.1 "Documented information the client keeps"
    }
}
`;
const systemScheme = `// An ISO 9001 certification scheme operated under ISO/IEC 17021-1.
scheme QMS "ISO 9001 certification" {
    version "0.1"
    owner "Your certification body"
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    scope "Quality management systems of manufacturing organisations"
    requirement CLIENT_REQUIREMENTS 2
    cycle 3 years

    activity application: applicationReview by DecisionMaker
    activity stage1: stage1 audit by LeadAuditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by LeadAuditor, Auditor {
        covers ISO9001 4 .. 10
        check internalAudit "Is the internal audit programme planned and carried out?" refs ISO9001 9.2 evidence "audit programme and reports" graded findings
    }
    activity review: review by DecisionMaker
    activity decision: decision by DecisionMaker

    surveillance every 12 months firstWithin 12 months {
        activity annual: surveillanceAudit audit by LeadAuditor {
            covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 9.3, ISO9001 10
        }
    }
    recertification before 36 months {
        activity recert: recertificationAudit audit by LeadAuditor { covers ISO9001 4 .. 10 }
        activity renewal: decision by DecisionMaker
    }
    mark QMS_MARK "system-certification logo" shape rectangle on certificates, documents, stationery
}
`;

/** Both kinds of scheme sharing one register: a body certifying products and management systems. */
const integratedRoles = `${productRoles}\n${systemRoles.replace(/^\/\/.*\n/, '')}`;
const integratedPeople = `${productPeople}\n${systemPeople.replace(/^\/\/.*\n/, '')}`;

export const TEMPLATES: Readonly<Record<TemplateName, Template>> = {
    'product': {
        description: 'a product certification scheme (ISO/IEC 17065, scheme type 5 of ISO/IEC 17067)',
        scheme: 'schemes/product.certa',
        files: {
            'certa.json': certaJson, 'schemes/product.certa': productScheme, 'shared/roles.certa': productRoles,
            'shared/people.certa': productPeople, 'catalogs/product-standard.certa': productStandard
        }
    },
    'management-system': {
        description: 'an ISO 9001 management-system certification scheme (ISO/IEC 17021-1)',
        scheme: 'schemes/qms.certa',
        files: {
            'certa.json': certaJson, 'schemes/qms.certa': systemScheme, 'shared/roles.certa': systemRoles,
            'shared/people.certa': systemPeople, 'catalogs/client-requirements.certa': clientRequirements
        }
    },
    'integrated': {
        description: 'a product scheme and an ISO 9001 scheme sharing one body\'s roles and people',
        scheme: 'schemes/product.certa',
        files: {
            'certa.json': certaJson, 'schemes/product.certa': productScheme, 'schemes/qms.certa': systemScheme,
            'shared/roles.certa': integratedRoles, 'shared/people.certa': integratedPeople,
            'catalogs/product-standard.certa': productStandard, 'catalogs/client-requirements.certa': clientRequirements
        }
    }
};
