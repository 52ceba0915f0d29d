import { beforeAll, describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { CompletionTriggerKind } from 'vscode-languageserver';
import { keywordDescriptions } from '../src/lsp/keyword-descriptions.js';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;
let complete: ReturnType<typeof expectCompletion>;

beforeAll(async () => {
    services = await createTestServices();
    complete = expectCompletion(services);
});

const roles = `
competence QmsStandard "ISO 9001 knowledge"
role LeadAuditor "Lead auditor" { needs QmsStandard }
role Reviewer "Certification reviewer"
`;

async function completionsAt(text: string): Promise<CompletionList> {
    let result: CompletionList | undefined;
    await complete({ text, index: 0, assert: list => { result = list; }, disposeAfterCheck: true });
    return result!;
}

function labels(list: CompletionList): string[] {
    return list.items.map(item => item.label);
}

describe('completion', () => {
    it('offers the clause numbers of the catalog after its id, in document order, with headings', async () => {
        const list = await completionsAt(`scheme S "s" { requirement ISO9001 <|> }`);
        const numbers = labels(list);
        expect(numbers).toContain('8.5.1');
        expect(numbers).toContain('4');
        const item = list.items.find(i => i.label === '8.5.1') as CompletionItem;
        expect(item.detail).toBe('Control of production and service provision');
        expect(item.labelDetails?.description).toBe('Control of production and service provision');
        // sorted as in the standard: 4 before 10, 8.5 before 8.5.1
        const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
        expect(sorted.indexOf('4')).toBeLessThan(sorted.indexOf('10'));
        expect(sorted.indexOf('8.5')).toBeLessThan(sorted.indexOf('8.5.1'));
    });

    it('narrows clause numbers to what has been typed', async () => {
        const list = await completionsAt(`scheme S "s" { activity a: stage1 audit { covers ISO9001 8.5<|> } }`);
        const numbers = labels(list);
        expect(numbers).toContain('8.5.1');
        expect(numbers).not.toContain('4.1');
    });

    it('offers the catalogs by id with their titles', async () => {
        const list = await completionsAt(`scheme S "s" { requirement <|> }`);
        const iso9001 = list.items.find(i => i.label === 'ISO9001');
        expect(iso9001?.labelDetails?.description).toBe('Quality management systems - Requirements');
    });

    it('offers roles after `by` and competences after `needs`', async () => {
        const byList = await completionsAt(`${roles} scheme S "s" { activity review: review by <|> }`);
        expect(labels(byList)).toEqual(expect.arrayContaining(['LeadAuditor', 'Reviewer']));
        expect(byList.items.find(i => i.label === 'Reviewer')?.labelDetails?.description).toBe('Certification reviewer');
        expect(labels(byList)).not.toContain('QmsStandard');

        const needsList = await completionsAt(`${roles} role Auditor "Auditor" { needs <|> }`);
        expect(labels(needsList)).toContain('QmsStandard');
        expect(labels(needsList)).not.toContain('LeadAuditor');
    });

    it('offers the scheme types of the catalog after `type`, with their titles', async () => {
        const list = await completionsAt(`scheme S "s" { type ISO17067 <|> }`);
        expect(labels(list)).toEqual(expect.arrayContaining(['1a', '1b', '5']));
        expect(list.items.find(i => i.label === '5')?.labelDetails?.description).toBeTruthy();
    });

    it('offers declared marks after `licenses`', async () => {
        const list = await completionsAt(`scheme S "s" { mark CIRCLE "approval mark" on products  activity licence: attestation licenses <|> }`);
        expect(labels(list)).toContain('CIRCLE');
    });

    it('offers the keywords that fit the place', async () => {
        const inScheme = labels(await completionsAt(`scheme S "s" { <|> }`));
        expect(inScheme).toEqual(expect.arrayContaining(['activity', 'operatedUnder', 'surveillance', 'requirement']));
        expect(inScheme).not.toContain('catalog');

        const kinds = labels(await completionsAt(`scheme S "s" { activity a: <|> }`));
        expect(kinds).toEqual(expect.arrayContaining(['selection', 'determination', 'stage1', 'decision']));
        expect(kinds).not.toContain('activity');

        // Where a new name comes, none of the keywords that may also be names is offered.
        expect(labels(await completionsAt(`role <|>`))).toEqual([]);
        expect(labels(await completionsAt(`scheme S "s" { activity <|> }`))).toEqual([]);
    });

    it('offers the codes of acceptable rules after `accept`, quoted, with their summaries', async () => {
        const list = await completionsAt(`scheme S "s" { accept <|> }`);
        expect(list.items.length).toBeGreaterThan(0);
        for (const item of list.items) {
            expect(item.label).toMatch(/^certa\./);
            expect(item.textEdit?.newText ?? item.insertText).toBe(`"${item.label}"`);
            expect(item.documentation).toBeTruthy();
        }
    });

    it('offers the scheme\'s activities, checks and marks after `accept "…" on`', async () => {
        const list = await completionsAt(`scheme S "s" {
    mark CIRCLE "approval mark"
    activity typeTest: determination testing { check resistance "Conductor resistance" }
    accept "certa.x" on <|>
}
scheme Other "o" { activity elsewhere: review }`);
        expect(labels(list)).toEqual(expect.arrayContaining(['CIRCLE', 'typeTest', 'resistance']));
        expect(labels(list)).not.toContain('elsewhere');
    });
    it('offers the members of integrated schemes and grades: combine, grade, deadlines, verification', async () => {
        expect(labels(await completionsAt(`scheme S "s" { certifies managementSystem ISO9001 <|> }`))).toEqual(expect.arrayContaining(['combine', 'grade']));
        expect(labels(await completionsAt(`scheme S "s" { combine ISO9001 9.2 <|> }`))).toContain('with');
        expect(labels(await completionsAt(`scheme S "s" { grade major "Major" { <|> } }`))).toEqual(expect.arrayContaining(['means', 'correction', 'correctiveAction', 'verified']));
        expect(labels(await completionsAt(`scheme S "s" { grade major "Major" { verified <|> } }`))).toEqual(expect.arrayContaining(['onSite', 'byDocuments', 'atNextAudit']));
        expect(labels(await completionsAt(`scheme S "s" { grade major "Major" { verified onSite <|> } }`))).toContain('beforeDecision');
        expect(labels(await completionsAt(`scheme S "s" { grade critical "Critical" as <|> }`))).toEqual(expect.arrayContaining(['major', 'minor', 'observation']));
        expect(labels(await completionsAt(`scheme S "s" { scope "Cables" areas IAF <|> }`))).toContain('19');
    });

    it('offers the keywords at the start of a member with what each one means', async () => {
        const list = await completionsAt(`scheme S "s" { <|> }`);
        const item = list.items.find(i => i.label === 'operatedUnder') as CompletionItem;
        expect(item.detail).toBe(keywordDescriptions.operatedUnder);
        expect(item.documentation).toEqual({ kind: 'markdown', value: keywordDescriptions.operatedUnder });
        expect(labels(list)).toEqual(expect.arrayContaining(['activity', 'certifies', 'surveillance', 'version']));
    });

    it('opens the clause list when a space is typed after a catalog name, and stays quiet after other spaces', async () => {
        const triggered = async (text: string) => {
            const document = (await validateSources(services, text.replace('<|>', '')))[0];
            const offset = text.indexOf('<|>');
            const list = await services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
                context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' }
            });
            await clearTestDocuments(services);
            return labels(list!);
        };
        expect(services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toContain(' ');
        expect(await triggered(`scheme S "s" { requirement ISO9001 <|>\n}`)).toContain('8.5.1');
        expect(await triggered(`scheme S "s" { requirement ISO9001 8.5, ISO17065 <|>\n}`)).toContain('7.4');
        expect(await triggered(`scheme S "s" { version <|>\n}`)).toEqual([]);
        expect(await triggered(`scheme S "s" { activity a: stage1 <|>\n}`)).toEqual([]);
    });


    it('offers the keywords of operating a scheme, each with what it means', async () => {
        const inScheme = await completionsAt(`scheme S "s" { <|> }`);
        expect(labels(inScheme)).toEqual(expect.arrayContaining(['lifecycle', 'externalBody', 'complaints', 'appeals', 'certificate']));
        const lifecycle = inScheme.items.find(i => i.label === 'lifecycle');
        expect(JSON.stringify(lifecycle?.documentation)).toContain('ISO/IEC 17021-1 9.6.4, 9.6.5');

        const inLifecycle = labels(await completionsAt(`scheme S "s" { lifecycle { <|> } }`));
        expect(inLifecycle).toEqual(expect.arrayContaining(['specialAudit', 'suspension', 'withdrawal', 'scopeReduction', 'changes', 'transfer']));
        expect(inLifecycle).not.toContain('activity');

        const accreditations = labels(await completionsAt(`scheme S "s" { externalBody Lab "lab" { accreditedTo <|> } }`));
        expect(accreditations).toEqual(expect.arrayContaining(['ISO_IEC_17025', 'ISO_IEC_17020', 'ISO_IEC_17021_1']));

        const sources = labels(await completionsAt(`scheme S "s" { activity a: selection { samplingPlan "drums" from <|> } }`));
        expect(sources).toEqual(expect.arrayContaining(['market', 'factory', 'operator', 'site', 'field', 'installation']));
    });

    it('offers every activity of the scheme after `performs`, surveillance ones included, and no other scheme\'s', async () => {
        const list = await completionsAt(`scheme S "s" {
    activity typeTest: determination testing
    surveillance every 12 months { activity marketSamples: determination testing from market }
    externalBody Lab "lab" { performs <|> }
}
scheme Other "o" { activity elsewhere: determination testing }`);
        expect(labels(list)).toEqual(expect.arrayContaining(['typeTest', 'marketSamples']));
        expect(labels(list)).not.toContain('elsewhere');
    });
});
