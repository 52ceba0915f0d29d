// Shape checks for what a client sends. The protocol libraries pass parameters through unchecked,
// and Langium trusts them: a `didOpen` whose text is null reaches the lexer and fails the whole
// workspace build. Each check returns what is wrong, or undefined when the message is usable.

type Problem = string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/** A URI with a scheme, as clients send them (`file:///…`, `untitled:…`). */
const isUri = (value: unknown): value is string => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value);

export function positionProblem(value: unknown, name = 'position'): Problem {
    if (!isObject(value)) return `${name} is not an object`;
    if (!isCount(value.line) || !isCount(value.character)) return `${name} needs whole, non-negative line and character`;
    return undefined;
}

export function rangeProblem(value: unknown, name = 'range'): Problem {
    if (!isObject(value)) return `${name} is not an object`;
    return positionProblem(value.start, `${name}.start`) ?? positionProblem(value.end, `${name}.end`);
}

/** The document a request or notification is about: `params.textDocument.uri`. */
export function textDocumentProblem(params: unknown): Problem {
    if (!isObject(params)) return 'params is not an object';
    if (!isObject(params.textDocument)) return 'textDocument is missing';
    if (!isUri(params.textDocument.uri)) return 'textDocument.uri is not a URI';
    return undefined;
}

export function didOpenProblem(params: unknown): Problem {
    const problem = textDocumentProblem(params);
    if (problem) return problem;
    const document = (params as { textDocument: Record<string, unknown> }).textDocument;
    if (typeof document.text !== 'string') return 'textDocument.text is not a string';
    if (typeof document.languageId !== 'string') return 'textDocument.languageId is not a string';
    if (!Number.isInteger(document.version)) return 'textDocument.version is not an integer';
    return undefined;
}

export function didChangeProblem(params: unknown): Problem {
    const problem = textDocumentProblem(params);
    if (problem) return problem;
    const { textDocument, contentChanges } = params as { textDocument: Record<string, unknown>; contentChanges: unknown };
    if (!Number.isInteger(textDocument.version)) return 'textDocument.version is not an integer';
    if (!Array.isArray(contentChanges)) return 'contentChanges is not an array';
    for (const [index, change] of contentChanges.entries()) {
        if (!isObject(change)) return `contentChanges[${index}] is not an object`;
        if (typeof change.text !== 'string') return `contentChanges[${index}].text is not a string`;
        if (change.range !== undefined) {
            const range = rangeProblem(change.range, `contentChanges[${index}].range`);
            if (range) return range;
        }
    }
    return undefined;
}

export function didChangeWatchedFilesProblem(params: unknown): Problem {
    if (!isObject(params)) return 'params is not an object';
    if (!Array.isArray(params.changes)) return 'changes is not an array';
    for (const [index, change] of params.changes.entries()) {
        if (!isObject(change) || !isUri(change.uri)) return `changes[${index}].uri is not a URI`;
        if (change.type !== 1 && change.type !== 2 && change.type !== 3) return `changes[${index}].type is not 1, 2 or 3`;
    }
    return undefined;
}

/** Requests about a place in a document: the document, and the position or range when there is one. */
export function documentRequestProblem(params: Record<string, unknown>): Problem {
    return textDocumentProblem(params)
        ?? ('position' in params ? positionProblem(params.position) : undefined)
        ?? ('range' in params ? rangeProblem(params.range) : undefined);
}
