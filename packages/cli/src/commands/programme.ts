import * as path from 'node:path';
import type { Command } from 'commander';
import { buildCertaModel, isClient, isDocument, programmeOfClient, today } from '@certa/language';
import type { ProgrammeFormat } from '@certa/generator';
import { PROGRAMME_FORMATS, buildProgrammeDocument, generateProgramme, planClientChecklists, renderDocuments, sortByPath } from '@certa/generator';
import { ExitCode, UsageError } from '../cli-error.js';
import { hasErrors, openWorkspace } from '../certa-workspace.js';
import { diagnosticRecords } from '../diagnostic-records.js';
import { checkOutputFolder, prepareOutputFolder } from '../output-folder.js';
import { todayOption, useToday } from '../today-option.js';
import { updateOutputFolder } from '../update-output-folder.js';
import { workspaceConfig } from '../workspace-config.js';
import type { CommandContext } from './command-context.js';

interface ProgrammeOptions {
    client: string;
    out: string;
    format: string;
    today?: string;
    force?: boolean;
    /** Commander's negated option: false with `--no-bom`. */
    bom: boolean;
}

export function registerProgramme(program: Command, context: CommandContext): void {
    program.command('programme')
        .description('Write a client\'s audit programme (audit time per IAF MD 5 and MD 11, site samples per IAF MD 1, windows, teams and clauses of each audit) and each audit\'s checklist with its header filled in.')
        .argument('[paths...]', '.certa files or folders (searched recursively)', ['.'])
        .requiredOption('--client <id>', 'the client declaration to write the programme of')
        .requiredOption('--out <dir>', 'folder to write the programme to (created if missing)')
        .option('--format <formats>', `comma-separated formats: ${PROGRAMME_FORMATS.join(',')}`, PROGRAMME_FORMATS.join(','))
        .addOption(todayOption())
        .option('--force', 'write the programme even when the sources have errors')
        .option('--no-bom', 'write CSV files without the UTF-8 byte order mark (for tools that do not expect one)')
        .action(async (paths: string[], options: ProgrammeOptions) => {
            context.exitCode = await writeProgramme(paths, options);
        });
}

async function writeProgramme(paths: string[], options: ProgrammeOptions): Promise<number> {
    const formats = [...new Set(options.format.split(',').map(f => f.trim()).filter(Boolean))];
    if (formats.length === 0) throw new UsageError('--format needs at least one value');
    const unknown = formats.filter(f => !(PROGRAMME_FORMATS as readonly string[]).includes(f));
    if (unknown.length > 0) throw new UsageError(`unknown format ${unknown.join(', ')}; choose from ${PROGRAMME_FORMATS.join(', ')}`);
    const config = workspaceConfig(paths);
    useToday(options.today ?? config?.today ?? today());
    await checkOutputFolder(options.out);

    const workspace = await openWorkspace(paths, { config, defaultToCurrentFolder: true });
    const clients = workspace.documents.flatMap(document => {
        const root = document.parseResult.value;
        return isDocument(root) ? (root.elements ?? []).filter(isClient).map(client => ({ client, document })) : [];
    });
    const found = clients.filter(c => c.client.name === options.client);
    if (found.length === 0) {
        const known = clients.map(c => c.client.name).filter(Boolean).sort();
        throw new UsageError(`no client '${options.client}' in the sources${known.length > 0 ? `; clients: ${known.join(', ')}` : ''}`);
    }
    if (found.length > 1) throw new UsageError(`client '${options.client}' is declared ${found.length} times; give each client its own id`);
    if (hasErrors(workspace.documents) && !options.force) {
        const errors = diagnosticRecords(workspace.documents).filter(r => r.severity === 'error');
        for (const r of errors.slice(0, 10)) process.stderr.write(`${r.file}:${r.line}:${r.column} error ${r.code} ${r.message}\n`);
        if (errors.length > 10) process.stderr.write(`… and ${errors.length - 10} more (run certa validate to see all)\n`);
        process.stderr.write(`certa: not writing the programme: the sources have ${errors.length} error${errors.length === 1 ? '' : 's'}. Fix them, or pass --force.\n`);
        return ExitCode.findings;
    }
    const [{ client, document }] = found;
    const diagnostics = diagnosticRecords([document]).map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message }));
    const doc = buildProgrammeDocument(programmeOfClient(workspace.services, client), diagnostics);
    // Each audit's checklist, written like `certa generate` writes checklists, in the same atomic update.
    const checklists = planClientChecklists(doc, buildCertaModel(workspace.documents, workspace.builtins));
    const files = sortByPath([
        ...await generateProgramme(doc, formats as ProgrammeFormat[], { csvBom: options.bom }),
        ...await renderDocuments(checklists, formats as ProgrammeFormat[], { csvBom: options.bom })
    ]);
    await prepareOutputFolder(options.out);
    let update;
    try {
        update = await updateOutputFolder(options.out, files, () => undefined);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        throw new UsageError(`cannot write ${(error as NodeJS.ErrnoException).path ?? options.out} (${reason}); nothing was changed in ${options.out}`);
    }
    const inOut = (file: string) => path.join(options.out, file).split(path.sep).join('/');
    const withChecklists = checklists.length > 0 ? ` with ${checklists.length} audit checklist${checklists.length === 1 ? '' : 's'}` : '';
    const noChecklists = checklists.length > 0 ? ''
        : `; no checklists: ${doc.client.scheme === null ? 'the client names no scheme (certifiedUnder)' : `no scheme ${doc.client.scheme} in the sources`}`;
    process.stderr.write(`certa: wrote the programme of ${options.client}${withChecklists} to ${options.out} (${formats.join(', ')})${noChecklists}\n`);
    for (const file of update.removed) process.stderr.write(`certa: removed ${inOut(file)}: no longer generated\n`);
    return update.failed.length > 0 ? ExitCode.usage : ExitCode.ok;
}
