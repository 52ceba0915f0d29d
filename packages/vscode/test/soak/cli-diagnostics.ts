import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..', '..', '..');

/** A diagnostic as `certa validate --format json` writes it (1-based lines and columns). */
export interface DiagnosticRecord {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

/** What a fresh `certa validate --format json` reports for the folder, by file relative to it. */
export function validateWithCli(folder: string): Map<string, DiagnosticRecord[]> {
    const bin = path.join(repositoryRoot, 'node_modules', '.bin', 'certa');
    const run = spawnSync(process.execPath, [bin, 'validate', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`certa validate exited with ${run.status ?? run.signal}:\n${run.stderr}`);
    }
    const report = JSON.parse(run.stdout) as { files: string[]; diagnostics: DiagnosticRecord[] };
    const byFile = new Map<string, DiagnosticRecord[]>(report.files.map(file => [file, []]));
    for (const record of report.diagnostics) byFile.get(record.file)?.push(record);
    return byFile;
}

const severities: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Published diagnostics in the CLI's shape and order, so the two compare with `toEqual`. */
export function asRecords(file: string, diagnostics: Diagnostic[]): DiagnosticRecord[] {
    return sortRecords(diagnostics.map(d => ({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severities[d.severity ?? 1],
        code: String(d.code ?? 'certa.unknown'),
        message: d.message
    })));
}

export function sortRecords(records: DiagnosticRecord[]): DiagnosticRecord[] {
    return [...records].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code)
        || a.endLine - b.endLine || a.endColumn - b.endColumn || a.message.localeCompare(b.message));
}
