/**
 * Every diagnostic Certa reports, in one place: its stable code, default severity, the clause of a
 * standard it rests on, and a one-line summary. Checks, quick fixes, suppressions, `certa rules`
 * and docs/rules.md all key on these codes.
 */
export type RuleSeverity = 'error' | 'warning' | 'info';

export interface RuleInfo {
    readonly code: string;
    readonly severity: RuleSeverity;
    /** The clause of a standard (or the language itself) the rule rests on. */
    readonly basis: string;
    readonly summary: string;
    /**
     * `false` when the basis clause states a requirement ("shall") that a scheme cannot waive:
     * `accept` cannot suppress such a finding, only fixing the scheme can.
     */
    readonly acceptable?: false;
}

const rules = new Map<string, RuleInfo>();

/** Declares a rule; each rule family file declares its own rules next to its checks. */
export function defineRule(info: RuleInfo): string {
    if (rules.has(info.code)) {
        throw new Error(`Rule ${info.code} is defined twice.`);
    }
    rules.set(info.code, info);
    return info.code;
}

export function ruleInfo(code: string): RuleInfo | undefined {
    return rules.get(aliases.get(code) ?? code);
}

/** Old codes of renamed rules, so that existing `accept` lines keep working. */
const aliases = new Map<string, string>();

/** Declares that `old` is a former name of rule `code` (a renamed rule keeps its old code as an alias). */
export function defineAlias(old: string, code: string): void {
    if (rules.has(old) || aliases.has(old)) throw new Error(`Alias ${old} is defined twice.`);
    aliases.set(old, code);
}

/** The current code of a rule named by its current or a former code. */
export function canonicalCode(code: string): string {
    return aliases.get(code) ?? code;
}

/** The current code when `code` is a former one; undefined for current or unknown codes. */
export function renamedTo(code: string): string | undefined {
    return aliases.get(code);
}

/** All rules, ordered by code. */
export function allRules(): RuleInfo[] {
    return [...rules.values()].sort((a, b) => a.code.localeCompare(b.code));
}
