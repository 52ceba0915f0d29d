import * as path from 'node:path';
import { URI } from 'langium';
import { allRules } from '@certa/language';
import type { DiagnosticRecord } from './diagnostic-records.js';

const sarifLevels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The base the artifact URIs are relative to: the name code-scanning services expect. */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, the format code-scanning services read, so findings show up on pull requests.
 * Files are URIs relative to %SRCROOT%, the folder certa ran in (the file:// URI in
 * run.originalUriBaseIds), so the report still points at the right files wherever the checkout
 * lies; a file outside that folder gets its absolute file:// URI. vscode-uri (Langium's) encodes
 * every character that is not unreserved in RFC 3986, so a space, '#', '%' or 'é' in a file name
 * cannot make the URI point at another file.
 */
export function sarifReport(records: DiagnosticRecord[], version: string, workingFolder = process.cwd()): object {
    const base = folderUri(workingFolder);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'certa',
                    version,
                    informationUri: 'https://certa.invalid/docs/rules',
                    rules: allRules().map(rule => ({
                        id: rule.code,
                        shortDescription: { text: rule.summary },
                        properties: { basis: rule.basis },
                        defaultConfiguration: { level: sarifLevels[rule.severity] }
                    }))
                }
            },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: base } },
            // Langium counts columns in UTF-16 code units; SARIF's default is Unicode code points.
            columnKind: 'utf16CodeUnits',
            results: records.map(record => ({
                ruleId: record.code,
                level: sarifLevels[record.severity],
                message: { text: record.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: artifactLocation(path.resolve(workingFolder, record.file), base),
                        region: {
                            startLine: record.line, startColumn: record.column,
                            endLine: record.endLine, endColumn: record.endColumn
                        }
                    }
                }]
            }))
        }]
    };
}

/** SARIF wants a base URI that ends with a slash, so that relative references resolve inside it. */
function folderUri(folder: string): string {
    const uri = URI.file(folder).toString();
    return uri.endsWith('/') ? uri : `${uri}/`;
}

function artifactLocation(file: string, base: string): { uri: string; uriBaseId?: string } {
    const uri = URI.file(file).toString();
    return uri.startsWith(base) ? { uri: uri.slice(base.length), uriBaseId: SOURCE_ROOT } : { uri };
}
