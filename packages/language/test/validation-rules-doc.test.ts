import * as fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import { allRules } from '../src/validation/rule-catalog.js';
import { setToday } from '../src/validation/validation-clock.js';
import { clearTestDocuments, createTestServices, validateSources } from './test-services.js';

/** docs/rules.md documents every rule as the code defines it, and its snippets behave as it says. */
const rulesDoc = fs.readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

interface DocumentedRule {
    code: string;
    header: string;
    body: string;
    reported?: string;
    notReported?: string;
}

function documentedRules(): Map<string, DocumentedRule> {
    const result = new Map<string, DocumentedRule>();
    for (const section of rulesDoc.split(/^### /m).slice(1)) {
        const code = /^`([^`]+)`/.exec(section)?.[1];
        if (!code) continue;
        const header = section.split('\n').find(line => line.startsWith('**')) ?? '';
        const reported = /Reported:\s*```certa(?:-invalid)?\n([\s\S]*?)```/.exec(section)?.[1];
        const notReported = /Not reported:\s*```certa\n([\s\S]*?)```/.exec(section)?.[1];
        result.set(code, { code, header, body: section, reported, notReported });
    }
    return result;
}

const documented = documentedRules();
const withSnippets = [...documented.values()].filter(rule => rule.reported !== undefined && rule.notReported !== undefined);

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    setToday(undefined);
    await clearTestDocuments(services);
});

async function codesOf(source: string): Promise<string[]> {
    setToday('2026-06-01');
    const [document] = await validateSources(services, source);
    return (document.diagnostics ?? []).map(d => String(d.code));
}

describe('docs/rules.md', () => {
    it('documents every rule with its severity, basis and summary', () => {
        const problems: string[] = [];
        for (const rule of allRules()) {
            const doc = documented.get(rule.code);
            if (!doc) {
                problems.push(`${rule.code}: not documented`);
                continue;
            }
            if (!doc.header.startsWith(`**${rule.severity}** · basis: ${rule.basis}`)) {
                problems.push(`${rule.code}: header '${doc.header}' does not say **${rule.severity}** · basis: ${rule.basis}`);
            }
            if ((rule.acceptable === false) !== doc.header.includes('· cannot be accepted')) {
                problems.push(`${rule.code}: header must say '· cannot be accepted' exactly when the rule is not acceptable`);
            }
            if (!doc.body.includes(rule.summary)) {
                problems.push(`${rule.code}: summary missing`);
            }
        }
        const known = new Set(allRules().map(r => r.code));
        problems.push(...[...documented.keys()].filter(code => !known.has(code)).map(code => `${code}: documented but no such rule`));
        expect(problems).toEqual([]);
    });

    it('shows snippets for the rules', () => {
        // Whole-file conditions (binary, empty, 65 nested levels, over 4 MB) and internal errors (a bug) have no snippet.
        const noSnippet = new Set(['certa.syntax.not-text', 'certa.syntax.empty-file', 'certa.syntax.too-deep', 'certa.syntax.too-long', 'certa.internal.error']);
        const shown = new Set(withSnippets.map(rule => rule.code));
        expect(allRules().map(r => r.code).filter(code => !shown.has(code) && !noSnippet.has(code))).toEqual([]);
    });

    it.each(withSnippets.map(rule => [rule.code, rule] as const))('%s: the first snippet reports it, the second does not', async (code, rule) => {
        expect(await codesOf(rule.reported!)).toContain(code);
        await clearTestDocuments(services);
        expect(await codesOf(rule.notReported!)).not.toContain(code);
    });
});
