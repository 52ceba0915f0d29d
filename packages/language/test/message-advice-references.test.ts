import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_LENGTH } from '../src/parser/input-limits.js';
import { caseText, expectClean, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of reference, catalog, check and syntax messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** catalog/structure.certa with its three faults mended: each test below breaks one thing again. */
const catalog = [
    'catalog SPEC "A product specification" {',
    '    clause 4 "Design" {',
    '        clause 4.1 "Materials"',
    '        clause 4.2 "Finish"',
    '    }',
    '    clause 5 "Design again"',
    '    clause 6 "Marking"',
    '}',
    'competence Spec "Knows the specification" areas SPEC 4.1 .. 6',
    'person kim "K. Im" { competent Spec }'
].join('\n');

/** The measured check of check/bad-limits.certa, on a line of its own to be replaced. */
const torque = 'check torque "Torque of the fixing bolts" graded measurement unit "N·m" limits 45 .. 40';

describe('following the advice of reference, catalog, check and syntax messages gives a clean file', () => {
    it('the mended catalog is clean, so each fix below is measured against a clean file', async () => {
        await expectClean(catalog);
    });

    it('duplicate clause: giving the clause its own number is clean', async () => {
        const text = catalog.replace('clause 5 "Design again"', 'clause 4 "Design again"');
        const message = await messageFor(text, 'certa.catalog.duplicate-clause');
        expect(message).toContain('Give each clause its own number');
        await expectClean(text.replace('clause 4 "Design again"', 'clause 7 "Design again"'));
    });

    it('misplaced clause: renumbering it as the message shows, or moving it out, is clean', async () => {
        const text = catalog.replace('clause 4.2 "Finish"', 'clause 5.2 "Finish"');
        const message = await messageFor(text, 'certa.catalog.misplaced-clause');
        expect(message).toContain("must extend '4' (4.1, 4_a, 4a). Move it out of 4 or renumber it.");
        await expectClean(text.replace('clause 5.2 "Finish"', 'clause 4_a "Finish"'));
        await expectClean(text.replace('        clause 5.2 "Finish"\n    }', '    }\n    clause 5.2 "Finish"'));
    });

    it('reversed range: writing the range the message gives is clean', async () => {
        const text = catalog.replace('SPEC 4.1 .. 6', 'SPEC 6 .. 4.1');
        const message = await messageFor(text, 'certa.reference.reversed-range');
        const range = /Write (.+)\.$/.exec(message)?.[1];
        expect(range).toBe('4.1 .. 6');
        await expectClean(text.replace('6 .. 4.1', range!));
    });

    it('bad limits: lowest before highest, or an open end as in the example, is clean', async () => {
        const text = caseText('check/bad-limits.certa').split('\n')
            .filter(line => !/check (depth|any) /.test(line)).join('\n');
        const message = await messageFor(text, 'certa.check.bad-limits');
        const [form, example] = snippets(message).filter(s => s.startsWith('limits '));
        expect([form, example]).toEqual(['limits <lowest> .. <highest>', 'limits .. 12.1']);
        await expectClean(text.replace('limits 45 .. 40', form.replace('<lowest>', '40').replace('<highest>', '45')));
        await expectClean(text.replace('limits 45 .. 40', example));
    });

    it('unit or limits without a measurement: grading by measurement, or removing the detail, is clean', async () => {
        const base = caseText('check/bad-limits.certa').split('\n')
            .filter(line => !/check (depth|any) /.test(line)).join('\n');
        const text = base.replace(torque, 'check torque "Torque of the fixing bolts" graded passFail unit "N·m" limits 40 .. 45');
        const message = await messageFor(text, 'certa.check.measurement-detail-without-measurement');
        expect(snippets(message)).toContain('graded measurement');
        expect(message).toContain('or remove the unit');
        await expectClean(text.replace('graded passFail', 'graded measurement'));
        await expectClean(text.replace(' unit "N·m" limits 40 .. 45', ''));
    });

    it('reference to an excluded clause: removing the reference, or the exclusion, is clean', async () => {
        const text = caseText('references/excluded-clause.certa');
        const message = await messageFor(text, 'certa.reference.excluded-clause');
        expect(message).toContain('Remove the reference or the exclusion');
        await expectClean(replaceLine(text, 'check designPlan', ''));
        await expectClean(replaceLine(text, 'exclude ISO9001 8.3', ''));
    });

    it('unused role: naming it in an activity, as quoted, is clean', async () => {
        const text = caseText('references/unused-declaration.certa').split('\n')
            .filter(line => !/^(competence Spare|mark OLDMARK)/.test(line)).join('\n');
        const message = await messageFor(text, 'certa.reference.unused-declaration');
        expect(snippets(message)).toContain('by Inspector');
        await expectClean(text.replace('    activity review:', '    activity inspection: determination inspection by Inspector\n    activity review:'));
    });

    it('unused competence: adding it to a role, as quoted, or removing it, is clean', async () => {
        const text = caseText('references/unused-declaration.certa').split('\n')
            .filter(line => !/^(role Inspector|competence Inspection|mark OLDMARK)/.test(line)).join('\n');
        const message = await messageFor(text, 'certa.reference.unused-declaration');
        const needs = snippets(message).find(s => s.startsWith('needs '))!;
        expect(needs).toBe('needs Spare');
        await expectClean(text.replace('role Tester "Tester" { needs Testing }', `role Tester "Tester" { needs Testing\n    ${needs} }`));
        await expectClean(replaceLine(text, 'competence Spare', ''));
    });

    it('unused mark: licensing it in the attestation, as quoted, or removing it, is clean', async () => {
        const text = caseText('references/unused-declaration.certa').split('\n')
            .filter(line => !/^(role Inspector|competence Inspection|competence Spare)/.test(line)).join('\n');
        const message = await messageFor(text, 'certa.reference.unused-declaration');
        const licenses = snippets(message).find(s => s.startsWith('licenses '))!;
        expect(licenses).toBe('licenses OLDMARK');
        // A licensed mark needs surveillance (ISO/IEC 17065 7.9), which this scheme lacks: the rule
        // for that says so next, and its advice finishes the job.
        const licensed = text.replace('activity licence: attestation issues certificate', `activity licence: attestation issues certificate, markLicence ${licenses}`);
        const next = await messageFor(licensed, 'certa.marks.mark-without-surveillance');
        const surveillance = snippets(next).find(s => s.startsWith('surveillance '))!;
        expect(surveillance).toBe('surveillance every 12 months { … }');
        await expectClean(licensed.replace('    activity licence:', `    ${surveillance.replace('…', 'activity annual: determination testing by Tester')}\n    activity licence:`));
        await expectClean(replaceLine(text, 'mark OLDMARK', ''));
    });

    it('unknown catalog: declaring it as the message shows is clean', async () => {
        const text = 'questions ISO9002 { ask 4.1 "Which catalog?" }\n';
        const message = await messageFor(text, 'certa.reference.unknown-catalog');
        const declaration = /\((catalog ISO9002 [^)]*)\)/.exec(message)?.[1];
        expect(declaration).toBe('catalog ISO9002 "title" { clause 4 "heading" … }');
        await expectClean(text, declaration!.replace('…', '{ clause 4.1 "Scope" }'));
    });

    it('unexpected character: removing it is clean', async () => {
        const text = caseText('syntax/unexpected-character.certa');
        const message = await messageFor(text, 'certa.syntax.unexpected-character');
        expect(message).toContain('Remove it or put it inside a quoted text');
        await expectClean(text.replace(' § ', ' '));
    });

    it('too deep: the clause of level 65 without braces of its own is read, and clean', async () => {
        const text = caseText('syntax/too-deep.certa');
        const message = await messageFor(text, 'certa.syntax.too-deep');
        expect(message).toContain('Close the braces above, or flatten the clause tree');
        await expectClean(text.replace('"Level 65" {', '"Level 65"').replace(/\}\n?$/, '\n'));
    });

    it('empty file: declaring something in it is clean', async () => {
        const message = await messageFor('\n', 'certa.syntax.empty-file');
        expect(message).toContain('Declare a scheme, catalog, role, competence or person in it, or delete it');
        await expectClean('catalog SPEC "A specification" {\n    clause 1 "Scope"\n}\n');
        await expectClean('competence Spec "Knows the specification"\n');
    });

    it('not text: a file without NUL bytes is read', async () => {
        const message = await messageFor('competence Spec "Knows\u0000"\n', 'certa.syntax.not-text');
        expect(message).toContain('A .certa file must be UTF-8 text');
        await expectClean('competence Spec "Knows"\n');
    });

    it('too long: split into files within the limit, every part is read and clean', async () => {
        const line = (n: number) => `competence C${n} "A competence with a long enough title to fill the file, number ${n}"\n`;
        const lines: string[] = [];
        for (let n = 0, length = 0; length <= MAX_SOURCE_LENGTH; n++) {
            lines.push(line(n));
            length += lines[lines.length - 1].length;
        }
        const message = await messageFor(lines.join(''), 'certa.syntax.too-long');
        expect(message).toContain('Split it into several files');
        const half = Math.floor(lines.length / 2);
        await expectClean(lines.slice(0, half).join(''), lines.slice(half).join(''));
    }, 60_000);
});
