import { expectHover } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../../src/certa-module.js';
import { clearTestDocuments, createTestServices, validateSources } from '../test-services.js';

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

const depots = Array.from({ length: 10 }, (_, i) => `site P${i + 1} "Depot ${i + 1}" { personnel 6 internalAudit 2025-10-01 }`).join('\n    ');
const client = `client DEPOTS "Depots Ltd" {
    standard ISO9001
    site HQ "Head office" { personnel 40 central }
    ${depots}
    reduce 10 because "warehousing only"
}`;

/** The inlay hints over the whole of `text`, validated as the editor's one document. */
async function hintsOf(text: string): Promise<InlayHint[]> {
    const [document] = await validateSources(services, text);
    try {
        return await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
        }) ?? [];
    } finally {
        await clearTestDocuments(services);
    }
}

describe('the editor on a client declaration', () => {
    it('shows the computed audit time as an inlay hint after the title', async () => {
        const hints = await hintsOf(client.replace(/\n {4}site P[^\n]*/g, '').replace('personnel 40', 'personnel 100'));
        // 100 people: 6.375 table days, −10 % = 5.74 → 5.5; a third 1.91 → 2; two thirds 3.83 → 4.
        expect(hints.map(h => h.label)).toEqual(['‹100 people: initial 5.5 days, surveillance 2 days, recertification 4 days›']);
        expect(hints[0].position).toEqual({ line: 0, character: 'client DEPOTS "Depots Ltd"'.length });
    });

    it('shows the sample, and that each audit takes the time of its sites, for a multi-site client', async () => {
        // The head office's 40 people: 3.75 days, −10 % = 3.375. MD 1 for 10 sites: 4, 2, 3.
        expect((await hintsOf(client)).map(h => h.label)).toEqual([
            '‹100 people at 11 sites: each audit the time of the sites it visits (central function 3.38 days) · sample 4/2/3 of 10 sites + central›'
        ]);
    });

    it('shows every site at stage 2 and recertification, 30 % per surveillance, when the sites are not sampled (IAF MD 1 6.2)', async () => {
        const unsampled = client.replace('reduce 10', 'noSampling because "each depot handles other goods"\n    reduce 10');
        expect((await hintsOf(unsampled)).map(h => h.label)).toEqual([
            '‹100 people at 11 sites: each audit the time of the sites it visits (central function 3.38 days) · visit 10/3/10 of 10 sites + central›'
        ]);
    });

    it('explains the calculation in the hover on the client', async () => {
        await expectHover(services)({
            text: client.replace('client DEPOTS', 'client DEP<|>OTS'),
            index: 0,
            // Each depot's 6 people: 1.6 days, −10 % = 1.44.
            hover: /\*\*Client DEPOTS\*\*: Depots Ltd[\s\S]*Effective personnel: 100[\s\S]*ISO9001: table MD5_QMS gives 6\.38 days, −10 % → 5\.74[\s\S]*Each site's own initial time \(IAF MD 1 7\.3\): HQ 3\.38, P1 1\.44, [\s\S]*visit 4 at stage 2, 2 per surveillance, 3 at recertification/,
            disposeAfterCheck: true
        });
    });

    it('names in the hover who may not be on the client\'s teams, also when the person register declares it', async () => {
        const register = 'person kay "K. Ay" { conflict DEPOTS employment until 2025-06-30 }\nperson lee "L. Ee"\n';
        await expectHover(services)({
            text: register + client.replace('client DEPOTS', 'client DEP<|>OTS').replace('reduce 10', 'conflict lee consultancy\n    reduce 10'),
            index: 0,
            hover: /Not on its teams \(conflict of interest, ISO\/IEC 17021-1 5\.2\): lee until further notice, kay until 2027-06-30 \(person register\)/,
            disposeAfterCheck: true
        });
    });

    it('says the programme comes later, and shows no hint, while the server has read only part of the workspace', async () => {
        const [document] = await validateSources(services, client);
        try {
            const offset = client.indexOf('DEPOTS') + 2;
            const hover = () => services.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
            });
            const hints = () => services.lsp.InlayHintProvider!.getInlayHints(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(client.length) }
            });
            // As at startup, while the open files are validated before the rest is read (open-first-builder.ts).
            await services.crossFile.WorkspaceFacts.whilePartial(new Set(), async () => {
                expect(JSON.stringify(await hover())).toContain('the programme is computed once the workspace is read');
                expect(await hints()).toEqual([]);
            });
            expect(JSON.stringify(await hover())).toContain('Effective personnel: 100');
        } finally {
            await clearTestDocuments(services);
        }
    });

    it('names the source and confidence of an audit-time table in its hover', async () => {
        await expectHover(services)({
            text: 'auditTime T<|>AB "Own table" { source "CB procedure P-12" confidence confirmed personnel 1 .. 5 days 1 }',
            index: 0,
            hover: /\*\*Audit-time table TAB\*\*: Own table[\s\S]*Source: CB procedure P-12 \(confirmed\)/,
            disposeAfterCheck: true
        });
    });
});
