import type { LangiumDocument } from 'langium';
import { relativeName } from './source-files.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic as CI tools read it: 1-based lines and columns, a stable code. */
export interface DiagnosticRecord {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
}

const severityNames: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Diagnostics of the given documents, ordered by file, position and code so output is deterministic. */
export function diagnosticRecords(documents: LangiumDocument[]): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    for (const document of documents) {
        const file = relativeName(document.uri.fsPath);
        for (const diagnostic of document.diagnostics ?? []) {
            records.push({
                file,
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: severityNames[diagnostic.severity ?? 1] ?? 'error',
                code: String(diagnostic.code ?? 'certa.unknown'),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
            });
        }
    }
    return records.sort((a, b) =>
        a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
