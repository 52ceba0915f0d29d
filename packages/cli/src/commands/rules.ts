import type { Command } from 'commander';
import { Option } from 'commander';
import { allRules } from '@certa/language';
import { colours, writeJson, writeLine } from '../terminal.js';
import type { CommandContext } from './command-context.js';

export function registerRules(program: Command, context: CommandContext): void {
    program.command('rules')
        .description('List every rule Certa checks: code, severity, the clause it rests on, and what it means.')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .version(context.version)
        .action((options: { format: 'text' | 'json' }) => {
            const rules = allRules().map(({ code, severity, basis, summary }) => ({ code, severity, basis, summary }));
            if (options.format === 'json') {
                writeJson(rules);
                return;
            }
            for (const rule of rules) {
                writeLine(`${colours.bold(rule.code)} ${rule.severity} ${colours.dim(`[${rule.basis}]`)}\n    ${rule.summary}`);
            }
        });
}
