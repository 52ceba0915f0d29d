import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, messageOf, validateSources } from './test-services.js';

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});
afterEach(() => clearTestDocuments(services));

async function syntaxMessages(source: string): Promise<string[]> {
    const [document] = await validateSources(services, source);
    return (document.diagnostics ?? []).filter(d => String(d.code).startsWith('certa.syntax')).map(messageOf);
}

describe('syntax errors in the designer\'s words', () => {
    it('list every word that may come where a scheme member was expected', async () => {
        const [message] = await syntaxMessages(`scheme S "s" {\n    operatedUnder ISO17065\n    auditDays 3\n}`);
        // was: Expecting token of type '}' but found `auditTime`.
        expect(message).toBe("Expected one of: accept, activity, addresses, appeals, ask, certificate, certifies, combine, complaints, cycle, "
            + "exclude, externalBody, grade, lifecycle, mark, operatedUnder, owner, recertification, requirement, scope, surveillance, type, "
            + "usesQms, version or '}' here, not 'auditDays'.");
    });

    it('suggest the keyword a misspelt word was meant to be', async () => {
        const [inCheck] = await syntaxMessages(`scheme S "s" { activity t: determination testing { check c "q" evidnce "x" } }`);
        expect(inCheck).toMatch(/^Expected one of: check, covers, criteria, evidence, graded, limits, refs, sample, samplingPlan, unit or '}' here, not 'evidnce'\. Did you mean evidence\?$/);
        const [atTop] = await syntaxMessages(`schem S "x" {}`);
        expect(atTop).toBe("Expected one of: accept, addresses, auditTime, catalog, client, competence, mark, person, questions, role or scheme here, not 'schem'. Did you mean scheme?");
        const [kind] = await syntaxMessages(`scheme S "s" { activity t: determnation testing }`);
        expect(kind).toMatch(/Expected one of: applicationReview, attestation, decision, determination, .* here, not 'determnation'\. Did you mean determination\?/);
    });

    it('say what may come at the end of a file cut short', async () => {
        const [message] = await syntaxMessages(`scheme S "x" {\n    version "1"\n`);
        expect(message).toMatch(/^Expected one of: accept, activity, .* or '}' here, not the end of the file\.$/);
    });

    it('name values in words: a name, a quoted text', async () => {
        const [message] = await syntaxMessages(`role 12 "x"`);
        expect(message).toBe("Expected a name here, not '12'.");
    });
});

describe('syntax errors after many declarations', () => {
    it('are worded as well as in a short file, reading again only the declaration they are in', async () => {
        const before = Array.from({ length: 3000 }, (_, i) => `role R${i} "Role ${i}"`).join('\n');
        const broken = `scheme S "s" {\n    operatedUnder ISO17065\n    auditDays 3\n}`;
        const parser = services.parser.CompletionParser;
        const parse = parser.parse.bind(parser);
        const reread: number[] = [];
        parser.parse = (text: string) => { reread.push(text.length); return parse(text); };
        try {
            const [message] = await syntaxMessages(`${before}\n${broken}\n${before.replace(/R(\d)/g, 'Q$1')}`);
            expect(message).toBe((await syntaxMessages(broken))[0]);
        } finally {
            parser.parse = parse;
        }
        // Each rereading is the broken scheme up to the error, not the 3,000 roles before it.
        expect(reread.length).toBeGreaterThan(0);
        expect(Math.max(...reread)).toBeLessThan(broken.length);
    });
});

describe('clause numbers as standards write them', () => {
    const catalog = `catalog REG "Regulation" {
    clause II "Annex II" { clause II.1 "Part A" }
    clause XIV "Annex XIV" { clause XIV.3 "Roman" }
    clause 4 "Four" { clause 4a "Inserted" clause 4.1 "x" { clause 4.1a "Amended" clause 4.1.b "Lettered" } }
    clause 9 "Nine" { clause 9_a "a" clause 9_b "b" }
    clause VI "Elements" { clause VIa "a" }
}`;

    it('parse, nest and resolve: II.1, 4a, 4.1a, 4.1.b, 9_a, VIa', async () => {
        const [document] = await validateSources(services, `${catalog}
competence C "c" basis REG II.1, REG 4.1a, REG 4.1.b, REG 9_a .. 9_b, REG 4a, REG VIa, REG XIV.3`);
        expect((document.diagnostics ?? []).map(messageOf)).toEqual([]);
    });

    it('say how clause numbers are written where one is malformed', async () => {
        const messages = await syntaxMessages(`catalog X "x" { clause 4. "h" }`);
        expect(messages[0]).toBe("Unexpected character '.'. Clause numbers are written 8.5.1, 4a, 4.1a, 9_a, A.2.2 or II.1 "
            + "(digits or one letter in each part, no part empty); a range is written with ' .. ' (8.2 .. 8.5).");
    });

    it('still refuse a nested number that does not extend its parent, saying how it may extend', async () => {
        const [document] = await validateSources(services, `catalog X "x" { clause 4 "h" { clause 5_a "k" } }`);
        expect((document.diagnostics ?? []).map(messageOf)).toEqual([
            "Clause 5_a is nested in clause 4, so its number must extend '4' (4.1, 4_a, 4a). Move it out of 4 or renumber it."
        ]);
    });
});
