import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../cli-error.js';
import type { TemplateName } from '../init-templates.js';
import { TEMPLATE_NAMES, TEMPLATES } from '../init-templates.js';
import { relativeName } from '../source-files.js';
import { colours, writeLine } from '../terminal.js';
import type { CommandContext } from './command-context.js';

interface InitOptions {
    template: TemplateName;
}

export function registerInit(program: Command, context: CommandContext): void {
    program.command('init')
        .description('Start a workspace: certa.json, a scheme, shared roles, competences and people, and a catalog of your own, ready to validate and generate.')
        .argument('[dir]', 'the folder to create it in (created if missing)', '.')
        .addOption(new Option('--template <name>', 'what the scheme certifies').choices([...TEMPLATE_NAMES]).default('product'))
        .action(async (dir: string, options: InitOptions) => {
            await init(dir, options);
            context.exitCode = 0;
        });
}

/** Writes the template's files, all or none: an existing file is never overwritten. */
async function init(dir: string, options: InitOptions): Promise<void> {
    const template = TEMPLATES[options.template];
    const target = path.resolve(dir);
    const files = Object.entries(template.files).map(([name, content]) => ({ name, file: path.join(target, name), content }));
    const existing = (await Promise.all(files.map(async f => (await exists(f.file)) ? f.name : undefined))).filter(Boolean);
    if (existing.length > 0) {
        throw new UsageError(`${relativeName(target)} already has ${existing.join(', ')}; certa init never overwrites files. Choose an empty folder (certa init --template ${options.template} NEW_FOLDER).`);
    }
    for (const { file, content } of files) {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, content, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`cannot write ${relativeName(file)} (${error.code ?? error.message}). Check the folder's permissions.`);
        });
    }
    const where = relativeName(target);
    const cd = path.relative(process.cwd(), target) === '' ? '' : `cd ${where} && `;
    writeLine(`Created ${template.description} in ${where}:`);
    for (const { name } of files) writeLine(`  ${name}`);
    writeLine('');
    writeLine(colours.bold('Next:'));
    writeLine(`  1. ${cd}certa validate        checks the workspace (it starts clean: 0 errors, 0 warnings)`);
    writeLine(`  2. edit ${template.scheme}: open the folder in VS Code with the Certa extension; hover a keyword for its meaning, docs/language.md has them all`);
    writeLine(`  3. ${cd}certa generate        writes the checklists, competence and coverage matrices to out/`);
}

async function exists(file: string): Promise<boolean> {
    return fs.lstat(file).then(() => true, () => false);
}
