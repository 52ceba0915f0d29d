/**
 * A reader that stops early (`certa rules | head -1`) closes the pipe, and Node reports the next
 * write as an unhandled 'error' event: a stack trace. Output nobody reads any more is dropped
 * instead and the command ends with its own exit code. A write that fails for another reason
 * (a full disk behind `> report.sarif`) must not pass silently: the caller reports it.
 */
const closedCodes = new Set(['EPIPE', 'ECONNRESET', 'EBADF', 'ERR_STREAM_DESTROYED']);

let stdoutFailure: NodeJS.ErrnoException | undefined;

export function guardOutputStreams(): void {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (!closedCodes.has(error.code ?? '')) stdoutFailure ??= error;
    });
    // Nothing is left to tell the user through once stderr fails; the exit code still does.
    process.stderr.on('error', () => undefined);
}

/** Waits until stdout has taken everything written so far; the failure to report, if a write failed. */
export async function finishOutput(): Promise<NodeJS.ErrnoException | undefined> {
    await new Promise<void>(resolve => process.stdout.write('', () => resolve()));
    return stdoutFailure;
}
