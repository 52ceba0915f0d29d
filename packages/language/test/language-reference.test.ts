import * as fs from 'node:fs';
import { AstUtils, GrammarAST } from 'langium';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { CertaGrammar } from '../src/generated/grammar.js';
import { keywordDescriptions } from '../src/lsp/keyword-descriptions.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

const referenceUrl = new URL('../../../docs/language.md', import.meta.url);
const reference = fs.readFileSync(referenceUrl, 'utf8');
const TABLE = 'packages/language/src/lsp/keyword-descriptions.ts';
const UPDATE = `UPDATE_KEYWORDS=1 npx vitest run packages/language/test/language-reference.test.ts`;

/** Each ```certa block of the reference with the statement above it: `<!-- clean -->` or `<!-- reports code … -->`. */
function snippets(): Array<{ name: string; source: string; expected: string[] | undefined }> {
    return [...reference.matchAll(/(?:<!--\s*(clean|reports ([^>]*?))\s*-->\s*\n)?```certa\n([\s\S]*?)```/g)].map((match, i) => ({
        name: `docs/language.md #${i + 1} (line ${reference.slice(0, match.index).split('\n').length + 1})`,
        source: match[3],
        expected: match[1] === undefined ? undefined : (match[2] ?? '').split(/\s+/).filter(Boolean).sort()
    }));
}

/** Every keyword of the grammar a designer writes: words, and the punctuation that carries a meaning. */
function grammarKeywords(): string[] {
    const keywords = AstUtils.streamAllContents(CertaGrammar()).filter(GrammarAST.isKeyword).map(k => k.value);
    return [...new Set(keywords)].filter(k => /\p{L}/u.test(k) || k === '..' || k === '|').sort();
}

/** The keyword index as the table writes it. */
function keywordIndex(): string {
    const rows = Object.keys(keywordDescriptions).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
        .map(k => `| \`${k}\` | ${keywordDescriptions[k].replace(/\|/g, '\\|')} |`);
    return ['| keyword | meaning |', '|---|---|', ...rows].join('\n');
}

const INDEX = /(<!-- keyword-index:start -->\n)[\s\S]*?(<!-- keyword-index:end -->)/;

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});
afterEach(() => clearTestDocuments(services));

describe('docs/language.md', () => {
    it('every keyword of the grammar has a description', () => {
        const missing = grammarKeywords().filter(k => !Object.hasOwn(keywordDescriptions, k));
        const message = `Keywords of the grammar without a description: ${missing.join(', ')}. `
            + `Add each to ${TABLE} (one line in a scheme designer's words; hover and completion show it), `
            + `describe where it is used in the matching section of docs/language.md, then run ${UPDATE} to rewrite the keyword index.`;
        expect(missing, message).toEqual([]);
    });

    it('every description belongs to a keyword of the grammar', () => {
        const keywords = new Set(grammarKeywords());
        const stale = Object.keys(keywordDescriptions).filter(k => !keywords.has(k));
        expect(stale, `${TABLE} describes words the grammar no longer has: ${stale.join(', ')}. Remove them, then run ${UPDATE}.`).toEqual([]);
    });

    it('the keyword index repeats the table', () => {
        const expected = reference.replace(INDEX, `$1${keywordIndex()}\n$2`);
        if (process.env.UPDATE_KEYWORDS) fs.writeFileSync(referenceUrl, expected);
        else expect(reference, `The keyword index of docs/language.md differs from ${TABLE}; run ${UPDATE}.`).toBe(expected);
    });

    it('every keyword appears in the body of the reference, not only in the index', () => {
        const body = reference.replace(INDEX, '');
        const absent = grammarKeywords().filter(k => !new RegExp(`(^|[^\\w])${k.replace(/[.|]/g, '\\$&')}([^\\w]|$)`).test(body));
        expect(absent, `docs/language.md never shows these keywords in use: ${absent.join(', ')}; add them to the section where they belong.`).toEqual([]);
    });

    it('every snippet says how it validates', () => {
        expect(snippets().filter(s => s.expected === undefined).map(s => s.name)).toEqual([]);
    });

    it.each(snippets())('$name validates as stated', async ({ source, expected }) => {
        const [document] = await validateSources(services, source);
        const found = [...new Set((document.diagnostics ?? []).map(d => String(d.code)))].sort();
        const details = (document.diagnostics ?? []).map(d => `${d.range.start.line + 1}: ${d.code} ${String(d.message)}`).join('\n');
        expect(found, details).toEqual(expected ?? []);
    });
});
