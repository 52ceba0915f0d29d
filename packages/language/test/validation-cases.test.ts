import { URI } from 'langium';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CertaServices } from '../src/certa-module.js';
import { allRules } from '../src/validation/rule-catalog.js';
import { setToday } from '../src/validation/validation-clock.js';
import { clearTestDocuments, createTestServices, messageOf } from './test-services.js';
import type { ExpectedDiagnostic, ValidationCase } from './validation-cases.js';
import { discoverCases, parseExpectations } from './validation-cases.js';

/** The date cases are judged on unless they say `// today …`. */
const defaultToday = '2026-06-01';

let services: CertaServices;

beforeAll(async () => {
    services = await createTestServices();
});

afterEach(async () => {
    setToday(undefined);
    await clearTestDocuments(services);
});

afterAll(() => setToday(undefined));

interface ActualDiagnostic {
    file: string;
    line: number;
    column: number;
    code: string;
    text: string;
    message: string;
}

async function run(validationCase: ValidationCase): Promise<ActualDiagnostic[]> {
    setToday(validationCase.today ?? defaultToday);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const created = validationCase.files.map(file => {
        const document = factory.fromString(file.text, URI.file(`/test-workspace/cases/${validationCase.name}/${file.name}`));
        documents.addDocument(document);
        return { file, document };
    });
    await services.shared.workspace.DocumentBuilder.build(created.map(c => c.document), { validation: true });
    return created.flatMap(({ file, document }) => (document.diagnostics ?? []).map((d: Diagnostic) => ({
        file: file.name,
        line: d.range.start.line,
        column: d.range.start.character + 1,
        code: String(d.code),
        text: document.textDocument.getText(d.range),
        message: messageOf(d)
    })));
}

function matches(expected: ExpectedDiagnostic, actual: ActualDiagnostic): boolean {
    return expected.file === actual.file && expected.line === actual.line && expected.code === actual.code
        && (expected.column === undefined || expected.column === actual.column)
        && (expected.text === undefined || expected.text === actual.text);
}

function describeExpected(e: ExpectedDiagnostic): string {
    return `${e.file}:${e.line + 1}${e.column ? `:${e.column}` : ''} ${e.code}${e.text !== undefined ? ` on "${e.text}"` : ''}`;
}

function describeActual(a: ActualDiagnostic): string {
    return `${a.file}:${a.line + 1}:${a.column} ${a.code} on "${a.text}": ${a.message}`;
}

const cases = discoverCases();

/**
 * Whole-file conditions a case file cannot show (binary input, an empty file, a file over 4 MB: the
 * CLI and input-limit tests cover them), and internal errors, which are bugs: the robustness and fuzz tests check that none occurs.
 */
const notExpressibleInCases = new Set(['certa.syntax.not-text', 'certa.syntax.empty-file', 'certa.syntax.too-long', 'certa.internal.error']);

describe('validation cases (test/cases)', () => {
    it('finds the case folder populated', () => {
        expect(cases.length).toBeGreaterThan(0);
    });

    it('has a failing case for every rule', () => {
        const notExpressible = notExpressibleInCases;
        const expected = new Set(cases.flatMap(c => c.files.flatMap(parseExpectations)).map(e => e.code));
        const withoutCase = allRules().map(r => r.code).filter(code => !expected.has(code) && !notExpressible.has(code));
        expect(withoutCase).toEqual([]);
    });

    it('has a near miss that must stay clean in every family', () => {
        const families = new Set(cases.map(c => c.name.split('/')[0]));
        const clean = new Set(cases.filter(c => c.files.every(f => parseExpectations(f).length === 0)).map(c => c.name.split('/')[0]));
        expect([...families].filter(f => f !== 'clean' && !clean.has(f))).toEqual([]);
    });

    it('has a near miss for every rule', () => {
        const notExpressible = notExpressibleInCases;
        const declared = new Set(cases.flatMap(c => c.nearMisses ?? []));
        expect(allRules().map(r => r.code).filter(code => !declared.has(code) && !notExpressible.has(code))).toEqual([]);
    });

    it.each(cases.map(c => [c.name, c] as const))('%s', async (_name, validationCase) => {
        const unknown = (validationCase.nearMisses ?? []).filter(code => !allRules().some(r => r.code === code));
        expect(unknown, 'near-miss codes that are not rules').toEqual([]);
        const expected = validationCase.files.flatMap(parseExpectations);
        const nearMissed = new Set(validationCase.nearMisses ?? []);
        expect(expected.filter(e => nearMissed.has(e.code)).map(e => e.code), 'a near miss must not expect its own rule').toEqual([]);
        const actual = await run(validationCase);
        const unmatched = [...actual];
        const missing: string[] = [];
        for (const expectation of expected) {
            const index = unmatched.findIndex(a => matches(expectation, a));
            if (index >= 0) {
                unmatched.splice(index, 1);
            } else {
                missing.push(describeExpected(expectation));
            }
        }
        expect({ missing, unexpected: unmatched.map(describeActual) }).toEqual({ missing: [], unexpected: [] });
    });
});
