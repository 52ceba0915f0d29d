/**
 * `npm run fuzz -- --cases N [--seed S] [--minimise] [--out DIR] [--limit CPU-MS]`: a long fuzz run.
 * Prints progress and figures, writes each distinct failure's reproducer and a summary.json to
 * DIR (default packages/language/test/fuzz/found/), exits 1 if anything escaped.
 * `npm run fuzz -- --replay FILE… [--sweep]` runs reproducers alone and prints what escaped;
 * `npm run fuzz -- --minimise-files FILE… [--out DIR]` shrinks reproducers again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignSummary, FoundFailure } from './campaign.js';
import { CASE_LIMIT_MS, caseLimitMs, minimise, runCampaign, signatureSlug, WALL_LIMIT_MS } from './campaign.js';
import { parseCase, serialiseCase } from './case-script.js';
import { Supervisor } from './supervisor.js';

const { values, positionals } = parseArgs({
    options: {
        cases: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        minimise: { type: 'boolean', default: false },
        out: { type: 'string', default: path.join(path.dirname(new URL(import.meta.url).pathname), 'found') },
        limit: { type: 'string' },
        replay: { type: 'boolean', default: false },
        'minimise-files': { type: 'boolean', default: false },
        sweep: { type: 'boolean', default: false }
    },
    allowPositionals: true
});

if (values['minimise-files']) {
    const supervisor = new Supervisor();
    try {
        let failed = 0;
        for (const file of positionals) failed += await minimiseFile(file, values.out!, supervisor);
        process.exitCode = failed > 0 ? 1 : 0;
    } finally {
        supervisor.close();
    }
    process.exit();
}

/** Shrinks one reproducer (its `// signature:` line says what must keep failing) into DIR. */
async function minimiseFile(file: string, outDir: string, supervisor: Supervisor): Promise<number> {
    const source = fs.readFileSync(file, 'utf8');
    const signature = /^\/\/ signature: (.*)$/m.exec(source)?.[1];
    if (!signature) throw new Error(`${file} has no '// signature:' line`);
    {
        const failure: FoundFailure = {
            signature, phase: signature.split(' | ')[0], kind: signature.startsWith('hang') ? 'hang' : 'exception', message: '',
            cases: 1, firstCase: 0, reproducer: parseCase(source), minimised: false
        };
        await minimise(failure, supervisor, values.limit ? Number(values.limit) : CASE_LIMIT_MS);
        if (!failure.reproducible) {
            console.log(`${file}: does not fail with '${signature}' alone`);
            return 1;
        }
        fs.mkdirSync(outDir, { recursive: true });
        const target = path.join(outDir, `${signatureSlug(signature)}.certa`);
        fs.writeFileSync(target, serialiseCase(failure.reproducer, [`signature: ${signature}`, `minimised from ${path.basename(file)}`]));
        console.log(`${target}: ${fs.statSync(target).size} bytes`);
        return 0;
    }
}

if (values.replay) {
    process.exitCode = await replay(positionals, values.sweep);
    process.exit();
}

/** Each reproducer alone in a fresh workspace (`--sweep`: then every provider at every offset). */
async function replay(files: string[], sweep: boolean): Promise<number> {
    const supervisor = new Supervisor();
    let failed = 0;
    try {
        for (const file of files) {
            const result = await supervisor.run({ ...parseCase(fs.readFileSync(file, 'utf8')), reset: true, sweep }, WALL_LIMIT_MS);
            const slow = result.timedOut ? ['killed at the wall-clock limit'] : result.cpuMs > caseLimitMs(result) ? ['over the CPU limit'] : [];
            const lines = [...slow, ...result.failures.map(f => `${f.signature}\n      ${f.stack?.split('\n').slice(1, 4).map(l => l.trim()).join('\n      ') ?? ''}`)];
            if (lines.length > 0) failed++;
            console.log(`${file}: ${Math.round(result.cpuMs)} ms CPU (limit ${caseLimitMs(result)} ms), ${Math.round(result.durationMs)} ms wall${lines.map(l => `\n  ${l}`).join('')}`);
            if (result.timedOut) supervisor.recycle();
        }
    } finally {
        supervisor.close();
    }
    return failed > 0 ? 1 : 0;
}

const cases = Number(values.cases);
const progress = (s: CampaignSummary) => process.stdout.write(
    `  ${s.cases}/${cases} cases, ${s.casesPerSecond.toFixed(1)}/s, ${s.escapedExceptions} escaped, ${s.hangs} hangs, ${s.distinctSignatures} distinct\n`);

const summary = await runCampaign({
    cases, seed: Number(values.seed), minimise: values.minimise, outDir: values.out,
    limitMs: values.limit ? Number(values.limit) : undefined, onProgress: progress
});

const phases = Object.entries(summary.phases).sort(([a], [b]) => a.localeCompare(b)).map(([p, n]) => `${p} ${n}`).join(', ');
console.log(`
cases              ${summary.cases} (seed ${summary.seed})
time               ${summary.seconds.toFixed(1)} s, ${summary.casesPerSecond.toFixed(1)} cases/s
slowest case       ${summary.maxCaseCpuMs.toFixed(0)} ms CPU, ${summary.maxCaseWallMs.toFixed(0)} ms wall
calls per phase    ${phases}
escaped exceptions ${summary.escapedExceptions}
hangs              ${summary.hangs} (killed, but within the limits alone: ${summary.slowUnconfirmed})
worker crashes     ${summary.crashes}, restarts ${summary.workerRestarts}
distinct failures  ${summary.distinctSignatures}`);
for (const f of summary.failures) {
    console.log(`  ${f.signature}\n    ${f.cases} case(s), first ${f.firstCase}${f.file ? `, ${path.relative(process.cwd(), f.file)}` : ''}`);
}
if (values.out) console.log(`summary            ${path.relative(process.cwd(), path.join(values.out, 'summary.json'))}`);
process.exitCode = summary.escapedExceptions + summary.hangs > 0 ? 1 : 0;
