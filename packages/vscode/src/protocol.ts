// Requests the extension sends to its language server, beyond LSP. The server owns the parsed,
// linked workspace, so it builds the model and runs the generator; the client only shows results.

export interface GenerateParams {
    /** A `.certa` file: generate for the schemes it declares. Absent: every scheme in the workspace. */
    uri?: string;
    /** Absolute folder to write into. */
    outputFolder: string;
    formats: string[];
}

export interface GenerateResult {
    /** Absolute paths of the files written. */
    files: string[];
    /** Problems that stopped generation (for example errors in the sources), for the user. */
    errors: string[];
}

export interface PreviewParams {
    uri: string;
}

export interface PreviewResult {
    title: string;
    /** A complete HTML document without scripts or remote resources. */
    html: string;
    /** Files of the workspace whose errors may make the preview incomplete (shown as a banner). */
    filesWithErrors: string[];
}

export const GenerateRequest = 'certa/generate';
export const PreviewRequest = 'certa/preview';
