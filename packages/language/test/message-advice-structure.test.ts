import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of acceptance, reference, structure, syntax, ms-scope and surveillance messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** The text with `fragment` (which must be there) cut out. */
function without(text: string, fragment: string): string {
    expect(text).toContain(fragment);
    return text.replace(fragment, '');
}

describe('following the advice of acceptance, reference, structure, syntax, ms-scope and surveillance messages gives a clean file', () => {
    it('deprecated code: writing the current code it names is clean', async () => {
        const text = caseText('acceptance/deprecated-code.certa');
        const message = await messageFor(text, 'certa.acceptance.deprecated-code');
        expect(message).toContain("Write 'certa.ms-scope.exclusion-outside-certified-standard' instead");
        const [former, , current] = snippets(message);
        expect(former).toBe('certa.iso-9001-scope.exclusion-outside-certified-standard');
        await expectClean(text.replace(`"${former}"`, `"${current}"`));
    });

    it('stale acceptance: removing it, as advised, is clean', async () => {
        const text = caseText('acceptance/stale.certa');
        const message = await messageFor(text, 'certa.acceptance.stale');
        expect(message).toContain('Remove this acceptance.');
        await expectClean(replaceLine(text, 'accept "certa.marks.mark-without-use"', ''));
    });

    it('duplicate role: removing one, or renaming one and using the new name, is clean', async () => {
        const text = insertAfter(caseText('references/duplicate-id-ok.certa'), 'role Auditor', 'role Auditor "Lead auditor" { needs Auditor }');
        const message = await messageFor(text, 'certa.reference.duplicate-id');
        expect(message).toContain('Remove one of them; if two are meant, rename one and use its new name where that one is meant.');
        await expectClean(replaceLine(text, 'role Auditor "Lead auditor"', ''));
        await expectClean(text.replace('role Auditor "Lead auditor"', 'role LeadAuditor "Lead auditor"')
            .replace('activity stage2: stage2 audit by Auditor', 'activity stage2: stage2 audit by LeadAuditor'));
    });

    it('duplicate competence across files: removing one of them is clean', async () => {
        const a = caseText('references/duplicate-id-across-files/a.certa');
        const b = caseText('references/duplicate-id-across-files/b.certa');
        const message = await messageFor(a, 'certa.reference.duplicate-id', b);
        expect(message).toContain('Remove one of them');
        await expectClean(replaceLine(a, 'competence AnnexA', ''), b);
    });

    it('duplicate activity and check: giving each its own name is clean', async () => {
        const text = replaceLine(caseText('references/duplicate-id.certa'), 'role Auditor "Auditor, again"', '');
        const activity = await messageFor(replaceLine(text, 'check records "Records are kept, again"', ''), 'certa.reference.duplicate-id');
        expect(activity).toBe("Scheme 'QMS' already has an activity 'stage1'. Give each activity its own name (checklists and reports use it as an id).");
        const check = await messageFor(text.replace('activity stage1: stage2', 'activity stage2b: stage2'), 'certa.reference.duplicate-id');
        expect(check).toBe("Activity 'stage1' already has a check 'records'. Give each check its own name (it becomes the checklist item id).");
        await expectClean(text.replace('activity stage1: stage2', 'activity stage2b: stage2')
            .replace('check records "Records are kept, again"', 'check retention "Records are kept, again"'));
    });

    it('unknown role: the name it suggests resolves, and declaring the role is clean', async () => {
        const text = caseText('references/duplicate-id-ok.certa').replace('activity decision: decision by Decider', 'activity decision: decision by Decidr');
        const message = await messageFor(text, 'certa.reference.unknown-name');
        expect(message).toContain('Did you mean Decider? Declare it (');
        const suggestion = /Did you mean (\w+)\?/.exec(message)![1];
        await expectClean(text.replace('by Decidr', `by ${suggestion}`));
        const reviewer = text.replace('by Decidr', 'by Reviewer');
        const declare = snippets(await messageFor(reviewer, 'certa.reference.unknown-name')).find(s => s.startsWith('role '))!;
        expect(declare).toBe('role Reviewer "…" { needs <Competence> }');
        await expectClean(`${reviewer}${declare.replace('…', 'Reviewer').replace('<Competence>', 'Auditor')}\n`);
    });

    it('unknown acceptance target: the name it suggests is clean', async () => {
        // With the mark's use left out, the acceptance has a finding to accept once its target is right.
        const text = caseText('acceptance/unknown-target.certa').replace('shape rectangle on certificates', 'shape rectangle');
        const message = await messageFor(text, 'certa.reference.unknown-name');
        expect(message).toContain("Did you mean QMSMARK? Name an activity, check or mark of scheme 'QMS'.");
        const suggestion = /Did you mean (\w+)\?/.exec(message)![1];
        await expectClean(text.replace('on QMSMRAK', `on ${suggestion}`));
    });

    it('repeated line: keeping one and removing the other is clean', async () => {
        const text = insertAfter(caseText('scheme-structure/repeated-member-ok.certa'), 'version "1.0"', 'version "1.1"');
        const message = await messageFor(text, 'certa.scheme-structure.repeated-member');
        expect(message).toContain('Keep the one you mean and remove the other line.');
        await expectClean(replaceLine(text, 'version "1.1"', ''));
        await expectClean(replaceLine(text, 'version "1.0"', ''));
    });

    it('repeated surveillance block: moving its activity into the first and removing the block is clean', async () => {
        const clean = caseText('scheme-structure/repeated-member-ok.certa');
        const second = '    surveillance every 24 months {\n        activity biennial: surveillanceAudit audit by Auditor { covers ISO9001 9, ISO9001 10, EMS 9 }\n    }\n';
        const text = clean.replace('    recertification before', `${second}    recertification before`);
        const message = await messageFor(text, 'certa.scheme-structure.repeated-member');
        expect(message).toContain('Keep one block: move into the first any activity of this one that you still need, then remove this block.');
        await expectClean(insertAfter(without(text, second), 'activity annual:', 'activity biennial: surveillanceAudit audit by Auditor { covers ISO9001 9, ISO9001 10, EMS 9 }'));
    });

    it('repeated certifies: removing the second standard line, or the other subject, is clean', async () => {
        const text = caseText('scheme-structure/repeated-member-ok.certa');
        const twice = insertAfter(text, 'certifies managementSystem EMS', 'certifies managementSystem EMS');
        const same = await messageFor(twice, 'certa.scheme-structure.repeated-member');
        expect(same).toContain('Remove this line: each standard is certified once');
        expect(snippets(same)).toContain('certifies managementSystem <standard>');
        await expectClean(replaceLine(twice, 'certifies managementSystem EMS', ''));
        const product = insertAfter(text, 'certifies managementSystem EMS', 'certifies product');
        const subject = await messageFor(product, 'certa.scheme-structure.repeated-member');
        expect(subject).toContain("keep the 'certifies' line you mean and remove the other");
        await expectClean(replaceLine(product, 'certifies product', ''));
    });

    it('syntax: a misspelt keyword takes the suggested one', async () => {
        const clean = caseText('references/duplicate-id-ok.certa');
        for (const [line, wrong, typo] of [
            ['activity decision: decision by Decider', 'activty decision: decision by Decider', 'activty'],
            ['recertificationAudit audit by Auditor { covers ISO9001 }', 'recertificationAudit audit by Auditor { cover ISO9001 }', 'cover']
        ]) {
            const message = await messageFor(clean.replace(line, wrong), 'certa.syntax.unexpected-input');
            expect(message).toContain(`not '${typo}'.`);
            const suggestion = /Did you mean (\w+)\?/.exec(message)![1];
            await expectClean(clean.replace(line, wrong.replace(typo, suggestion)));
        }
    });

    it('syntax: a missing brace, colon or unit is written where the message says', async () => {
        const clean = caseText('references/duplicate-id-ok.certa');
        const noBrace = clean.replace('ISO9001 10.2 }\n', 'ISO9001 10.2\n');
        const brace = await messageFor(noBrace, 'certa.syntax.unexpected-input');
        expect(brace).toBe("Expected one of: activity or '}' here, not 'recertification'.");
        expect(snippets(brace)).toContain('}');
        await expectClean(noBrace.replace('recertification before', '} recertification before'));
        const noColon = clean.replace('activity decision: decision', 'activity decision decision');
        const colon = await messageFor(noColon, 'certa.syntax.unexpected-input');
        expect(colon).toBe("Expected ':' here, not 'decision'.");
        await expectClean(noColon.replace('activity decision decision', `activity decision${snippets(colon)[0]} decision`));
        const noUnit = clean.replace('every 12 months {', 'every 12 {');
        const unit = await messageFor(noUnit, 'certa.syntax.unexpected-input');
        expect(unit).toMatch(/^Expected one of: day, days, month, months, .* here, not '\{'\.$/);
        const months = /Expected one of: (.*) here/.exec(unit)![1].split(/, | or /).find(word => word === 'months')!;
        await expectClean(noUnit.replace('every 12 {', `every 12 ${months} {`));
    });

    it('syntax: a missing title or an unquoted text is written as the quoted text the message asks for', async () => {
        const clean = caseText('references/duplicate-id-ok.certa');
        const title = await messageFor(clean.replace('role Decider "Decision maker"', 'role Decider'), 'certa.syntax.unexpected-input');
        expect(title).toBe('Expected a quoted text "…" here, not \'{\'.');
        const quoted = /a quoted text ("…")/.exec(title)![1];
        await expectClean(clean.replace('role Decider "Decision maker"', `role Decider ${quoted.replace('…', 'Decision maker')}`));
        const value = await messageFor(caseText('syntax/unexpected-input.certa'), 'certa.syntax.unexpected-input');
        expect(value).toBe('Expected a quoted text "…" here, not \'}\'.');
        await expectClean(caseText('syntax/unexpected-input.certa').replace('summary }', `summary ${quoted.replace('…', 'Audits management systems')} }`));
    });

    it('exclusion outside the certified standard: removing the exclusion, as advised, is clean', async () => {
        const text = caseText('ms-scope/exclusion-outside-certified-standard.certa');
        const message = await messageFor(text, 'certa.ms-scope.exclusion-outside-certified-standard');
        expect(message).toContain('Remove this exclusion; only clauses of ISO9001 may be excluded');
        expect(message).toContain('(ISO 9001:2015 4.3)');
        await expectClean(replaceLine(text, 'exclude ISO17021_1 9.1.5', ''));
    });

    it('exclusion without justification: adding the because it quotes is clean', async () => {
        const text = caseText('ms-scope/exclusion-without-justification.certa');
        const message = await messageFor(text, 'certa.ms-scope.exclusion-without-justification');
        const because = snippets(message).find(s => s.startsWith('because '))!;
        expect(because).toBe('because "…"');
        await expectClean(text.replace('exclude ISO9001 8.3', `exclude ISO9001 8.3 ${because.replace('…', 'the organisation makes products to its customers\' designs')}`));
    });

    it('surveillance required: the surveillance block it quotes, filled in, is clean', async () => {
        const text = caseText('scheme-type/surveillance-required.certa');
        for (const [type, block] of [
            ['2', 'surveillance every 12 months { activity market: determination testing from market by … }'],
            ['3', 'surveillance every 12 months { activity factory: determination testing from factory by … activity productionAssessment: determination productionAssessment by … }']
        ]) {
            const typed = text.replace('type ISO17067 2', `type ISO17067 ${type}`);
            const message = await messageFor(typed, 'certa.scheme-type.surveillance-required');
            expect(snippets(message)).toContain(block);
            await expectClean(insertAfter(typed, 'activity licence:', block.replaceAll('…', 'Tester')));
        }
    });

    it('surveillance interval: writing the interval it quotes is clean', async () => {
        const text = caseText('standard-fit/surveillance-interval.certa').replace('firstWithin 15 months', 'firstWithin 12 months');
        const message = await messageFor(text, 'certa.standard-fit.surveillance-interval');
        const write = snippets(message).find(s => s.startsWith('surveillance every'))!;
        expect(write).toBe('surveillance every 12 months');
        await expectClean(text.replace('surveillance every 18 months', write));
    });
});
