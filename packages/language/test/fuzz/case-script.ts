/**
 * A fuzz case as data: the steps the harness performs on the long-lived workspace. Cases travel
 * to the worker as JSON and are written as readable reproducer files (`serialiseCase`).
 */
export const PROVIDERS = [
    'completion', 'hover', 'definition', 'references', 'prepareRename', 'rename', 'highlight', 'symbols', 'folding',
    'format', 'formatRange', 'formatOnType', 'semanticFull', 'semanticRange', 'semanticDelta', 'inlayHints',
    'codeActions', 'workspaceSymbols'
] as const;
export type Provider = typeof PROVIDERS[number];

export const FORMATS = ['md', 'html', 'csv', 'xlsx', 'json'] as const;

export interface DocumentText {
    name: string;
    text: string;
    /** Opened as an editor does (TextDocuments + DocumentBuilder.update) instead of added and built. */
    open?: boolean;
}

export type Step =
    /** Adds documents and builds them together with validation. */
    | { op: 'add'; docs: DocumentText[] }
    /** New text for a live document, as an editor sends it (TextDocuments.set, DocumentBuilder.update). */
    | { op: 'edit'; doc: string; text: string }
    /** DocumentBuilder.update([], uris); the old documents stay queryable. */
    | { op: 'remove'; docs: string[] }
    /** buildCertaModel over the live documents, then generateDocuments (no formats: only planning). */
    | { op: 'generate'; formats: string[]; scheme?: string; catalogs?: string[] }
    /** One provider request; `end` for ranges, `text` for a new name or a typed character. */
    | { op: 'query'; provider: Provider; doc: string; offset: number; end?: number; text?: string };

export interface FuzzCase {
    id: number;
    steps: Step[];
    /** Starts from an empty workspace (builtin catalogs only) instead of the previous case's documents. */
    reset?: boolean;
    /** After the steps: every provider at every offset of the live documents (regressions). */
    sweep?: boolean;
}

const marker = '////';

/** Text that a reproducer file cannot hold as it is (NUL, CR, BOM, other controls, our own marker lines). */
function needsEscape(text: string): boolean {
    return /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff\ud800-\udfff]/.test(text) || /^\/\/\/\//m.test(text);
}

function escape(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff\ud800-\udfff]/g,
        c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/^\/\/\/\//gm, '\\u002f///');
}

function unescape(text: string): string {
    return text.replace(/\\(\\|u([0-9a-f]{4}))/g, (_m, all: string, hex?: string) => hex ? String.fromCharCode(parseInt(hex, 16)) : all);
}

/**
 * A reproducer file: one `//// <op> …` line per step, each added or edited document's text below its
 * line. `escaped` documents have their control characters written as `\uXXXX` (and `\` as `\\`).
 */
export function serialiseCase(fuzzCase: FuzzCase, header: string[] = []): string {
    const lines = header.map(h => `// ${h}`);
    const body = (text: string) => {
        lines.push(needsEscape(text) ? escape(text) : text);
    };
    let previousAdd = false;
    for (const step of fuzzCase.steps) {
        if (step.op === 'add') {
            if (previousAdd) lines.push(`${marker} build`);
            for (const doc of step.docs) {
                lines.push(`${marker} add ${doc.name}${doc.open ? ' open' : ''}${needsEscape(doc.text) ? ' escaped' : ''}`);
                body(doc.text);
            }
        } else if (step.op === 'edit') {
            lines.push(`${marker} edit ${step.doc}${needsEscape(step.text) ? ' escaped' : ''}`);
            body(step.text);
        } else if (step.op === 'remove') {
            lines.push(`${marker} remove ${step.docs.join(' ')}`);
        } else if (step.op === 'generate') {
            lines.push(`${marker} generate ${step.formats.join(',') || 'none'}${step.scheme !== undefined ? ` scheme=${step.scheme}` : ''}${step.catalogs ? ` catalogs=${step.catalogs.join(',')}` : ''}`);
        } else {
            const extra = step.text !== undefined ? ` ${JSON.stringify(step.text)}` : '';
            lines.push(`${marker} query ${step.provider} ${step.doc} ${step.offset}${step.end !== undefined ? `..${step.end}` : ''}${extra}`);
        }
        previousAdd = step.op === 'add';
    }
    return lines.join('\n') + '\n';
}

/** Reads a reproducer file. A file without `////` lines is one document, added, then swept. */
export function parseCase(source: string, id = 0): FuzzCase {
    const lines = source.split('\n');
    if (source.endsWith('\n')) lines.pop();
    if (!lines.some(l => l.startsWith(`${marker} `))) {
        return { id, reset: true, sweep: true, steps: [{ op: 'add', docs: [{ name: 'a.certa', text: source }] }] };
    }
    const steps: Step[] = [];
    let open: { target: DocumentText | { text: string }; escaped: boolean; lines: string[] } | undefined;
    const close = () => {
        if (!open) return;
        const text = open.lines.join('\n');
        open.target.text = open.escaped ? unescape(text) : text;
        open = undefined;
    };
    let addStep: { op: 'add'; docs: DocumentText[] } | undefined;
    for (const line of lines) {
        if (!line.startsWith(`${marker} `)) {
            if (open) open.lines.push(line);
            continue; // header comments
        }
        close();
        const [op, ...args] = line.slice(marker.length + 1).split(' ');
        if (op !== 'add') addStep = undefined;
        if (op === 'add') {
            if (!addStep) steps.push(addStep = { op: 'add', docs: [] });
            const doc: DocumentText = { name: args[0], text: '', ...(args.includes('open') ? { open: true } : {}) };
            addStep.docs.push(doc);
            open = { target: doc, escaped: args.includes('escaped'), lines: [] };
        } else if (op === 'build') {
            addStep = undefined;
        } else if (op === 'edit') {
            const step = { op: 'edit' as const, doc: args[0], text: '' };
            steps.push(step);
            open = { target: step, escaped: args.includes('escaped'), lines: [] };
        } else if (op === 'remove') {
            steps.push({ op: 'remove', docs: args });
        } else if (op === 'generate') {
            const option = (key: string) => args.find(a => a.startsWith(`${key}=`))?.slice(key.length + 1);
            steps.push({ op: 'generate', formats: args[0] === 'none' ? [] : args[0].split(','), scheme: option('scheme'), catalogs: option('catalogs')?.split(',') });
        } else if (op === 'query') {
            const [provider, doc, where, ...rest] = args;
            const [offset, end] = where.split('..').map(Number);
            steps.push({ op: 'query', provider: provider as Provider, doc, offset, end, text: rest.length > 0 ? JSON.parse(rest.join(' ')) as string : undefined });
        } else {
            throw new Error(`unknown reproducer step '${op}' in: ${line}`);
        }
    }
    close();
    return { id, reset: true, steps };
}
