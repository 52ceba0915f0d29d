import { format } from 'node:util';

/** Something that escaped a call: the fuzzer's unit of failure. */
export interface Failure {
    /** Where: `parse`, `build` (adding, editing, removing documents), `validate`, `link`, `model`, `generate`, `lsp:<provider>[@removed]`, `hang`, `crash`. */
    phase: string;
    kind: 'exception' | 'console' | 'diagnostic' | 'hang' | 'crash';
    message: string;
    stack?: string;
    signature: string;
    /** The index of the step that failed, for minimising and reading reproducers. */
    step?: number;
}

/** Adding, editing and removing documents all run the document builder: one phase, `build`. */
export function phaseOf(op: string): string {
    return op === 'edit' || op === 'remove' ? 'build' : op;
}

/**
 * A failure's identity: phase, the top stack frame in project code (file and function, no line
 * numbers) and the first line of the message with numbers stripped, so that the same bug found
 * from different inputs counts once and survives edits to unrelated lines.
 */
export function signatureOf(phase: string, message: string, stack?: string): string {
    return `${phase} | ${overflowFrame(message, stack) ?? topFrame(stack)} | ${normaliseMessage(message)}`;
}

/**
 * A stack overflow's top frame is wherever the stack happened to run out: name it by the project
 * frame in the recursion if there is one, else by the recursion alone, so that one bug counts once.
 */
function overflowFrame(message: string, stack: string | undefined): string | undefined {
    if (!/Maximum call stack size exceeded/.test(message)) return undefined;
    const frame = topFrame(stack);
    return frame.startsWith('packages/') || frame.includes('(packages/') ? frame : '(deep recursion outside project code)';
}

export function normaliseMessage(message: string): string {
    return (message.split('\n')[0] ?? '')
        .replace(/^(\w*Error: )+/, '$1') // rethrown errors repeat their class
        .replace(/(An error occurred [^:]*: )(\w*Error: )+/, '$1$2')
        // Langium's messages name the user's text, the node's path or the property and type at hand:
        // the same bug shows through every one of them.
        .replace(/reference to '[^']*'/g, "reference to '…'")
        .replace(/Node at path \S+/g, 'Node at path …')
        .replace(/Property \w+ of type \w+/g, 'Property … of type …')
        .replace(/\d+/g, 'N')
        .slice(0, 200);
}

const framePattern = /^\s*at (?:async )?(?:(.*?) \()?(.*?):\d+:\d+\)?$/;

export function topFrame(stack: string | undefined): string {
    const frames = (stack ?? '').split('\n').flatMap(line => {
        const match = framePattern.exec(line);
        return match ? [{ fn: match[1] ?? '<anonymous>', file: match[2].replace(/^file:\/\//, '') }] : [];
    });
    const project = frames.find(f => /\/packages\/[^/]+\/(src|out)\//.test(f.file) && !f.file.includes('/node_modules/'));
    const chosen = project ?? frames.find(f => !f.file.includes('/test/fuzz/') && !f.file.startsWith('node:')) ?? frames[0];
    if (!chosen) return '-';
    const file = chosen.file.includes('/node_modules/')
        ? chosen.file.slice(chosen.file.lastIndexOf('/node_modules/') + '/node_modules/'.length)
        : chosen.file.replace(/^.*\/packages\//, 'packages/');
    return `${chosen.fn} (${file})`;
}

/** One call to console.error or console.warn while a case ran. */
export interface ConsoleRecord {
    phase: string;
    text: string;
    error?: Error;
}

/** Replaces console.error and console.warn while a case runs: every such call is a failure. */
export class ConsoleCapture {
    readonly records: ConsoleRecord[] = [];
    private saved?: { error: typeof console.error; warn: typeof console.warn };

    constructor(private readonly phase: () => string) {}

    start(): void {
        this.saved = { error: console.error, warn: console.warn };
        const capture = (...args: unknown[]) => {
            const error = args.find((a): a is Error => a instanceof Error);
            const text = format(...args);
            // Langium logs a caught error, then its stack again: keep the first.
            if (this.records.some(r => r.error?.stack !== undefined && r.error.stack === String(args[0]))) return;
            this.records.push({ phase: this.phase(), text, error });
        };
        console.error = capture;
        console.warn = capture;
    }

    stop(): void {
        if (this.saved) Object.assign(console, this.saved);
        this.saved = undefined;
    }

    take(): ConsoleRecord[] {
        return this.records.splice(0, this.records.length);
    }
}

/** What a thrown value says, with its class (`TypeError: …`) so that stack overflows and type errors differ. */
export function describeThrown(thrown: unknown): { message: string; stack?: string } {
    if (thrown instanceof Error) {
        // Langium rethrows some errors with the original's `TypeError: …` as the message: no second prefix.
        const message = /^\w*Error: /.test(thrown.message) ? thrown.message : `${thrown.name}: ${thrown.message}`;
        return { message, stack: thrown.stack };
    }
    return { message: `thrown ${typeof thrown}: ${String(thrown)}` };
}
