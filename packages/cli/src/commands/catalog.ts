import type { Command } from 'commander';
import { Option } from 'commander';
import type { Catalog, Clause } from '@certa/language';
import { clauseIndexOf, isCatalog, sameSpellingNames } from '@certa/language';
import { UsageError } from '../cli-error.js';
import type { CliWorkspace } from '../certa-workspace.js';
import { openWorkspace } from '../certa-workspace.js';
import { colours, writeJson, writeLine } from '../terminal.js';
import type { CommandContext } from './command-context.js';

interface FormatOption {
    format: 'text' | 'json';
}

interface ClauseEntry {
    number: string;
    heading: string | null;
    clauses: ClauseEntry[];
}

export function registerCatalog(program: Command, context: CommandContext): void {
    const catalog = program.command('catalog')
        .description('Look up the standards Certa knows: the builtin catalogs and those in your files.')
        .version(context.version);
    const format = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

    catalog.command('list')
        .description('List the catalogs: id, title, edition and number of clauses.')
        .argument('[paths...]', 'also list catalogs declared in these .certa files or folders')
        .addOption(format())
        .version(context.version)
        .action(async (paths: string[], options: FormatOption) => {
            const catalogs = catalogsOf(await openWorkspace(paths));
            const rows = catalogs.map(c => ({
                id: c.name, title: c.title, edition: c.edition ?? null, clauses: clauseIndexOf(c).clauses.length
            }));
            if (options.format === 'json') {
                writeJson(rows);
                return;
            }
            const width = Math.max(0, ...rows.map(r => r.id.length));
            catalogs.forEach((c, i) => {
                const designation = c.designation ?? (c.edition ? `${c.name}:${c.edition}` : c.name);
                writeLine(`${colours.bold(c.name.padEnd(width))}  ${designation}  ${c.title}  ${colours.dim(`(${rows[i].clauses} clauses)`)}`);
            });
        });

    catalog.command('show')
        .description('Show the clause tree of one catalog (numbers and headings).')
        .argument('<id>', 'catalog id, e.g. ISO9001')
        .argument('[paths...]', 'also look in these .certa files or folders')
        .addOption(format())
        .version(context.version)
        .action(async (id: string, paths: string[], options: FormatOption) => {
            const catalogs = catalogsOf(await openWorkspace(paths));
            const found = catalogs.find(c => c.name === id);
            if (!found) {
                const suggestions = sameSpellingNames(id, catalogs.map(c => c.name));
                const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : ` The catalogs are ${catalogs.map(c => c.name).join(', ')}.`;
                throw new UsageError(`Unknown catalog '${id}'.${hint} A catalog of your own is a .certa file declaring 'catalog ${id} "title" { … }': give its path after the id (certa catalog show ${id} FILE), or keep it in a shared folder of certa.json.`);
            }
            const clauses = found.clauses.map(toEntry);
            if (options.format === 'json') {
                writeJson({ id: found.name, title: found.title, edition: found.edition ?? null, clauses });
                return;
            }
            writeLine(titleLine(found));
            printTree(clauses, 1);
        });
}

/** `ISO9001  ISO 9001:2015  Quality management systems - Requirements`: id, designation as printed, title. */
function titleLine(catalog: Catalog): string {
    const designation = catalog.designation ?? (catalog.edition ? `${catalog.name}, edition ${catalog.edition}` : undefined);
    return [colours.bold(catalog.name), designation, catalog.title].filter(Boolean).join('  ');
}

/** Builtin catalogs first, then the user's, each group by id. */
function catalogsOf(workspace: CliWorkspace): Catalog[] {
    const of = (documents: CliWorkspace['documents']) => documents
        .flatMap(d => (d.parseResult.value as { elements?: unknown[] }).elements ?? [])
        .filter(isCatalog)
        .sort((a, b) => a.name.localeCompare(b.name));
    return [...of(workspace.builtins), ...of(workspace.documents)];
}

function toEntry(clause: Clause): ClauseEntry {
    return { number: clause.name, heading: clause.heading ?? null, clauses: clause.clauses.map(toEntry) };
}

function printTree(entries: ClauseEntry[], depth: number): void {
    for (const entry of entries) {
        writeLine(`${'  '.repeat(depth)}${colours.bold(entry.number)}  ${entry.heading ?? colours.dim('(numbered paragraph)')}`);
        printTree(entry.clauses, depth + 1);
    }
}
