import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ExitCode, UsageError } from './cli-error.js';
import { finishOutput, guardOutputStreams } from './closed-output.js';
import type { CommandContext } from './commands/command-context.js';
import { registerCatalog } from './commands/catalog.js';
import { registerRules } from './commands/rules.js';
import { registerValidate } from './commands/validate.js';
import { registerGenerate } from './commands/generate.js';
import { registerProgramme } from './commands/programme.js';
import { registerInit } from './commands/init.js';
import { registerFindings } from './commands/findings.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Runs `certa` with the given argv and returns the exit code: 0 clean, 1 findings, 2 usage or
 * I/O problems. Expected problems print one line; nothing prints a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
    guardOutputStreams();
    const exitCode = await run(argv);
    const failure = await finishOutput();
    if (failure) {
        process.stderr.write(`certa: cannot write the output (${failure.code ?? failure.message}); check where it goes (disk space, permissions)\n`);
        return ExitCode.usage;
    }
    return exitCode;
}

/** The exit codes CI pipelines rely on, at the end of every --help. */
const EXIT_CODES = `
Exit codes:
  0  no errors (warnings allowed unless --strict)
  1  errors found (or warnings with --strict); generate: sources have errors
  2  usage or I/O problem: unknown flag, missing path, unreadable file, invalid certa.json

Workspace: a certa.json in the folder or above it names the source and shared folders and the defaults
(certa init writes one; see docs/language.md).`;

async function run(argv: string[]): Promise<number> {
    const context: CommandContext = { version, exitCode: ExitCode.ok };
    const program = new Command('certa')
        .description('Certa: certification schemes as checked source files.')
        .version(version)
        .showSuggestionAfterError(true)
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text.replace(/^error: /, 'certa: ')) });
    registerInit(program, context);
    registerValidate(program, context);
    registerGenerate(program, context);
    registerProgramme(program, context);
    registerFindings(program, context);
    registerCatalog(program, context);
    registerRules(program, context);
    program.addHelpText('after', EXIT_CODES);
    for (const command of program.commands) {
        command.addHelpText('after', EXIT_CODES);
        command.exitOverride();
        if (!command.options.some(option => option.long === '--version')) command.version(version);
    }
    try {
        await program.parseAsync(argv);
        return context.exitCode;
    } catch (error) {
        return exitCodeFor(error);
    }
}

function exitCodeFor(error: unknown): number {
    if (error instanceof CommanderError) {
        // Help and version exit 0; every other parse problem is a usage error (already printed).
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
        process.stderr.write(`certa: ${error.message}\n`);
        return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`certa: internal error: ${message}\nPlease report this with the command you ran.\n`);
    return ExitCode.usage;
}
