import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of a message gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

describe('following the advice of a message gives a clean file', () => {
    it('initial-system-audit: the suggested activity name is free, so adding it creates no duplicate', async () => {
        const text = caseText('scheme-type/initial-system-audit.certa');
        const message = await messageFor(text, 'certa.scheme-type.initial-system-audit');
        const activity = snippets(message).find(s => s.startsWith('activity '))!;
        expect(activity).toBe('activity qmsAudit2: determination audit by …'); // 'qmsAudit' is taken by the surveillance audit
        await expectClean(insertAfter(text, 'activity test:', activity.replace('…', 'Tester')));
    });

    it('unknown clause: each suggestion (nearest number, parent) resolves', async () => {
        const clean = caseText('clean/product-scheme-type-5.certa');
        const text = clean.replace('covers ISO9001 8.5 }', 'covers ISO9001 8.5.7 }');
        const message = await messageFor(text, 'certa.reference.unknown-clause');
        expect(message).toContain('Did you mean ISO9001 8.5.6 or ISO9001 8.5?');
        for (const suggestion of ['8.5.6', '8.5']) {
            await expectClean(text.replace('ISO9001 8.5.7', `ISO9001 ${suggestion}`));
        }
    });

    it('coverage gap on management review: the advice is to audit it, never to exclude it', async () => {
        const text = caseText('ms-scope/coverage-gap-management-review.certa');
        const gap = await messageFor(text, 'certa.ms-scope.coverage-gap');
        expect(gap).not.toMatch(/exclude/i);
        const outcome = await messageFor(text, 'certa.ms-scope.expected-outcome-not-audited');
        const covers = snippets(outcome).find(s => s.startsWith('covers '))!;
        expect(covers).toBe('covers ISO9001 9.3');
        const surveillanceAudit = '{ covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 10.2 }';
        expect(text).toContain(surveillanceAudit);
        // The gap is also one of stage 2, which audits the whole system: its advice names the same line.
        const stage2 = await messageFor(text, 'certa.ms-scope.stage2-coverage-gap');
        expect(snippets(stage2)).toContain('covers ISO9001 9.3');
        const stage2Audit = 'stage2 audit by Auditor { covers ISO9001 4 .. 9.2, ISO9001 10 }';
        expect(text).toContain(stage2Audit);
        await expectClean(text
            .replace(surveillanceAudit, `{ covers ISO9001 9.1.2, ISO9001 9.2, ISO9001 10.2\n            ${covers} }`)
            .replace(stage2Audit, 'stage2 audit by Auditor { covers ISO9001 4 .. 9.2, ISO9001 10\n        covers ISO9001 9.3 }'));
    });

    it('coverage gap on a clause that may be not applicable: excluding it, as offered, is clean', async () => {
        const text = caseText('ms-scope/coverage-gap-management-review.certa')
            .replaceAll('ISO9001 4 .. 9.2, ISO9001 10', 'ISO9001 4 .. 8.2, ISO9001 8.4 .. 10')
            .replace('    // expect certa.ms-scope.stage2-coverage-gap on "stage2"\n', '')
            .replace('ISO9001 9.2, ISO9001 10.2 }', 'ISO9001 9.2, ISO9001 9.3, ISO9001 10.2 }');
        const gap = await messageFor(text, 'certa.ms-scope.coverage-gap');
        expect(gap).toContain('8.3');
        expect(gap).toContain('exclude it with a justification');
        await expectClean(insertAfter(text, 'operatedUnder ISO17021_1', 'exclude ISO9001 8.3 because "the organisation does not design its services"'));
    });

    it('first surveillance late: the message cites 9.6.2.2, the clause the catalog names for the 12-month rule', async () => {
        const text = caseText('standard-fit/first-surveillance-late.certa');
        const message = await messageFor(text, 'certa.standard-fit.first-surveillance-late');
        expect(message).toContain('ISO/IEC 17021-1:2015 9.6.2.2');
        const catalog = fs.readFileSync(new URL('../catalogs/iso-iec-17021-1.certa', import.meta.url), 'utf8');
        expect(/clause 9\.6\.2\.2 "Surveillance audit"\s+summary "[^"]*12 months/.test(catalog)).toBe(true);
        const write = snippets(message).find(s => s.startsWith('firstWithin'))!;
        await expectClean(text.replace('firstWithin 18 months', write));
    });

    it('product scheme type in a management-system scheme: names its clause, and removing the line is clean', async () => {
        const text = caseText('standard-fit/product-type-in-management-system-scheme.certa');
        const message = await messageFor(text, 'certa.standard-fit.product-type-in-management-system-scheme');
        expect(message).toMatch(/\(ISO\/IEC 17067:2013 1, 5\.3\)/);
        expect(snippets(message)).toContain('type');
        await expectClean(replaceLine(text, 'type ISO17067', ''));
    });

    it('exclusion affecting conformity: removing the exclusion, as advised, is clean', async () => {
        const text = caseText('ms-scope/exclusion-affects-conformity.certa');
        const message = await messageFor(text, 'certa.ms-scope.exclusion-affects-conformity');
        expect(message).toContain('Remove the exclusion');
        expect(message).not.toMatch(/accept/i);
        await expectClean(replaceLine(text, 'exclude ISO9001 8.5', ''));
    });

    it('missing performer of a product evaluation: adding \'by <Role>\' is clean', async () => {
        const text = caseText('competence/missing-performer-product-evaluation.certa');
        const message = await messageFor(text, 'certa.competence.missing-performer');
        expect(snippets(message)).toContain('by <Role>');
        await expectClean(text.replace('activity test: determination testing', 'activity test: determination testing by Tester'));
    });

    it('surveillance element the type does not include: using only the surveillance the type provides is clean', async () => {
        const text = caseText('scheme-type/surveillance-element-not-allowed-type-6.certa');
        const message = await messageFor(text, 'certa.scheme-type.surveillance-element-not-allowed');
        expect(message).toContain('Use the surveillance the type provides');
        await expectClean(replaceLine(text, 'activity spotSamples:', ''));
    });

    it('Guide 53 mark control: declaring the mark with its use and licensing it, as advised, is clean', async () => {
        const text = caseText('guide-53/mark-not-licensed.certa');
        const message = await messageFor(text, 'certa.guide-53.missing-principle');
        const [mark, licence] = snippets(message).filter(s => s.startsWith('mark ') || s.startsWith('activity licence'));
        expect(mark).toMatch(/^mark WM ".*" on products$/);
        expect(licence).toContain('licenses WM');
        await expectClean(replaceLine(replaceLine(text, 'mark WM', mark), 'activity licence:', licence));
    });

    it('a finding that cannot be accepted: the acceptance says to fix it, and fixing it (and removing the acceptance) is clean', async () => {
        const text = caseText('acceptance/shall-not-acceptable.certa');
        const message = await messageFor(text, 'certa.acceptance.not-acceptable');
        expect(message).toContain('ISO/IEC 17065:2012 6.1.2');
        expect(message).toContain('remove this acceptance');
        await expectClean(replaceLine(text, 'accept "certa.competence.missing-performer"', '')
            .replace('activity decision: decision\n', 'activity decision: decision by Reviewer\n'));
    });

    it('procedure not addressed: the suggested addresses line, filled in, is clean', async () => {
        const text = caseText('procedures/procedure-not-addressed.certa');
        const message = await messageFor(text, 'certa.operation.procedure-not-addressed');
        const addresses = snippets(message).find(s => s.startsWith('addresses '))!;
        expect(addresses).toBe('addresses ISO17065 7.11, ISO17065 7.13, ISO17065 7.7 by "<procedure>"');
        await expectClean(insertAfter(text, 'addresses ISO17065 4.2', addresses.replace('<procedure>', 'QP-11 Operating certification')));
    });

    it('a scheme that describes its operation but not its lifecycle: naming the body\'s procedure, as offered, is clean', async () => {
        const text = caseText('lifecycle/missing-lifecycle.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-lifecycle');
        const addresses = snippets(message).find(s => s.startsWith('addresses '))!;
        expect(addresses).toBe('addresses ISO17065 7.11 by "…"');
        await expectClean(insertAfter(text, 'appeals decidedBy', addresses.replace('…', 'QP-11 Suspension and withdrawal')));
    });
});
