import { allRules } from '@certa/language';
import type { DiagnosticRecord } from './diagnostic-records.js';

const sarifLevels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0, the format code-scanning services read, so findings show up on pull requests.
 */
export function sarifReport(records: DiagnosticRecord[], version: string): object {
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
            results: records.map(record => ({
                ruleId: record.code,
                level: sarifLevels[record.severity],
                message: { text: record.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: record.file },
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
