import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createCertaServices } from '@certa/language';
import { refineGrammar, valueKeywords } from '../scripts/refine-grammar.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..', '..');
const grammarText = fs.readFileSync(path.join(repositoryRoot, 'packages', 'language', 'src', 'grammar', 'certa.langium'), 'utf8');
const generated = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'syntaxes', 'certa.tmLanguage.json'), 'utf8'));

/** What the user gets when accepting a snippet with its default choices. */
function expandSnippet(body: string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\t/g, '    ');
}

describe('snippets', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(here, '..', 'snippets', 'certa.json'), 'utf8')) as
        Record<string, { prefix: string; body: string[] }>;
    const { Certa } = createCertaServices(NodeFileSystem);

    it.each(Object.entries(snippets))('"%s" expands to Certa that parses', (_name, snippet) => {
        let text = expandSnippet(snippet.body);
        if (snippet.prefix === 'activity') text = `scheme S "s" {\n${text}\n}`;
        const document = Certa.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/snippets/${snippet.prefix}.certa`));
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    });
});

describe('the refined TextMate grammar', () => {
    const refined = refineGrammar(generated, grammarText);
    const pattern = (name: string) => refined.patterns.find((p: { name?: string; comment?: string }) => p.name === name || p.comment?.startsWith(name));

    it('tells value words from structure keywords, also for a word that is both', () => {
        const values = valueKeywords(grammarText);
        expect(values).toContain('determination');
        expect(values).toContain('products');
        expect(values).not.toContain('surveillance');
        expect(new RegExp(pattern('keyword.control.certa').match).test('surveillance')).toBe(true);
        expect(new RegExp(pattern('constant.language.certa').match).test('testing')).toBe(true);
    });

    it('marks the catalog and clause number of a clause reference', () => {
        const reference = new RegExp(pattern('clause reference').match);
        expect(reference.exec('covers ISO9001 8.5.1, ISO17021_1 A')?.slice(1, 3)).toEqual(['ISO9001', '8.5.1']);
        expect(reference.exec('areas IAF 19')?.slice(1, 3)).toEqual(['IAF', '19']);
        expect(reference.test('cycle 3 years')).toBe(false);
    });

    it('keeps the generated comment and string rules', () => {
        expect(refined.repository.comments).toEqual(generated.repository.comments);
        expect(refined.patterns.some((p: { name?: string }) => p.name?.startsWith('string.quoted.double'))).toBe(true);
    });
});
