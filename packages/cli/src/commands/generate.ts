import * as path from 'node:path';
import type { Command } from 'commander';
import { buildCertaModel, CONFIG_FILE_NAME, today } from '@certa/language';
import type { DocumentKind, Format } from '@certa/generator';
import { DOCUMENT_KINDS, FORMATS, generateDocuments } from '@certa/generator';
import { ExitCode, UsageError } from '../cli-error.js';
import { hasErrors, openWorkspace } from '../certa-workspace.js';
import { diagnosticRecords } from '../diagnostic-records.js';
import { MANIFEST_NAME } from '../output-manifest.js';
import { checkOutputFolder, prepareOutputFolder } from '../output-folder.js';
import { todayOption, useToday } from '../today-option.js';
import { workspaceConfig } from '../workspace-config.js';
import type { OutputUpdate } from '../update-output-folder.js';
import { updateOutputFolder } from '../update-output-folder.js';
import type { CommandContext } from './command-context.js';

interface GenerateOptions {
    out?: string;
    format?: string;
    documents?: string;
    scheme?: string;
    catalog?: string;
    today?: string;
    force?: boolean;
    /** Commander's negated option: false with `--no-bom`. */
    bom: boolean;
}

/** Progress lines only for people watching a terminal; CI logs stay clean. */
const LARGE_WORKSPACE = 20;

export function registerGenerate(program: Command, context: CommandContext): void {
    program.command('generate')
        .description('Write audit checklists, competence matrices and clause coverage matrices for the schemes.')
        .argument('[paths...]', '.certa files or folders (searched recursively); default: the sources of certa.json, or the current folder')
        .option('--out <dir>', 'folder to write the documents to (created if missing); default: output.folder of certa.json')
        .option('--format <formats>', `comma-separated formats: ${FORMATS.join(',')} (default: output.formats of certa.json, or all)`)
        .option('--documents <kinds>', `comma-separated documents: ${DOCUMENT_KINDS.join(',')} (default: output.documents of certa.json, or all)`)
        .option('--scheme <id>', 'only this scheme')
        .option('--catalog <ids>', 'catalogs for the clause coverage matrices, comma-separated (default: coverageCatalogs of certa.json, or the standards each scheme certifies)')
        .addOption(todayOption())
        .option('--force', 'generate even when the sources have errors')
        .option('--no-bom', 'write CSV files without the UTF-8 byte order mark (for tools that do not expect one)')
        .action(async (paths: string[], options: GenerateOptions) => {
            context.exitCode = await generate(paths, options);
        });
}

async function generate(paths: string[], given: GenerateOptions): Promise<number> {
    const config = workspaceConfig(paths);
    const out = given.out ?? config?.output?.folder?.fsPath;
    if (out === undefined) throw new UsageError(`generate needs --out DIR (or output.folder in ${CONFIG_FILE_NAME}): the folder to write the documents to`);
    const options = { ...given, out: given.out ?? path.relative(process.cwd(), out) };
    const formats = options.format !== undefined ? parseList(options.format, 'format') : [...config?.output?.formats ?? FORMATS];
    rejectUnknown(formats, FORMATS, 'format');
    const documents = options.documents !== undefined ? parseList(options.documents, 'documents') : config?.output?.documents;
    rejectUnknown(documents ?? [], DOCUMENT_KINDS, 'document');
    const day = useToday(options.today ?? config?.today ?? today());
    await checkOutputFolder(options.out);

    const progress = progressLine();
    progress.show('certa: loading sources…');
    const workspace = await openWorkspace(paths, { config, defaultToCurrentFolder: true });
    if (hasErrors(workspace.documents) && !options.force) {
        progress.clear();
        const errors = diagnosticRecords(workspace.documents).filter(r => r.severity === 'error');
        for (const r of errors.slice(0, 10)) process.stderr.write(`${r.file}:${r.line}:${r.column} error ${r.code} ${r.message}\n`);
        if (errors.length > 10) process.stderr.write(`… and ${errors.length - 10} more (run certa validate to see all)\n`);
        process.stderr.write(`certa: not generating: the sources have ${errors.length} error${errors.length === 1 ? '' : 's'}. Fix them, or pass --force to generate anyway.\n`);
        return ExitCode.findings;
    }

    progress.show('certa: generating documents…', workspace.files.length);
    const model = buildCertaModel(workspace.documents, workspace.builtins);
    const files = await generateDocuments(model, {
        today: day,
        formats: formats as Format[],
        documents: documents as DocumentKind[] | undefined,
        scheme: options.scheme,
        coverageCatalogs: options.catalog !== undefined ? parseList(options.catalog, 'catalog') : config?.coverageCatalogs,
        csvBom: options.bom
    }).catch((error: unknown) => {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    });
    // Made only now, so that a refused run (errors, an unknown --scheme) leaves no folder behind.
    await prepareOutputFolder(options.out).catch((error: unknown) => {
        progress.clear();
        throw error;
    });
    let update: OutputUpdate;
    try {
        update = await updateOutputFolder(options.out, files, (done, total) =>
            progress.show(`certa: writing ${done}/${total} files…`, workspace.files.length));
    } catch (error) {
        progress.clear();
        if (error instanceof UsageError) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        const where = (error as NodeJS.ErrnoException).path ?? options.out;
        throw new UsageError(`cannot write ${where} (${reason}); nothing was changed in ${options.out}`);
    }
    progress.clear();
    return report(options, formats, files.length, update);
}

/** What changed in --out, one line each, on stderr (stdout stays free for pipelines). */
function report(options: { out: string }, formats: string[], written: number, update: OutputUpdate): number {
    const inOut = (file: string) => path.join(options.out, file).split(path.sep).join('/');
    const say = (line: string) => process.stderr.write(`certa: ${line}\n`);
    if (update.manifestProblem) say(`ignored ${inOut(MANIFEST_NAME)}: it ${update.manifestProblem}; files of earlier runs were not removed this time`);
    if (update.leftovers.length > 0) say(`removed ${plural(update.leftovers.length, 'temporary file')} left in ${options.out} by an interrupted run`);
    say(`wrote ${plural(written, 'file')} to ${options.out} (${formats.join(', ')})`);
    for (const file of update.removed) say(`removed ${inOut(file)}: no longer generated`);
    for (const file of update.changed) say(`kept ${inOut(file)}: no longer generated, but changed since certa wrote it; delete it if it is not needed`);
    for (const { file, code } of update.failed) say(`could not remove ${inOut(file)} (${code}), which is no longer generated; the next run tries again`);
    return update.failed.length > 0 ? ExitCode.usage : ExitCode.ok;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A usage error naming the values that are none of `known`. */
function rejectUnknown(values: readonly string[], known: readonly string[], what: string): void {
    const unknown = values.filter(value => !known.includes(value));
    if (unknown.length > 0) throw new UsageError(`unknown ${what} ${unknown.join(', ')}; choose from ${known.join(', ')}`);
}

function parseList(value: string, what: string): string[] {
    const items = value.split(',').map(item => item.trim()).filter(Boolean);
    if (items.length === 0) throw new UsageError(`--${what} needs at least one value`);
    return [...new Set(items)];
}

/** A single self-overwriting status line on stderr, shown only on a terminal and for large workspaces. */
function progressLine(): { show(text: string, sourceCount?: number): void; clear(): void } {
    let shown = false;
    const enabled = Boolean(process.stderr.isTTY);
    return {
        show(text, sourceCount = LARGE_WORKSPACE) {
            if (!enabled || sourceCount < LARGE_WORKSPACE) return;
            process.stderr.write(`\r\u001b[2K${text}`);
            shown = true;
        },
        clear() {
            if (shown) process.stderr.write('\r\u001b[2K');
            shown = false;
        }
    };
}
