import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { defineRule } from './rule-catalog.js';

/**
 * When Certa itself fails (a bug), the failure is contained: one check, one reference or one build
 * phase of one document becomes one diagnostic with this code, and everything else is still
 * checked. The fuzz and robustness tests assert that none is ever produced.
 */
export const InternalCodes = {
    internalError: defineRule({
        code: 'certa.internal.error', severity: 'error', basis: 'Certa language',
        summary: 'Certa could not finish checking part of a file because of an internal error; the rest was checked. Please report it with the file.'
    })
} as const;

const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `what` says which part failed, e.g. "the check schemeMustRealiseRequiredElements" or "linking". */
export function internalErrorMessage(what: string, error: unknown): string {
    const detail = error instanceof Error ? error.message : String(error);
    return `Certa could not finish ${what} here (internal error: ${detail}). Everything else was checked. Please report this with the file.`;
}

export function internalErrorDiagnostic(what: string, error: unknown, range: Range = fileStart): Diagnostic {
    const code = InternalCodes.internalError;
    return { severity: 1, range, code, data: { code }, source: 'certa', message: internalErrorMessage(what, error) };
}
