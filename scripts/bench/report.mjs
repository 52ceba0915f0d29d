// The benchmark's outputs: the metrics file (`--json FILE`) and bench/RESULTS.md.
import { budgets, passes } from './budgets.mjs';

/** Metrics in the order they were measured, each with the load average at the time. */
export class Metrics {
    entries = new Map();

    /** `value` null means not measured; `note` then says why (e.g. "over 600 s"). */
    record(section, name, value, unit, { load, note } = {}) {
        const budget = budgets[name] ?? null;
        const rounded = typeof value === 'number' ? Number(value.toFixed(value >= 100 ? 0 : 2)) : value ?? null;
        this.entries.set(name, { section, value: rounded, unit, budget, pass: passes(rounded, budget), load1: load ?? null, note });
    }

    failures() {
        return [...this.entries].filter(([, m]) => m.pass === false);
    }

    /**
     * `{"metrics": {"<name>": {value, unit, budget, pass, load1, note?}}}`, plus when and where it was
     * measured (`context`) and the section each metric is reported under.
     */
    toJson(context) {
        const metrics = {};
        const sections = {};
        for (const [name, { section, value, unit, budget, pass, load1, note }] of this.entries) {
            metrics[name] = { value, unit, budget, pass, load1, ...(note ? { note } : {}) };
            sections[name] = section;
        }
        return { context, metrics, sections };
    }
}

function format(metric) {
    if (!metric) return '—';
    const { value, unit, note } = metric;
    if (value === null) return note ?? 'not measured';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (unit === '×') return `${value.toFixed(1)}×`;
    const number = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
    const counted = ['files', 'references', 'edits', 'runs', 'items'].includes(unit);
    return `${Number(number).toLocaleString('en-GB')}${counted ? '' : ` ${unit}`}${note ? ` (${note})` : ''}`;
}

function formatBudget(name) {
    const budget = budgets[name];
    if (budget === undefined) return '';
    if (typeof budget === 'boolean') return budget ? 'yes' : 'no';
    const unit = /Ratio|Growth/.test(name) ? '×' : /MiB$/.test(name) ? ' MiB' : ' ms';
    return `≤ ${budget.toLocaleString('en-GB')}${unit}`;
}

const measureLabels = {
    Files: 'files', SourceKiB: 'source text', References: 'references', LexerCpuMs: 'lexer alone, CPU', CpuMs: 'full build, CPU',
    RatioToLexer: 'full build ÷ lexer, CPU', LexerMs: 'lexer alone, wall', Ms: 'full build, wall', WallRatioToLexer: 'full build ÷ lexer, wall',
    ParseCpuMs: '… parse, CPU', IndexCpuMs: '… index, CPU', ScopesCpuMs: '… scopes, CPU', LinkCpuMs: '… link, CPU',
    IndexReferencesCpuMs: '… index references, CPU', ValidateCpuMs: '… validate, CPU', HeapMiB: 'heap after GC',
    WorkspaceHeapMiB: 'heap the workspace adds', RssMiB: 'process RSS'
};

const mark = metric => metric?.pass === true ? '✓' : metric?.pass === false ? '✗' : '';

function contextRows(before, after) {
    const rows = [
        ['date', c => c.date],
        ['commit', c => c.commit],
        ['mode', c => c.mode],
        ['CPU', c => `${c.machine.cpu}, ${c.machine.cores} cores`],
        ['memory', c => `${c.machine.memoryGiB} GiB`],
        ['OS', c => c.machine.os],
        ['Node', c => c.machine.node],
        ['load average (1 min) at start → end', c => `${c.loadStart} → ${c.loadEnd}`],
        ['budgets failed', c => `${c.failed} of ${c.budgeted}`],
        ['duration', c => `${c.seconds} s`]
    ];
    return rows.map(([label, of]) => `| ${label} | ${before ? of(before) : '—'} |${after ? ` ${of(after)} |` : ''}`);
}

/**
 * bench/RESULTS.md: the context of both runs, the budgets, every figure and where the time goes.
 * `before` is the recorded baseline (bench/baseline.json); `after` this run, unless this run is the
 * baseline.
 */
export function resultsMarkdown({ before, after, notes }) {
    const both = Boolean(after);
    const head = both ? '| | before | after |\n|---|---|---|' : '| | before |\n|---|---|';
    const names = [...new Set([...Object.keys(before.metrics), ...Object.keys(after?.metrics ?? {})])];
    const sectionOf = name => after?.sections?.[name] ?? before.sections?.[name] ?? '';
    const lines = [
        '# Benchmark results',
        '',
        'Written by `npm run bench` (the full run); `npm run bench -- --quick --json FILE` writes the same metrics',
        'as JSON without touching this file. Budgets and why: `scripts/bench/budgets.mjs`; how each figure is',
        'taken: the Method section below. Single runs on a 2-core machine shared with other work: each figure is',
        'listed with the 1-minute load average when it was taken, so read times next to it (the ratios carry',
        'much less of the load than the times).',
        '',
        head,
        ...contextRows(before.context, after?.context),
        '',
        '## Budgets',
        '',
        both ? '| metric | budget | before | after |' : '| metric | budget | before |',
        both ? '|---|---|---|---|' : '|---|---|---|',
        ...names.filter(name => budgets[name] !== undefined).map(name => {
            const b = before.metrics[name];
            const a = after?.metrics[name];
            return `| \`${name}\` | ${formatBudget(name)} | ${mark(b)} ${format(b)} |${both ? ` ${mark(a)} ${format(a)} |` : ''}`;
        }),
        '',
        '## Every figure',
        ''
    ];
    const bySection = new Map();
    for (const name of names) {
        if (!bySection.has(sectionOf(name))) bySection.set(sectionOf(name), []);
        bySection.get(sectionOf(name)).push(name);
    }
    const cell = name => both ? `${format(before.metrics[name])} → ${format(after.metrics[name])}` : format(before.metrics[name]);
    for (const [section, sectionNames] of bySection) {
        lines.push(`### ${section}`, '');
        const perSize = sectionNames.map(name => /^build(\d+)([A-Z]\w*)$/.exec(name)).filter(Boolean);
        if (perSize.length === sectionNames.length) {
            // One column per workspace size, one row per measure.
            const sizes = [...new Set(perSize.map(m => Number(m[1])))];
            const measures = [...new Set(perSize.map(m => m[2]))];
            lines.push(`| measure | ${sizes.map(n => `${n.toLocaleString('en-GB')} files`).join(' | ')} |`, `|---|${sizes.map(() => '---|').join('')}`);
            for (const measure of measures) {
                lines.push(`| \`build…${measure}\` ${measureLabels[measure] ?? ''} | ${sizes.map(n => cell(`build${n}${measure}`)).join(' | ')} |`);
            }
            const loads = sizes.map(n => {
                const load = run => run?.metrics[`build${n}Ms`]?.load1 ?? '';
                return both ? `${load(before)} → ${load(after)}` : load(before);
            });
            lines.push(`| *load average (1 min)* | ${loads.join(' | ')} |`, '');
            continue;
        }
        lines.push(both ? '| metric | before | load | after | load |' : '| metric | before | load |', both ? '|---|---|---|---|---|' : '|---|---|---|');
        for (const name of sectionNames) {
            const b = before.metrics[name];
            const a = after?.metrics[name];
            lines.push(`| \`${name}\` | ${format(b)} | ${b?.load1 ?? ''} |${both ? ` ${format(a)} | ${a?.load1 ?? ''} |` : ''}`);
        }
        lines.push('');
    }
    for (const [label, run] of [['before', before], ['after', after]]) {
        if (!run?.profiles) continue;
        for (const [title, profile] of Object.entries(run.profiles)) {
            lines.push('', `## Where the time goes (${label}): ${title}`, '',
                `V8 sampling profile of ${profile.what}, ${profile.totalMs.toFixed(0)} ms sampled; self time per function, top ${profile.top.length}.`, '',
                '| self ms | % | function |', '|---|---|---|',
                ...profile.top.map(t => `| ${t.ms.toFixed(0)} | ${t.percent.toFixed(1)} | \`${t.name.replace(/\|/g, '\\|')}\` |`));
        }
    }
    lines.push('', '## Method', '', ...notes, '');
    return lines.join('\n');
}
