import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { URI } from 'langium';
import type { RuleInfo } from '@certa/language';
import { allRules } from '@certa/language';
import type { DiagnosticRecord } from './diagnostic-records.js';
import { RULE_DOCS } from './rule-docs.generated.js';

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
    const fingerprints = new Map<string, number>();
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            // No informationUri or helpUri: Certa has no web site, and a placeholder would be a
            // broken link on every result; the help below names the section of docs/rules.md.
            tool: { driver: { name: 'certa', version, rules: allRules().map(sarifRule) } },
            // The run completed; findings, even errors, are results, not a failed execution.
            invocations: [{ executionSuccessful: true }],
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: base } },
            // Langium counts columns in UTF-16 code units; SARIF's default is Unicode code points.
            columnKind: 'utf16CodeUnits',
            results: records.map(record => {
                const location = artifactLocation(path.resolve(workingFolder, record.file), base);
                return {
                    ruleId: record.code,
                    level: sarifLevels[record.severity],
                    message: { text: record.message },
                    locations: [{
                        physicalLocation: {
                            artifactLocation: location,
                            region: {
                                startLine: record.line, startColumn: record.column,
                                endLine: record.endLine, endColumn: record.endColumn
                            }
                        }
                    }],
                    partialFingerprints: { 'certaResult/v1': fingerprint(record, location.uri, fingerprints) }
                };
            })
        }]
    };
}

/** A rule with its help: what it means, the clause it rests on and how to fix it, from docs/rules.md. */
function sarifRule(rule: RuleInfo): object {
    const doc = RULE_DOCS[rule.code];
    const description = doc?.description || rule.summary;
    const fix = [
        doc?.quickFix ? `The editor offers a quick fix: ${doc.quickFix}.` : '',
        'Each result\'s message says what to change in the source.',
        'If the finding is acceptable, say so in the source: `accept "' + rule.code + '" because "…"`.'
    ].filter(Boolean).join(' ');
    const markdown = [
        `**${rule.summary}**`,
        description,
        `**Basis:** ${rule.basis} · **Default severity:** ${rule.severity}`,
        `**How to fix:** ${fix}`,
        ...(doc?.clean ? ['Written so that it is not reported:', '```certa\n' + doc.clean.replace(/\n$/, '') + '\n```'] : []),
        `Reference: \`docs/rules.md\`, section \`${rule.code}\`.`
    ].join('\n\n');
    return {
        id: rule.code,
        shortDescription: { text: rule.summary },
        fullDescription: { text: `${description} Basis: ${rule.basis}.` },
        help: {
            text: `${description} Basis: ${rule.basis}. How to fix: ${fix} Reference: docs/rules.md, section ${rule.code}.`,
            markdown
        },
        properties: { basis: rule.basis },
        defaultConfiguration: { level: sarifLevels[rule.severity] }
    };
}

/**
 * A result's identity across runs, for code-scanning services to track it when lines move:
 * the rule, the file and the message (which names the element), not the position; a repeated
 * identical finding in one file is told apart by its occurrence number.
 */
function fingerprint(record: DiagnosticRecord, uri: string, seen: Map<string, number>): string {
    const key = `${record.code}\0${uri}\0${record.message}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
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
