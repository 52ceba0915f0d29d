import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/**
 * The client's copy of an open document, as an editor keeps it: edits are made on offsets and sent
 * as incremental changes (range + text) with the next version. The soak inserts no `\r`, so lines
 * end at `\n` only and offsets map to LSP positions (UTF-16 code units) directly.
 */
export class EditorDocument {
    version = 1;
    text: string;

    constructor(readonly uri: string, readonly file: string, readonly original: string) {
        this.text = original;
    }

    /** Replaces [start, end) by `insert`; returns the change to send. */
    edit(start: number, end: number, insert: string): TextDocumentContentChangeEvent {
        const range: Range = { start: this.positionAt(start), end: this.positionAt(end) };
        this.text = this.text.slice(0, start) + insert + this.text.slice(end);
        this.version++;
        return { range, text: insert };
    }

    /** The whole text at once, as an editor sends a revert or a paste over everything. */
    replaceAll(text: string): TextDocumentContentChangeEvent {
        this.text = text;
        this.version++;
        return { text };
    }

    positionAt(offset: number): Position {
        const before = this.text.slice(0, offset);
        const line = before.split('\n').length - 1;
        return { line, character: offset - (before.lastIndexOf('\n') + 1) };
    }
}
