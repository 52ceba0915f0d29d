import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { createTestServices, validateSources } from './test-services.js';

/** Every ```certa block of the user-facing docs, so the docs never show syntax the parser rejects. */
function snippets(file: string): Array<[string, string]> {
    const url = new URL(`../../../${file}`, import.meta.url);
    if (!fs.existsSync(url)) return [];
    const text = fs.readFileSync(url, 'utf8');
    const blocks = [...text.matchAll(/```certa\n([\s\S]*?)```/g)].map(match => match[1]);
    return blocks.map((block, i) => [`${file} #${i + 1}`, block]);
}

const documented = [...snippets('README.md'), ...snippets('docs/rules.md')];

let services: CertaServices;
beforeAll(async () => {
    services = await createTestServices();
});

describe('documentation snippets', () => {
    it('the README has snippets to check', () => {
        expect(documented.filter(([name]) => name.startsWith('README')).length).toBeGreaterThan(3);
    });

    it.each(documented)('%s parses without syntax errors', async (_name, source) => {
        const [document] = await validateSources(services, source);
        const syntaxErrors = (document.diagnostics ?? []).filter(d => String(d.code).startsWith('certa.syntax'));
        expect(syntaxErrors.map(d => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });
});
