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
            // `acceptable: false`: the basis states a "shall", so `accept` cannot suppress the finding.
            const rules = allRules().map(({ code, severity, basis, summary, acceptable }) => ({ code, severity, basis, summary, acceptable: acceptable !== false }));
            if (options.format === 'json') {
                writeJson(rules);
                return;
            }
            for (const rule of rules) {
                const fixed = rule.acceptable ? '' : ' (cannot be accepted)';
                writeLine(`${colours.bold(rule.code)} ${rule.severity}${fixed} ${colours.dim(`[${rule.basis}]`)}\n    ${rule.summary}`);
            }
        });
}
