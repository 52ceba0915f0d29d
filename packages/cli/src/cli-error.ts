/** Exit codes are part of the CLI's contract with CI pipelines. */
export const ExitCode = {
    ok: 0,
    /** The sources have errors (or warnings, with --strict). */
    findings: 1,
    /** Bad usage or an I/O problem: nothing was checked. */
    usage: 2
} as const;

/** A problem the user can fix (missing path, unknown flag, unreadable file): one line, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}
