import { spawn } from 'node:child_process';
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
export async function validateWithCli(folder: string): Promise<Map<string, DiagnosticRecord[]>> {
    const bin = path.join(repositoryRoot, 'node_modules', '.bin', 'certa');
    const child = spawn(process.execPath, [bin, 'validate', '.', '--format', 'json'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const stderr: string[] = [];
    child.stdout.on('data', chunk => stdout.push(String(chunk)));
    child.stderr.on('data', chunk => stderr.push(String(chunk)));
    const status = await new Promise<number | null>(resolve => child.on('close', resolve));
    // Exit code 1 means findings, which the final texts have on purpose.
    if (status !== 0 && status !== 1) throw new Error(`certa validate exited with ${status}:\n${stderr.join('')}`);
    const report = JSON.parse(stdout.join('')) as { files: string[]; diagnostics: DiagnosticRecord[] };
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
        message: typeof d.message === 'string' ? d.message : d.message.value
    })));
}

export function sortRecords(records: DiagnosticRecord[]): DiagnosticRecord[] {
    return [...records].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code)
        || a.endLine - b.endLine || a.endColumn - b.endColumn || a.message.localeCompare(b.message));
}
