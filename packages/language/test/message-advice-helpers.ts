import * as fs from 'node:fs';
import { afterEach, beforeAll, expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CertaServices } from '../src/certa-module.js';
import { setToday } from '../src/validation/validation-clock.js';
import { clearTestDocuments, createTestServices, messageOf, validateSources } from './test-services.js';

/**
 * A message says what to do; doing literally that must give a clean file (issue 13). The tests of
 * message-advice*.test.ts take a case that reports a rule, read the advice out of the message,
 * apply it as a designer would, and validate again: no diagnostic may remain. Validation runs on
 * 2026-06-01, so that dates in the cases are read the same whenever the tests run.
 */
let services: CertaServices;

/** Call at the top of a test file: fresh services for the file, and no documents left between tests. */
export function useAdviceServices(): void {
    beforeAll(async () => {
        services = await createTestServices();
    });
    afterEach(async () => {
        setToday(undefined);
        await clearTestDocuments(services);
    });
}

/** A case file of test/cases without its `// expect` lines (a folder case: name one of its files). */
export function caseText(name: string): string {
    return fs.readFileSync(new URL(`./cases/${name}`, import.meta.url), 'utf8').replace(/^\s*\/\/ expect .*\n/gm, '');
}

/** The diagnostics of the first text, validated with the others as one workspace. */
export async function diagnostics(text: string, ...others: string[]): Promise<Diagnostic[]> {
    return (await diagnosticsOfAll(text, ...others))[0];
}

/**
 * The diagnostics of each text, validated together, on the day a case's `// today` line names
 * (2026-06-01 when none does).
 */
export async function diagnosticsOfAll(...texts: string[]): Promise<Diagnostic[][]> {
    const today = texts.map(text => /^\s*\/\/\s*today\s+(\d{4}-\d{2}-\d{2})\s*$/m.exec(text)?.[1]).find(Boolean);
    setToday(today ?? '2026-06-01');
    await clearTestDocuments(services);
    const documents = await validateSources(services, ...texts);
    return documents.map(document => document.diagnostics ?? []);
}

/** The message of the first diagnostic of the code in the first text (validated with the others). */
export async function messageFor(text: string, code: string, ...others: string[]): Promise<string> {
    const found = (await diagnostics(text, ...others)).filter(d => d.code === code);
    expect(found.length, `${code} reported`).toBeGreaterThan(0);
    return messageOf(found[0]);
}

/** No diagnostic left in any of the texts, validated together. */
export async function expectClean(...texts: string[]): Promise<void> {
    const left = (await diagnosticsOfAll(...texts)).flatMap((found, file) => found.map(d => `file ${file + 1}, line ${d.range.start.line + 1}: ${d.code}: ${messageOf(d)}`));
    expect(left, texts.join('\n----\n')).toEqual([]);
}

/** The quoted snippets of a message: `Add 'activity x: …'` gives `activity x: …` (an apostrophe inside a word is no quote). */
export function snippets(message: string): string[] {
    return [...message.matchAll(/(?<![A-Za-z])'([^']+?)'(?![A-Za-z])/g)].map(m => m[1]);
}

export function replaceLine(text: string, startsWith: string, replacement: string): string {
    const lines = text.split('\n');
    const index = lines.findIndex(line => line.trimStart().startsWith(startsWith));
    expect(index, `a line starting with ${startsWith}`).toBeGreaterThanOrEqual(0);
    const indent = /^\s*/.exec(lines[index])![0];
    lines[index] = replacement === '' ? '\u0000' : indent + replacement;
    return lines.filter(line => line !== '\u0000').join('\n');
}

export function insertAfter(text: string, startsWith: string, line: string): string {
    const lines = text.split('\n');
    const index = lines.findIndex(l => l.trimStart().startsWith(startsWith));
    expect(index, `a line starting with ${startsWith}`).toBeGreaterThanOrEqual(0);
    const indent = /^\s*/.exec(lines[index])![0];
    lines.splice(index + 1, 0, indent + line);
    return lines.join('\n');
}
