import type { LangiumDocument } from 'langium';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    await clearTestDocuments(services);
});

/** Validates `text`, asks the code action provider for fixes of the first `code` diagnostic. */
async function fixesFor(text: string, code: string): Promise<{ document: LangiumDocument; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const [document] = await validateSources(services, text);
    const diagnostic = (document.diagnostics ?? []).find(d => d.code === code);
    expect(diagnostic, `no ${code} in ${JSON.stringify(document.diagnostics?.map(d => d.code))}`).toBeDefined();
    const provider = services.lsp.CodeActionProvider!;
    const actions = (await provider.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] }
    }) ?? []) as CodeAction[];
    return { document, diagnostic: diagnostic!, actions };
}

/** The text after applying a code action's edits. */
function apply(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits);
}

/** Applies the action titled `title` and validates the result again. */
async function fixAndRevalidate(text: string, code: string, title: string | RegExp): Promise<{ fixed: string; codes: string[] }> {
    const { document, actions } = await fixesFor(text, code);
    const action = actions.find(a => (typeof title === 'string' ? a.title === title : title.test(a.title)));
    expect(action, `no action '${title}' among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    const fixed = apply(document, action!);
    await clearTestDocuments(services);
    const [again] = await validateSources(services, fixed);
    return { fixed, codes: (again.diagnostics ?? []).map(d => String(d.code)) };
}

const roles = `
role Auditor "Auditor" { needs AnnexA }
role Decider "Decision maker" { needs AnnexA }
competence AnnexA "Annex A knowledge" basis ISO17021_1 A
`;

const qms = (body: string) => `scheme QMS "ISO 9001 certification" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity application: applicationReview by Decider
    activity stage1: stage1 audit by Auditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by Auditor { covers ISO9001 }
    activity decision: decision by Decider
${body}
}
${roles}`;

const surveillance = `    surveillance every 12 months {
        activity annual: surveillanceAudit audit by Auditor { covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 9.3, ISO9001 10.2 }
    }`;
const recertification = `    recertification before 36 months {
        activity recert: recertificationAudit audit by Auditor { covers ISO9001 }
        activity renewal: decision by Decider
    }`;

describe('quick fixes', () => {
    it('replaces an unknown clause with the suggested one', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    exclude ISO9001 8.3.9 because "no design"`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.reference.unknown-clause', /^Replace with '8\.3\.\d'$/);
        expect(fixed).toMatch(/exclude ISO9001 8\.3\.\d because/);
        expect(codes).not.toContain('certa.reference.unknown-clause');
    });

    it('creates a missing role at the end of the file', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    activity review: review by Reviewer`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.reference.unknown-name', "Create role 'Reviewer'");
        expect(fixed).toContain('role Reviewer "Reviewer"');
        expect(codes).not.toContain('certa.reference.unknown-name');
    });

    it('creates a missing competence', async () => {
        const text = `role Tester "Tester" { needs WidgetTesting }\nperson kim "K. Im" { qualified Tester }\n`;
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.reference.unknown-name', "Create competence 'WidgetTesting'");
        expect(fixed).toContain('competence WidgetTesting "WidgetTesting"');
        expect(codes).toEqual([]);
    });

    it('adds a surveillance block to a management-system scheme', async () => {
        const text = qms(recertification);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.standard-fit.missing-surveillance', 'Add a surveillance block (every 12 months)');
        expect(fixed).toContain('    surveillance every 12 months {\n');
        expect(codes).not.toContain('certa.standard-fit.missing-surveillance');
        expect(codes).not.toContain('certa.syntax.unexpected-input');
    });

    it('adds a surveillance block to a product scheme whose type requires one', async () => {
        const text = `scheme W "Widgets" { certifies product operatedUnder ISO17065 type ISO17067 2
    activity sampling: selection activity test: determination testing activity review: review
    activity decision: decision activity licence: attestation issues certificate }`;
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.scheme-type.surveillance-required', 'Add a surveillance block (every 12 months)');
        expect(fixed).toMatch(/surveillance every 12 months \{[\s\S]*\}\s*\}$/);
        // Type 2 surveils with samples from the market: the block names that activity, as the message does.
        expect(fixed).toContain('// activity market: determination testing from market by …');
        expect(codes).not.toContain('certa.scheme-type.surveillance-required');
        expect(codes).not.toContain('certa.syntax.unexpected-input');
    });

    it('adds a justification placeholder to an exclusion', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    exclude ISO9001 8.3`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.ms-scope.exclusion-without-justification', 'Add a justification placeholder');
        expect(fixed).toContain('exclude ISO9001 8.3 because "TODO: ');
        expect(codes).toEqual([]);
    });

    it('removes a repeated single-valued member with its line, leaving the first', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    cycle 3 years\n    cycle 4 years`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.scheme-structure.repeated-member', 'Remove this repeated line');
        expect(fixed).toContain('cycle 3 years');
        expect(fixed).not.toContain('cycle 4 years');
        expect(codes).toEqual([]);
    });

    it('rewrites an acceptance that names a rule by its former code', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    exclude ISO17065 7.4 because "no products are evaluated"\n    accept "certa.iso-9001-scope.exclusion-outside-certified-standard" because "agreed"`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.acceptance.deprecated-code', 'Use the current code');
        expect(fixed).toContain('accept "certa.ms-scope.exclusion-outside-certified-standard" because "agreed"');
        expect(codes).toEqual([]);
    });

    it('removes a duplicate declaration with its line', async () => {
        const text = qms(`${surveillance}\n${recertification}`) + 'role Auditor "Auditor, again" { needs AnnexA }\n';
        const { document, actions } = await fixesFor(text, 'certa.reference.duplicate-id');
        const action = actions.find(a => a.title === 'Remove this duplicate')!;
        const fixed = apply(document, action);
        expect(fixed.match(/role Auditor /g)).toHaveLength(1);
        expect(fixed.split('\n').length).toBe(text.split('\n').length - 1);
    });

    it('removes a stale acceptance', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    accept "certa.marks.mark-without-use" because "old finding"`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.acceptance.stale', 'Remove the stale acceptance');
        expect(fixed).not.toContain('accept');
        expect(codes).toEqual([]);
    });

    it('names a declared role as the performer of an activity without one', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    activity review: review { criteria "report complete" }`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.competence.missing-performer', "Performed by 'Decider'");
        expect(fixed).toContain('activity review: review by Decider { criteria');
        expect(codes).toEqual([]);
    });

    it('accepts a warning on the element that carries it, with a reason to fill in', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    mark LOGO "system logo" shape rectangle`);
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.marks.mark-without-use', "Accept 'certa.marks.mark-without-use' on 'LOGO' with a reason");
        expect(fixed).toContain('    accept "certa.marks.mark-without-use" on LOGO because "TODO: why this is acceptable"\n}');
        expect(codes).toEqual([]);
    });

    it('does not offer to accept an error', async () => {
        const text = qms(`${surveillance}\n${recertification}\n    exclude ISO9001 8.3`);
        const { actions } = await fixesFor(text, 'certa.ms-scope.exclusion-without-justification');
        expect(actions.map(a => a.title)).toEqual(['Add a justification placeholder']);
    });

    it('offers nothing for a diagnostic without a fix', async () => {
        const text = qms(`    surveillance every 18 months {\n        activity annual: surveillanceAudit audit by Auditor { covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 9.3, ISO9001 10.2 }\n    }\n${recertification}`);
        const { actions } = await fixesFor(text, 'certa.standard-fit.surveillance-interval');
        expect(actions).toEqual([]);
    });
});

/** A process scheme that describes its whole operation and validates clean; each test breaks one part. */
const operatedScheme = `scheme PROC "Process certification" {
    certifies process
    operatedUnder ISO17065
    type ISO17067 6
    mark PM "process mark" on documents
        conditions "certified plants only, with the certificate number"
        misuse "suspension of the licence, publication"
    activity application: applicationReview by Reviewer
    activity sampling: selection by Assessor
    activity assessment: determination productionAssessment by Assessor
    activity tests: determination testing by Assessor from site
    activity review: review by Reviewer
    activity decision: decision by Manager
    activity licence: attestation by Manager issues certificate, markLicence licenses PM
    surveillance every 12 months {
        activity annual: determination productionAssessment by Assessor
        activity audit: determination audit by Assessor
    }
    externalBody Lab "Test laboratory" {
        accreditedTo ISO_IEC_17025 "lab 0421"
        performs tests
        agreement confidentiality, impartiality
    }
    lifecycle {
        specialAudit shortNotice conditions "to investigate complaints; 48 hours ahead"
        suspension when "major nonconformity not corrected" maximum 6 months restoredWhen "correction verified"
        withdrawal when "suspension not resolved in time"
        changes "clients notify changes within 30 days"
    }
    complaints handledBy Quality aboutCertifiedClients "passed to the certified client"
    appeals decidedBy Panel
    certificate {
        validFor 3 years
        states certificationBody, client, scope, grantDate, expiryDate
    }
}
role Assessor "Process assessor" { needs ProcessKnowledge }
role Reviewer "Reviewer" { needs Decisions }
role Manager "Certification manager" { needs Decisions }
role Quality "Quality manager" { needs Decisions }
role Panel "Appeals panel" { needs Decisions }
competence ProcessKnowledge "Galvanizing process" areas IAF 17
competence Decisions "Certification decisions" basis ISO17065 7.6
`;

function breaking(from: string, to: string): string {
    expect(operatedScheme).toContain(from);
    return operatedScheme.replace(from, to);
}

describe('quick fixes for operating a scheme', () => {
    it('the unbroken scheme validates clean, so each fix below must give a clean file', async () => {
        const [document] = await validateSources(services, operatedScheme);
        expect(document.diagnostics?.map(d => d.code)).toEqual([]);
    });

    it.each([
        ['certa.lifecycle.suspension-without-maximum', ' maximum 6 months', ''],
        ['certa.lifecycle.restoration-undefined', ' restoredWhen "correction verified"', ''],
        ['certa.lifecycle.special-audit-conditions', ' conditions "to investigate complaints; 48 hours ahead"', ''],
        ['certa.external-body.missing-agreement', 'agreement confidentiality, impartiality', 'agreement impartiality'],
        ['certa.external-body.missing-agreement', '        agreement confidentiality, impartiality\n', ''],
        ['certa.complaints-appeals.complaints-not-passed-on', ' aboutCertifiedClients "passed to the certified client"', ''],
        ['certa.certificates.missing-content', 'grantDate, expiryDate', 'grantDate'],
        ['certa.certificates.missing-content', '        states certificationBody, client, scope, grantDate, expiryDate\n', ''],
        ['certa.marks.missing-conditions', '        conditions "certified plants only, with the certificate number"\n        misuse "suspension of the licence, publication"\n', ''],
        ['certa.marks.missing-misuse-handling', '        misuse "suspension of the licence, publication"\n', '']
    ])('%s: inserting what is missing gives a clean file', async (code, from, to) => {
        const { codes } = await fixAndRevalidate(breaking(from, to), code, /./);
        expect(codes).toEqual([]);
    });

    it('adds only the conditions to a mark that says how misuse is handled, keeping that text', async () => {
        const text = breaking('        conditions "certified plants only, with the certificate number"\n', '');
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.marks.missing-conditions', 'Add a conditions-of-use placeholder');
        expect(fixed.match(/misuse /g)).toHaveLength(1);
        expect(fixed).toContain('misuse "suspension of the licence, publication"');
        expect(codes).toEqual([]);
    });

    it('names the body\'s procedures a scheme that describes none of its operation leaves to it, after its last member', async () => {
        const operation = / {4}externalBody[\s\S]*? {4}certificate \{[\s\S]*?\n {4}\}\n/;
        expect(operatedScheme).toMatch(operation);
        const text = operatedScheme.replace(operation, '').replace('activity tests: determination testing by Assessor from site', 'activity tests: determination testing by Assessor')
            .replace(/^role (Quality|Panel) .*\n/gm, '') + 'addresses ISO17065 4.2 by "QP-02 Impartiality"\n';
        const { fixed, codes } = await fixAndRevalidate(text, 'certa.operation.procedure-not-addressed', /procedure/);
        expect(fixed).toContain('    activity audit: determination audit by Assessor\n    }\n    addresses ISO17065 7.11, ISO17065 7.13, ISO17065 7.7 by "TODO: the certification body\'s procedure"\n}');
        expect(codes).toEqual([]);
    });
});
