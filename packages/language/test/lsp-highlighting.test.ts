import { beforeAll, describe, expect, it } from 'vitest';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { SemanticTokenTypes } from 'vscode-languageserver';
import type { CertaServices } from '../src/certa-module.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

describe('semantic tokens', () => {
    it('tells catalogs, clause numbers, roles and activities apart', async () => {
        const tokens = await highlightHelper(services)(
            `role <|LeadAuditor|> "Lead auditor"\nscheme S "s" { activity <|audit1|>: stage1 audit by <|LeadAuditor|> { covers <|ISO9001|> <|8.5.1|> } }`
        );
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.function });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.enumMember });
    });
});

describe('inlay hints', () => {
    async function hintsFor(text: string): Promise<{ hints: InlayHint[]; text: string }> {
        const [document] = await validateSources(services, text);
        try {
            const hints = await services.lsp.InlayHintProvider!.getInlayHints(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
            }) ?? [];
            return { hints, text };
        } finally {
            await clearTestDocuments(services);
        }
    }

    it('shows the heading right after a clause number', async () => {
        const { hints } = await hintsFor(`scheme S "s" { requirement ISO9001 8.5.1 }`);
        expect(hints).toHaveLength(1);
        expect(hints[0].label).toBe('‹Control of production and service provision›');
        expect(hints[0].position).toEqual({ line: 0, character: `scheme S "s" { requirement ISO9001 8.5.1`.length });
        expect(hints[0].paddingLeft).toBe(true);
    });

    it('labels both ends of a range and nothing for a whole catalog or an unknown clause', async () => {
        const { hints } = await hintsFor(`scheme S "s" { requirement ISO9001 8.2 .. 8.5, ISO9001, ISO9001 99.9 }`);
        expect(hints.map(h => h.label)).toEqual(['‹Requirements for products and services›', '‹Production and service provision›']);
    });
});
