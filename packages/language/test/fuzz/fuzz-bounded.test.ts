import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';

/**
 * A bounded fuzz run with a fixed seed, part of `npm test`. Sized to finish well within 60 s on
 * the 2-core development machine; `npm run fuzz` runs long and minimises what it finds.
 */
const SEED = 20260601;
const CASES = 300;

describe('fuzzing', () => {
    it(`lets nothing escape in ${CASES} cases (seed ${SEED})`, async () => {
        const summary = await runCampaign({ cases: CASES, seed: SEED });
        const escaped = summary.failures.map(f => `${f.signature}  [${f.cases} case(s), first ${f.firstCase}]`);
        expect(escaped, `reproduce and minimise: npm run fuzz -- --cases ${CASES} --seed ${SEED} --minimise`).toEqual([]);
        expect(summary.hangs).toBe(0);
    }, 120_000);
});
