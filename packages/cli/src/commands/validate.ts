import type { Command } from 'commander';
import { Option } from 'commander';
import { ExitCode } from '../cli-error.js';
import { openWorkspace } from '../certa-workspace.js';
import { workspaceConfig } from '../workspace-config.js';
import type { DiagnosticRecord } from '../diagnostic-records.js';
import { diagnosticRecords } from '../diagnostic-records.js';
import { sarifReport } from '../sarif-report.js';
import { relativeName } from '../source-files.js';
import { colours, writeJson, writeLine } from '../terminal.js';
import { today } from '@certa/language';
import { todayOption, useToday } from '../today-option.js';
import type { CommandContext } from './command-context.js';

interface ValidateOptions {
    format: 'text' | 'json' | 'sarif';
    strict?: boolean;
    today?: string;
}

export function registerValidate(program: Command, context: CommandContext): void {
    program.command('validate')
        .description('Check .certa files and folders: syntax, references to clauses, and the rules of the standards.')
        .argument('[paths...]', '.certa files or folders (searched recursively); default: the sources of certa.json, or the current folder')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .option('--strict', 'treat warnings as errors (exit 1 when there is any warning)')
        .addOption(todayOption())
        .action(async (paths: string[], options: ValidateOptions) => {
            context.exitCode = await validate(paths, options, context.version);
        });
}

async function validate(paths: string[], options: ValidateOptions, version: string): Promise<number> {
    const config = workspaceConfig(paths);
    useToday(options.today ?? config?.today ?? today());
    const workspace = await openWorkspace(paths, { config, defaultToCurrentFolder: true });
    const records = diagnosticRecords(workspace.reported);
    const files = workspace.files.map(relativeName);
    if (options.format === 'json') {
        writeJson({ files, diagnostics: records });
    } else if (options.format === 'sarif') {
        writeJson(sarifReport(records, version));
    } else {
        printText(records, files.length);
    }
    const strict = options.strict ?? workspace.config?.strict ?? false;
    const failing = records.some(r => r.severity === 'error' || (strict && r.severity === 'warning'));
    return failing ? ExitCode.findings : ExitCode.ok;
}

const severityColour = { error: colours.red, warning: colours.yellow, info: colours.cyan, hint: colours.dim };

function printText(records: DiagnosticRecord[], fileCount: number): void {
    for (const r of records) {
        writeLine(`${colours.bold(`${r.file}:${r.line}:${r.column}`)} ${severityColour[r.severity](r.severity)} ${colours.dim(r.code)} ${r.message}`);
    }
    const count = (severity: string) => records.filter(r => r.severity === severity).length;
    const summary = `${plural(fileCount, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
    process.stderr.write(summary + '\n');
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
