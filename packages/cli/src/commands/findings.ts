import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Command } from 'commander';
import { buildCertaModel } from '@certa/language';
import type { CertaModel, SchemeModel } from '@certa/language/model';
import type { FilledChecklist, FindingsFormat } from '@certa/generator';
import {
    addDays, buildChecklist, checkFindings, FINDINGS_FORMATS, gradeAliases, readFilledCsv, readFilledXlsx, renderFindings, UnreadableChecklistError
} from '@certa/generator';
import { writeFilesAtomically } from '../atomic-output.js';
import { ExitCode, UsageError } from '../cli-error.js';
import { hasErrors, openWorkspace } from '../certa-workspace.js';
import { diagnosticRecords } from '../diagnostic-records.js';
import { checkOutputFolder, prepareOutputFolder } from '../output-folder.js';
import type { CommandContext } from './command-context.js';

interface FindingsCommandOptions {
    out: string;
    format: string;
    scheme?: string;
    auditDate?: string;
}

const EXIT_CODES = `
Exit codes:
  0  the checklist is valid and records no nonconformity
  1  nonconformities were recorded, or the checklist has errors (unknown or changed items,
     values its grading does not allow, a nonconformity without objective evidence, another
     scheme version); the report is written either way
  2  usage problem: bad arguments, a file that cannot be read as XLSX or CSV, sources with
     errors, an unwritable --out; nothing was checked`;

export function registerFindings(program: Command, context: CommandContext): void {
    program.command('findings')
        .description('Read a checklist an auditor filled in, check it against the scheme it came from, and write the findings report.')
        .argument('<checklist>', 'the filled-in checklist: a .xlsx or .csv file written by certa generate')
        .argument('[sources...]', '.certa files or folders of the scheme (searched recursively)', ['.'])
        .requiredOption('--out <dir>', 'folder to write findings.md, findings.html and findings.json to (created if missing)')
        .option('--format <formats>', `comma-separated formats: ${FINDINGS_FORMATS.join(',')}`, FINDINGS_FORMATS.join(','))
        .option('--scheme <id>', 'the scheme the checklist belongs to (default: the one its header or item ids name)')
        .option('--audit-date <date>', 'last day of the audit (YYYY-MM-DD), which deadlines count from (default: the header\'s audit dates)')
        .addHelpText('after', EXIT_CODES)
        .action(async (checklist: string, sources: string[], options: FindingsCommandOptions) => {
            context.exitCode = await findings(checklist, sources, options);
        });
}

function parseFormats(value: string): FindingsFormat[] {
    const formats = [...new Set(value.split(',').map(item => item.trim()).filter(Boolean))];
    if (formats.length === 0) throw new UsageError('--format needs at least one value');
    const unknown = formats.filter(format => !(FINDINGS_FORMATS as readonly string[]).includes(format));
    if (unknown.length > 0) throw new UsageError(`unknown format ${unknown.join(', ')}; choose from ${FINDINGS_FORMATS.join(', ')}`);
    return formats as FindingsFormat[];
}

function checkAuditDate(date: string | undefined): void {
    if (date === undefined) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) {
        throw new UsageError(`--audit-date must be a calendar date written YYYY-MM-DD, not "${date}"`);
    }
}

async function readChecklist(file: string): Promise<FilledChecklist> {
    const extension = path.extname(file).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.csv') {
        throw new UsageError(`${file}: give the checklist as .xlsx or .csv (the files certa generate writes), not "${extension || 'no extension'}"`);
    }
    const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${file} (${error.code ?? error.message})`);
    });
    try {
        return extension === '.xlsx' ? await readFilledXlsx(bytes, path.basename(file)) : readFilledCsv(bytes, path.basename(file));
    } catch (error) {
        if (error instanceof UnreadableChecklistError) throw new UsageError(error.message);
        throw error;
    }
}

/** The scheme named by --scheme, else by the checklist's header, else the one most of its item ids belong to. */
function schemeFor(model: CertaModel, filled: FilledChecklist, wanted: string | undefined): SchemeModel | undefined {
    if (wanted !== undefined) {
        const found = model.schemes.find(scheme => scheme.id === wanted);
        if (!found) throw new UsageError(`no scheme "${wanted}" in the sources (schemes: ${model.schemes.map(s => s.id).join(', ') || 'none'})`);
        return found;
    }
    const named = filled.header.get('Scheme')?.value.split(':')[0].trim();
    const byHeader = model.schemes.find(scheme => scheme.id === named);
    if (byHeader) return byHeader;
    const ids = new Set(filled.rows.map(row => row.item));
    let best: { scheme: SchemeModel; hits: number } | undefined;
    for (const scheme of model.schemes) {
        const hits = buildChecklist(scheme, model.catalogs, { questionBanks: model.questionBanks }).activities
            .flatMap(activity => activity.items).filter(item => ids.has(item.id)).length;
        if (hits > 0 && (!best || hits > best.hits)) best = { scheme, hits };
    }
    // Nothing to go by (no header, no known item): a workspace of one scheme still says which.
    return best?.scheme ?? (model.schemes.length === 1 ? model.schemes[0] : undefined);
}

async function findings(checklistFile: string, sources: string[], options: FindingsCommandOptions): Promise<number> {
    const formats = parseFormats(options.format);
    checkAuditDate(options.auditDate);
    await checkOutputFolder(options.out);
    const filled = await readChecklist(checklistFile);

    const workspace = await openWorkspace(sources);
    if (hasErrors(workspace.documents)) {
        const errors = diagnosticRecords(workspace.documents).filter(r => r.severity === 'error');
        for (const r of errors.slice(0, 10)) process.stderr.write(`${r.file}:${r.line}:${r.column} error ${r.code} ${r.message}\n`);
        throw new UsageError(`not checking ${checklistFile}: the sources have ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them (certa validate) first`);
    }
    const model = buildCertaModel(workspace.documents, workspace.builtins);
    const scheme = schemeFor(model, filled, options.scheme);
    if (!scheme) {
        process.stderr.write(`certa: ${checklistFile}: no scheme in the sources has the items of this checklist; pass the scheme's sources, or --scheme ID\n`);
        return ExitCode.findings;
    }
    const expected = buildChecklist(scheme, model.catalogs, { questionBanks: model.questionBanks });
    const document = checkFindings(filled, expected, { checklistName: path.basename(checklistFile), auditDate: options.auditDate, gradeAliases: gradeAliases(scheme) });

    await prepareOutputFolder(options.out);
    const files = renderFindings(document, formats);
    await writeFilesAtomically(options.out, files).catch((error: unknown) => {
        if (error instanceof UsageError) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        throw new UsageError(`cannot write the findings report to ${options.out} (${reason})`);
    });

    const say = (line: string): boolean => process.stderr.write(`${line}\n`);
    const shownProblems = document.problems.filter(p => p.severity === 'error').concat(document.problems.filter(p => p.severity === 'warning'));
    for (const p of shownProblems.slice(0, 20)) say(`${checklistFile}: ${p.sheet}${p.row ? ` row ${p.row}` : ''}: ${p.severity} ${p.code}: ${p.message}`);
    if (shownProblems.length > 20) say(`… and ${shownProblems.length - 20} more (see the report)`);
    const ncs = document.nonconformities.length;
    say(`certa: ${scheme.id}: ${ncs} nonconformit${ncs === 1 ? 'y' : 'ies'}, ${document.observations.length} observation${document.observations.length === 1 ? '' : 's'}, ${document.openItems.length} open item${document.openItems.length === 1 ? '' : 's'}${document.valid ? '' : '; the checklist has errors'}`);
    say(`certa: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${options.out} (${formats.join(', ')})`);
    return !document.valid || ncs > 0 ? ExitCode.findings : ExitCode.ok;
}
