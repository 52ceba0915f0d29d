import { beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { Activity, Scheme } from '../src/generated/ast.js';
import { isActivity, isRole, isScheme } from '../src/generated/ast.js';
import { codes, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});

const productScheme = `
// A type-5 product scheme, as in the language sketch.
scheme LV "Low-voltage cables" {
    version "3.1"
    owner "Example Cable Approvals Ltd"
    certifies product
    operatedUnder ISO17065
    type ISO17067 5
    usesQms ISO9001
    scope "PVC-insulated single-core cables"
    mark CIRCLE "circular approval mark" shape circle on products, packaging
    activity sampling: selection by Engineer { sample "three drum ends per cable family" }
    activity typeTest: determination testing by Engineer {
        check resistance "Conductor resistance within limits" evidence "accredited test report" graded passFail
    }
    activity review: review by Reviewer
    activity decision: decision by Manager
    activity licence: attestation issues certificate licenses CIRCLE
    /* surveillance every year */
    surveillance every 12 months firstWithin 12 months {
        activity marketSamples: determination testing by Engineer from market
        activity production: determination productionAssessment by Engineer { covers ISO9001 8.5 }
    }
}
role Engineer "Test engineer"
role Reviewer "Reviewer"
role Manager "Certification manager"
`;

describe('parsing', () => {
    it('reads a complete product scheme with comments and keyword-like names', async () => {
        const [document] = await validateSources(services, productScheme);
        expect(document.parseResult.parserErrors).toEqual([]);
        const scheme = document.parseResult.value.elements.find(isScheme) as Scheme;
        const activities = scheme.members.filter(isActivity);
        expect(activities.map(a => a.name)).toEqual(['sampling', 'typeTest', 'review', 'decision', 'licence']);
        const typeTest = activities[1] as Activity;
        expect([typeTest.kind, typeTest.method, typeTest.performers[0].ref?.name]).toEqual(['determination', 'testing', 'Engineer']);
        expect(codes(document.diagnostics).filter(code => code.startsWith('certa.syntax') || code.startsWith('certa.reference'))).toEqual([]);
    });

    it('keeps words that later became keywords usable as role and competence names', async () => {
        // Role files written before grades, programmes and lifecycle keywords existed still read.
        const [document] = await validateSources(services, `
role team "Audit team" { needs standard }
role complaints "Complaints handler" { needs standard }
competence standard "Standard knowledge" basis ISO9001
person jd "J. Doe" { qualified team, complaints competent standard }
scheme S "s" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity a: applicationReview by team, complaints
}`);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.value.elements.filter(isRole).map(r => [r.name, r.needs.map(n => n.ref?.name)])).toEqual([['team', ['standard']], ['complaints', ['standard']]]);
        expect(codes(document.diagnostics).filter(code => code.startsWith('certa.syntax') || code.startsWith('certa.reference'))).toEqual([]);
    });

    it('reads scheme type ids such as 1a and 1b', async () => {
        const [document] = await validateSources(services, 'scheme B "Batch" { certifies batch operatedUnder ISO17065 type ISO17067 1b }');
        expect(document.parseResult.parserErrors).toEqual([]);
        const scheme = document.parseResult.value.elements[0] as Scheme;
        const typeDecl = scheme.members.find(m => m.$type === 'SchemeTypeDecl');
        expect(typeDecl && 'schemeType' in typeDecl ? typeDecl.schemeType.ref?.name : undefined).toBe('1b');
    });

    it('recovers after a syntax error and keeps the declarations that follow', async () => {
        const [document] = await validateSources(services, `
role Auditor "Auditor" { needs }
role Reviewer "Reviewer"
competence Principles "Audit principles" basis ISO17021_1 A
`);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const names = document.parseResult.value.elements.map(e => ('name' in e ? e.name : undefined));
        expect(names).toEqual(expect.arrayContaining(['Reviewer', 'Principles']));
        expect(codes(document.diagnostics)).toContain('certa.syntax.unexpected-input');
    });

    it('recovers inside a scheme: a broken member does not hide the next ones', async () => {
        const [document] = await validateSources(services, `
scheme S "S" {
    version
    activity review: review by Nobody
}
`);
        expect(codes(document.diagnostics)).toEqual(expect.arrayContaining(['certa.syntax.unexpected-input', 'certa.reference.unknown-name']));
    });

    it('reports an unterminated string with its line and how to close it', async () => {
        const [document] = await validateSources(services, 'role A "Auditor\nrole B "Reviewer"\n');
        const lexing = document.diagnostics!.find(d => d.code === 'certa.syntax.unexpected-character')!;
        expect(lexing.range.start).toEqual({ line: 0, character: 7 });
        expect(lexing.message).toContain('Add the closing "');
        expect(document.parseResult.value.elements.filter(isRole).map(r => r.name)).toContain('B');
    });

    it('tells a designer what was expected in words, not token names', async () => {
        const [document] = await validateSources(services, 'role Auditor');
        const message = String(document.diagnostics![0].message);
        expect(message).toContain('a quoted text');
        expect(message).not.toContain('STRING');
    });
});
