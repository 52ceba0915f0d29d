import type { RemoteConsole } from 'vscode-languageserver';

/**
 * Where the server reports failures it survived: the client's output channel (`window/logMessage`),
 * or stderr once the connection cannot carry it (the client has gone). A failure that repeats, say a
 * build that breaks on every keystroke of the same half-typed line, gets its stack once and a single
 * line afterwards.
 */
export class ServerLog {
    private readonly seen = new Set<string>();
    private console?: RemoteConsole;
    private writing = false;

    /** Set once the connection exists; until then everything goes to stderr. */
    useConsole(console: RemoteConsole): void {
        this.console = console;
    }

    /** One line, e.g. why a notification was ignored. */
    info(message: string): void {
        this.write(message, false);
    }

    /** A failure the server survived: what failed, and the error with its stack the first time. */
    failure(what: string, error: unknown): void {
        const first = describe(error).split('\n').slice(0, 2).join('\n');
        const known = this.seen.has(first);
        if (!known && this.seen.size < 1_000) this.seen.add(first);
        const detail = known ? describe(error).split('\n')[0] + ' (seen before)' : describe(error);
        this.write(`${what}: ${detail}`, true);
    }

    private write(message: string, error: boolean): void {
        const line = `[certa] ${message}`;
        // Logging from inside a failed log (a broken pipe, say) must not recurse.
        if (this.console && !this.writing) {
            this.writing = true;
            try {
                if (error) this.console.error(line);
                else this.console.info(line);
                return;
            } catch {
                // fall through to stderr
            } finally {
                this.writing = false;
            }
        }
        try {
            process.stderr.write(line + '\n');
        } catch {
            // nowhere left to report it
        }
    }
}

function describe(error: unknown): string {
    if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
    if (typeof error === 'symbol') return error.toString();
    try {
        return JSON.stringify(error) ?? String(error);
    } catch {
        return String(error);
    }
}
