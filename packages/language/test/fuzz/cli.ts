/**
 * `npm run fuzz -- --cases N [--seed S] [--minimise] [--out DIR] [--limit CPU-MS]`: a long fuzz run.
 * Prints progress and figures, writes each distinct failure's reproducer and a summary.json to
 * DIR (default packages/language/test/fuzz/found/), exits 1 if anything escaped.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignSummary } from './campaign.js';
import { runCampaign } from './campaign.js';

const { values } = parseArgs({
    options: {
        cases: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        minimise: { type: 'boolean', default: false },
        out: { type: 'string', default: path.join(path.dirname(new URL(import.meta.url).pathname), 'found') },
        limit: { type: 'string' }
    }
});

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
