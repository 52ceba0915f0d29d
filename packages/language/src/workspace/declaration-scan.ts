/**
 * The names a file may declare, read from its text with a pattern instead of the parser: a keyword
 * that starts an exported declaration and the word after it. It finds every such declaration and
 * some words that are none (the same words inside a quoted text or a comment), so the files it
 * names for a name include every file that declares it, which is what the open-first build needs
 * to link an open file before the rest of the workspace is parsed (see open-first-builder.ts).
 */
const DECLARATION = /\b(?:catalog|scheme|role|competence|person|mark|auditTime|client)\s+([_a-zA-Z]\w*)/g;

/** Name → the files whose text may declare it, for a set of texts read but not parsed. */
export function declarationsByName(texts: Iterable<[uri: string, text: string]>): Map<string, string[]> {
    const byName = new Map<string, string[]>();
    for (const [uri, text] of texts) {
        for (const match of text.matchAll(DECLARATION)) {
            const name = match[1];
            const uris = byName.get(name);
            if (!uris) byName.set(name, [uri]);
            else if (uris[uris.length - 1] !== uri) uris.push(uri);
        }
    }
    return byName;
}
