import { describe, expect, it } from 'vitest';
import { caseText, diagnostics, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';
import { messageOf } from './test-services.js';

/** Following the advice of a client programme's messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** The snippet of a message that starts with `start`. */
function snippet(message: string, start: string): string {
    const found = snippets(message).find(s => s.startsWith(start));
    expect(found, `a snippet starting with ${start} in: ${message}`).toBeDefined();
    return found!;
}

/** The messages of every diagnostic of the code, in the order reported. */
async function messagesFor(text: string, code: string): Promise<string[]> {
    return (await diagnostics(text)).filter(d => d.code === code).map(messageOf);
}

describe('following the advice of programme messages gives a clean file', () => {
    it('no-audit-time-table: the table skeleton, filled in, is clean', async () => {
        const text = caseText('programme/no-audit-time-table-ok.certa').replace('    standard ISO9001\n', '    standard ISO9001\n    standard ISO17021_1\n');
        const message = await messageFor(text, 'certa.programme.no-audit-time-table');
        const table = snippet(message, 'auditTime ');
        expect(table).toBe('auditTime <Id> "<title>" { standards ISO17021_1 personnel 1 .. <n> days <days> }');
        const filled = table.replace('<Id>', 'CBT').replace('<title>', 'Audit time for ISO/IEC 17021-1 (a CB\'s own table)').replace('<n>', '10').replace('<days>', '2');
        await expectClean(text.replace('client C', `${filled}\nclient C`));
    });

    it('no-audit-time-table: naming a declared table, with a category when it has them, is clean', async () => {
        const text = caseText('programme/no-audit-time-table-ok.certa').replace('    standard ISO9001\n', '    standard ISO9001\n    standard ISO17021_1\n');
        const message = await messageFor(text, 'certa.programme.no-audit-time-table');
        const named = snippet(message, 'standard ISO17021_1 table');
        expect(named).toBe('standard ISO17021_1 table <Id>');
        const complexity = snippet(message, 'complexity ');
        expect(complexity).toBe('complexity <category>'); // table OWN has categories (high, low)
        await expectClean(replaceLine(text, 'standard ISO17021_1', `${named.replace('<Id>', 'OWN')} ${complexity.replace('<category>', 'low')}`));
    });

    it('no-audit-time-table: a missing complexity category, added as offered, is clean', async () => {
        const text = caseText('programme/no-audit-time-table-ok.certa').replace('standard ISO17065 complexity low', 'standard ISO17065');
        const message = await messageFor(text, 'certa.programme.no-audit-time-table');
        expect(message).toContain('Add \'complexity high\' or \'complexity low\' after the standard');
        await expectClean(replaceLine(text, 'standard ISO17065', `standard ISO17065 ${snippet(message, 'complexity high')}`));
    });

    it('no-audit-time-table: an unknown complexity category, replaced as offered, is clean', async () => {
        const text = caseText('programme/no-audit-time-table-ok.certa').replace('complexity low\n', 'complexity medium\n');
        const message = await messageFor(text, 'certa.programme.no-audit-time-table');
        expect(message).toContain('Write \'complexity high\' or \'complexity low\' instead');
        await expectClean(text.replace('complexity medium', snippet(message, 'complexity low')));
    });

    it('audit-time-below-minimum: the initial audit\'s days line, as offered, is clean', async () => {
        const text = caseText('programme/audit-time-below-minimum-ok.certa').replace('{ days 3 }', '{ days 2.5 }');
        const message = await messageFor(text, 'certa.programme.audit-time-below-minimum');
        const days = snippet(message, 'days ');
        expect(days).toBe('days 3');
        expect(message).toContain(`'${days}' on 's2'`);
        await expectClean(text.replace('{ days 2.5 }', `{ ${days} }`));
    });

    it('audit-time-below-minimum: a justified reduction instead, as offered, is clean', async () => {
        const text = caseText('programme/audit-time-below-minimum-ok.certa').replace('{ days 3 }', '{ days 2.5 }');
        const message = await messageFor(text, 'certa.programme.audit-time-below-minimum');
        const reduce = snippet(message, 'reduce ');
        expect(reduce).toBe('reduce <percent> because "…"');
        await expectClean(insertAfter(text, 'site S', reduce.replace('<percent>', '10').replace('…', 'a single product family')));
    });

    it('audit-time-below-minimum: a surveillance or recertification audit planned with the days named is clean', async () => {
        const ok = caseText('programme/audit-time-below-minimum-ok.certa');
        for (const [audit, days] of [['audit v1:', '1.5'], ['audit rc:', '2.5']]) {
            const text = ok.replace(new RegExp(`(${audit}.*)\\{ days ${days} \\}`), '$1{ days 1 }');
            const message = await messageFor(text, 'certa.programme.audit-time-below-minimum');
            expect(message).toContain(`Plan ${days} days`);
            await expectClean(text.replace(new RegExp(`(${audit}.*)\\{ days 1 \\}`), `$1{ days ${days} }`));
        }
    });

    it('audit-time-below-minimum: a multi-site audit planned with the days of the sites it visits, as offered, is clean', async () => {
        // A head office of 20 (2.75 days by Table QMS 1) and a plant of 40 (3.75); each surveillance a third of both.
        const text = `role LeadAuditor "Lead auditor" { needs QmsStandard }
competence QmsStandard "ISO 9001 requirements" basis ISO9001
person lee "L. Ee" { qualified LeadAuditor until 2030-12-31 areas IAF 19 }
person kay "K. Ay" { qualified LeadAuditor until 2030-12-31 areas IAF 19 }
client C "C Ltd" {
    standard ISO9001
    site HQ "Head office" { personnel 20 central }
    site P1 "Plant" { personnel 40 internalAudit 2025-10-01 }
    audit s1: stage1 2026-02-02 { days 1 sites HQ }
    audit s2: stage2 2026-03-02 { days 4 sites HQ, P1 }
    decided 2026-03-20
    audit v1: surveillance 2027-03-01 { days 1.5 sites HQ, P1 }
}
`;
        const initial = await messageFor(text, 'certa.programme.audit-time-below-minimum');
        expect(initial).toContain('the sites they visit give 6.5, each site\'s own time added (HQ 2.75, P1 3.75; IAF MD 1:2018 7.3)');
        const days = snippet(initial, 'days ');
        expect(days).toBe('days 5.5');
        const surveillance = (await messagesFor(text, 'certa.programme.audit-time-below-minimum')).find(m => m.includes("'v1'"))!;
        expect(surveillance).toContain('a third of the time of the sites it visits (HQ 2.75, P1 3.75; IAF MD 1:2018 7.3) is 2');
        await expectClean(text.replace('{ days 4 sites', `{ ${days} sites`).replace('{ days 1.5 sites HQ, P1 }', '{ days 2 sites HQ, P1 }'));
    });

    it('reduction-beyond-limit: lowering each reduction to the limit named is clean', async () => {
        const text = caseText('programme/reduction-beyond-limit.certa');
        const total = await messageFor(text.replace('integration 90 reduce 25', 'integration 90 reduce 20').replace('siteReduction 70', 'siteReduction 50'), 'certa.programme.reduction-beyond-limit');
        expect(total).toContain('Lower them to 30 % in all at most');
        const messages = await messagesFor(text, 'certa.programme.reduction-beyond-limit');
        expect(messages.some(m => m.includes('Lower it to 20 or less'))).toBe(true);
        expect(messages.some(m => m.includes('Lower it to 50 or less'))).toBe(true);
        // 20 + 15 → 20 + 10 = 30 %, the integration to 20 and the site to 50.
        await expectClean(text.replace('reduce 15', 'reduce 10').replace('integration 90 reduce 25', 'integration 90 reduce 20').replace('siteReduction 70', 'siteReduction 50'));
    });

    it('unjustified-adjustment: adding \'because "<why>"\' to each adjustment is clean', async () => {
        const text = caseText('programme/unjustified-adjustment.certa');
        const because = snippet(await messageFor(text, 'certa.programme.unjustified-adjustment'), 'because ');
        expect(because).toBe('because "<why>"');
        const why = (reason: string) => because.replace('<why>', reason);
        await expectClean(text
            .replace('siteReduction 20 }', `siteReduction 20 ${why('storage only')} }`)
            .replace('adjust partTime -4\n', `adjust partTime -4 ${why('8 half-time packers')}\n`)
            .replace('reduce 10\n', `reduce 10 ${why('no design')}\n`)
            .replace('increase 10\n', `increase 10 ${why('regulated products')}\n`)
            .replace('integration 50 reduce 10\n', `integration 50 reduce 10 ${why('common internal audits')}\n`));
    });

    it('on-site-share: planning the days on site named is clean', async () => {
        const text = caseText('programme/on-site-share.certa');
        const message = await messageFor(text, 'certa.programme.on-site-share');
        expect(message).toContain('Plan at least 2.5 days on site');
        await expectClean(text.replace('{ days 3 onSite 2 }', '{ days 3 onSite 2.5 }'));
    });

    it('on-site-share: justifying remote auditing, as offered, is clean', async () => {
        const text = caseText('programme/on-site-share.certa');
        const remote = snippet(await messageFor(text, 'certa.programme.on-site-share'), 'remote ');
        expect(remote).toBe('remote because "…"');
        await expectClean(text.replace('{ days 3 onSite 2 }', `{ days 3 onSite 2 ${remote.replace('…', 'process records reviewed by video call (IAF MD 4)')} }`));
    });

    it('multi-site-not-eligible: marking the site that runs the management system \'central\' is clean', async () => {
        const text = caseText('programme/multi-site-not-eligible-ok.certa').replace('{ personnel 20 central }', '{ personnel 20 internalAudit 2025-09-01 }');
        const message = await messageFor(text, 'certa.programme.multi-site-not-eligible');
        expect(snippets(message)).toContain('central');
        await expectClean(text.replace('{ personnel 20 internalAudit 2025-09-01 }', '{ personnel 20 internalAudit 2025-09-01 central }'));
    });

    it('multi-site-not-eligible: giving the site its internal audit date is clean', async () => {
        const text = caseText('programme/multi-site-not-eligible-ok.certa').replace('{ personnel 20 internalAudit 2025-10-01 }', '{ personnel 20 }');
        const internalAudit = snippet(await messageFor(text, 'certa.programme.multi-site-not-eligible'), 'internalAudit ');
        expect(internalAudit).toBe('internalAudit YYYY-MM-DD');
        await expectClean(text.replace('{ personnel 20 }', `{ personnel 20 ${internalAudit.replace('YYYY-MM-DD', '2025-10-01')} }`));
    });

    it('sample-below-minimum: adding the central function and the number of sites named to each audit is clean', async () => {
        const text = caseText('programme/sample-below-minimum.certa');
        const messages = await messagesFor(text, 'certa.programme.sample-below-minimum');
        expect(messages).toHaveLength(3);
        expect(messages[0]).toContain('Audit \'s2\' visits 2 of 10 sites besides the central function; IAF MD 1 requires 5 (with the increase of 1). Add 3 more sites to its \'sites\'');
        expect(messages[1]).toContain('and leaves out the central function \'HQ\'. Add \'HQ\' and 1 more site to its \'sites\'');
        expect(messages[2]).toContain('Add 1 more site to its \'sites\'');
        await expectClean(text
            .replace('{ sites HQ, P1, P2 }', '{ sites HQ, P1, P2, P3, P4, P5 }')
            .replace('{ sites P4, P5 }', '{ sites HQ, P4, P5, P6 }')
            .replace('{ sites HQ, P8, P9, P10 }', '{ sites HQ, P8, P9, P10, P1 }'));
    });

    it('sample-below-minimum: an audit that leaves out only the central function is clean with it added', async () => {
        const text = caseText('programme/sample-below-minimum-ok.certa').replace('{ sites HQ, P5, P6 }', '{ sites P5, P6 }');
        const message = await messageFor(text, 'certa.programme.sample-below-minimum');
        expect(message).toContain('Add \'HQ\' to its \'sites\'');
        await expectClean(text.replace('{ sites P5, P6 }', `{ sites ${snippet(message, 'HQ')}, P5, P6 }`));
    });

    it('site-never-visited: adding the site to the sites of a surveillance audit is clean', async () => {
        const text = caseText('programme/site-never-visited.certa');
        const message = await messageFor(text, 'certa.programme.site-never-visited');
        expect(message).toContain('Add it to the \'sites\' of a stage 2, surveillance or recertification audit');
        await expectClean(replaceLine(text, 'audit v1:', 'audit v1: surveillance 2027-03-01 { sites HQ, P1, P2, P3 }'));
    });

    it('surveillance-window-missed: moving the first surveillance to the date named and adding the year\'s audit is clean', async () => {
        const text = caseText('programme/surveillance-window-missed.certa');
        const messages = await messagesFor(text, 'certa.programme.surveillance-window-missed');
        const late = messages.find(m => m.startsWith('The first surveillance audit'))!;
        const latest = /Move it to (\d{4}-\d{2}-\d{2}) or earlier/.exec(late)?.[1];
        expect(latest).toBe('2027-03-20');
        const year = snippet(messages.find(m => m.startsWith('No surveillance audit is planned in 2028'))!, 'audit ');
        expect(year).toBe('audit <name>: surveillance 2028-MM-DD');
        await expectClean(insertAfter(text.replace('surveillance 2027-03-21', `surveillance ${latest}`), 'audit v1:',
            year.replace('<name>', 'v2').replace('MM-DD', '06-01')));
    });

    it('recertification-after-expiry: ending the audit on the day named is clean', async () => {
        const text = caseText('programme/recertification-after-expiry.certa');
        const end = snippet(await messageFor(text, 'certa.programme.recertification-after-expiry'), '.. ');
        expect(end).toBe('.. 2029-03-19');
        await expectClean(text.replace('2029-03-18 .. 2029-03-20', `2029-03-18 ${end}`));
    });

    it('team-lacks-area: adding a team member who works in the area is clean', async () => {
        const text = caseText('programme/team-ok.certa').replace('{ team lee as LeadAuditor, tex as Expert }', '{ team lee as LeadAuditor }');
        const areas = snippet(await messageFor(text, 'certa.programme.team-lacks-area'), 'areas ');
        expect(areas).toBe('areas IAF 19');
        expect(text).toContain(`person tex "T. Ex" { qualified Expert until 2030-12-31 ${areas} }`);
        await expectClean(text.replace('{ team lee as LeadAuditor }', '{ team lee as LeadAuditor, tex as Expert }'));
    });

    it('team-lacks-standard: adding someone with a competence resting on the standard is clean', async () => {
        const text = caseText('programme/team-ok.certa').replace('{ team lee as LeadAuditor, tex as Expert }', '{ team tex as Expert }');
        const basis = snippet(await messageFor(text, 'certa.programme.team-lacks-standard'), 'basis ');
        expect(basis).toBe('basis ISO9001');
        expect(text).toContain(`competence QmsStandard "ISO 9001 requirements" ${basis}`); // lee's role LeadAuditor needs it
        await expectClean(text.replace('{ team tex as Expert }', '{ team tex as Expert, lee as LeadAuditor }'));
    });

    it('qualification-expired-on-audit: renewing the qualification with a new \'until\' is clean', async () => {
        const text = caseText('programme/team-ok.certa').replace('qualified LeadAuditor until 2026-03-02', 'qualified LeadAuditor until 2026-03-01');
        const until = snippet(await messageFor(text, 'certa.programme.qualification-expired-on-audit'), 'until ');
        expect(until).toBe('until <date>');
        await expectClean(text.replace('qualified LeadAuditor until 2026-03-01', `qualified LeadAuditor ${until.replace('<date>', '2029-02-28')}`));
    });

    it('qualification-expired-on-audit: putting someone qualified in the person\'s place is clean', async () => {
        const text = caseText('programme/team-ok.certa').replace('qualified LeadAuditor until 2026-03-02', 'qualified LeadAuditor until 2026-03-01');
        const message = await messageFor(text, 'certa.programme.qualification-expired-on-audit');
        expect(message).toContain('put someone qualified in lee\'s place');
        await expectClean(insertAfter(text, 'person tex', 'person amy "A. My" { qualified LeadAuditor until 2030-12-31 areas IAF 17 }')
            .replace('{ team lee as LeadAuditor, tex as Expert }', '{ team amy as LeadAuditor, tex as Expert }'));
    });

    it('conflicted-auditor: putting someone else in the person\'s place is clean', async () => {
        const text = caseText('programme/team-ok.certa').replace('consultancy until 2025-01-31', 'consultancy until 2025-06-30');
        const message = await messageFor(text, 'certa.programme.conflicted-auditor');
        expect(message).toContain('Put someone else in kay\'s place in its team');
        await expectClean(insertAfter(text, 'person tex', 'person amy "A. My" { qualified LeadAuditor until 2030-12-31 areas IAF 17 }')
            .replace('{ team kay as LeadAuditor,', '{ team amy as LeadAuditor,'));
    });

    it('decision-maker-on-team: naming another decision maker, as offered, is clean', async () => {
        const text = caseText('programme/decision-maker-on-team.certa');
        const decided = snippet(await messageFor(text, 'certa.programme.decision-maker-on-team'), 'decided ');
        expect(decided).toBe('decided 2026-03-20 by <person>');
        await expectClean(replaceLine(text, 'decided ', decided.replace('<person>', 'kay')));
    });

    it('special-audit-without-scope: adding \'covers <clauses>\' inside its braces is clean', async () => {
        const text = caseText('programme/special-audit-ok.certa').replace('{ covers ISO9001 8.3, ISO9001 8.5.1 team', '{ team');
        const covers = snippet(await messageFor(text, 'certa.programme.special-audit-without-scope'), 'covers ');
        expect(covers).toBe('covers <clauses>');
        await expectClean(text.replace('special 2026-09-01 { team', `special 2026-09-01 { ${covers.replace('<clauses>', 'ISO9001 8.3, ISO9001 8.5.1')} team`));
    });

    it('covers-outside-special-audit: removing the covers named, or making it a special audit, is clean', async () => {
        const text = insertAfter(caseText('programme/special-audit-ok.certa'), 'audit ext:', 'audit v1: surveillance 2027-02-01 { covers ISO9001 8.3 team kay as LeadAuditor }');
        const message = await messageFor(text, 'certa.programme.covers-outside-special-audit');
        const covers = snippet(message, 'covers ');
        expect(covers).toBe('covers ISO9001 8.3');
        await expectClean(text.replace(`{ ${covers} team kay as LeadAuditor }`, '{ team kay as LeadAuditor }'));
        const special = snippet(message, 'v1: ');
        expect(special).toBe('v1: special');
        await expectClean(text.replace('v1: surveillance', special));
    });

    it('special-clause-not-audited: a clause of a standard the scheme does not audit is replaced by one of the certified standard', async () => {
        const text = caseText('programme/special-audit-ok.certa').replace('covers ISO9001 8.3, ISO9001 8.5.1 team', 'covers ISO17021_1 9.6.4 team');
        const message = await messageFor(text, 'certa.programme.special-clause-not-audited');
        expect(message).not.toContain('Cover it in one of the scheme\'s audit activities');
        const covers = snippet(message, 'covers ISO9001');
        expect(covers).toBe('covers ISO9001 <clause>');
        await expectClean(text.replace('covers ISO17021_1 9.6.4', covers.replace('<clause>', '8.3')));
    });
});
