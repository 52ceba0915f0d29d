import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleInfo } from '../src/validation/rule-catalog.js';

/**
 * Data-driven validation cases (format: docs/testing.md). A case is one `.certa` file or a folder
 * of them under `test/cases/<family>/`; its comments state the diagnostics it must produce.
 */
export interface ExpectedDiagnostic {
    file: string;
    /** 0-based line the diagnostic must start on. */
    line: number;
    code: string;
    /** 1-based column the diagnostic must start at. */
    column?: number;
    /** The text the diagnostic must underline. */
    text?: string;
}

export interface CaseFile {
    name: string;
    text: string;
}

export interface ValidationCase {
    /** `<family>/<case-name>`. */
    name: string;
    files: CaseFile[];
    /** `// near-miss <code>, …`: rules this case comes close to breaking without reporting them. */
    nearMisses?: string[];
    /** `// today 2026-06-01`: the date expiry rules compare with. */
    today?: string;
}

export const casesDirectory = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'cases');

export function discoverCases(directory = casesDirectory): ValidationCase[] {
    const cases: ValidationCase[] = [];
    for (const family of fs.readdirSync(directory).sort()) {
        const familyDir = path.join(directory, family);
        if (!fs.statSync(familyDir).isDirectory()) continue;
        for (const entry of fs.readdirSync(familyDir).sort()) {
            const full = path.join(familyDir, entry);
            if (fs.statSync(full).isDirectory()) {
                const files = fs.readdirSync(full).filter(f => f.endsWith('.certa')).sort()
                    .map(f => ({ name: f, text: fs.readFileSync(path.join(full, f), 'utf-8') }));
                cases.push(withToday({ name: `${family}/${entry}`, files }));
            } else if (entry.endsWith('.certa')) {
                cases.push(withToday({ name: `${family}/${entry.slice(0, -'.certa'.length)}`, files: [{ name: entry, text: fs.readFileSync(full, 'utf-8') }] }));
            }
        }
    }
    return cases;
}

function withToday(validationCase: ValidationCase): ValidationCase {
    const nearMisses = validationCase.files.flatMap(file => [...file.text.matchAll(/^\s*\/\/\s*near-miss\s+(.+)$/gm)]
        .flatMap(match => match[1].split(/[\s,]+/).filter(Boolean)));
    const result = { ...validationCase, nearMisses };
    for (const file of validationCase.files) {
        const match = /^\s*\/\/\s*today\s+(\d{4}-\d{2}-\d{2})\s*$/m.exec(file.text);
        if (match) return { ...result, today: match[1] };
    }
    return result;
}

const expectLine = /^\s*\/\/\s*expect\b(.*)$/;

/**
 * Reads `// expect <code> [at <column>] [on "<text>"]` comments; each applies to the next line that
 * is not itself an expectation. Throws on a malformed expectation, so that the case fails on its own.
 */
export function parseExpectations(file: CaseFile): ExpectedDiagnostic[] {
    const lines = file.text.split(/\r?\n/);
    const result: ExpectedDiagnostic[] = [];
    let pending: Array<Omit<ExpectedDiagnostic, 'line'> & { at: number }> = [];
    lines.forEach((line, index) => {
        const match = expectLine.exec(line);
        if (match) {
            pending.push({ ...parseExpectation(match[1], file.name, index + 1), file: file.name, at: index + 1 });
            return;
        }
        for (const expectation of pending) {
            result.push({ file: expectation.file, code: expectation.code, column: expectation.column, text: expectation.text, line: index });
        }
        pending = [];
    });
    if (pending.length > 0) {
        throw new Error(`${file.name}:${pending[0].at}: '// expect' must stand above the line that carries the diagnostic, but the file ends here.`);
    }
    return result;
}

function parseExpectation(rest: string, file: string, lineNumber: number): Omit<ExpectedDiagnostic, 'line' | 'file'> {
    const where = `${file}:${lineNumber}`;
    const match = /^\s+(\S+)(?:\s+at\s+(\d+))?(?:\s+on\s+"((?:[^"\\]|\\.)*)")?\s*$/.exec(rest);
    if (!match) {
        throw new Error(`${where}: malformed expectation '// expect${rest}'. Write '// expect <code> [at <column>] [on "<text>"]'.`);
    }
    const [, code, column, text] = match;
    if (!ruleInfo(code)) {
        throw new Error(`${where}: '${code}' is not a rule code (see allRules()).`);
    }
    return {
        code,
        column: column === undefined ? undefined : Number(column),
        text: text === undefined ? undefined : text.replace(/\\(.)/g, '$1')
    };
}
