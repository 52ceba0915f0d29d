import * as fs from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from './paths.mjs';

/** The functions with the most self time in a V8 .cpuprofile, e.g. `node --cpu-prof`'s output. */
export function topSelfTime(file, count = 20) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map(node => [node.id, node]));
    const selfUs = new Map();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map();
    let totalUs = 0;
    for (const [id, us] of selfUs) {
        const { functionName, url, lineNumber } = nodes.get(id).callFrame;
        const where = url ? `${path.relative(repositoryRoot, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
        const key = `${functionName || '(anonymous)'} ${where}`.trim();
        byFunction.set(key, (byFunction.get(key) ?? 0) + us);
        totalUs += us;
    }
    return {
        totalMs: totalUs / 1000,
        top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count)
            .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / totalUs }))
    };
}

/** Starts V8's sampling profiler in this process; the returned function stops it and writes `file`. */
export async function startProfile() {
    const inspector = await import('node:inspector/promises');
    const session = new inspector.Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    return async file => {
        const { profile } = await session.post('Profiler.stop');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(profile));
        session.disconnect();
    };
}

/**
 * Inclusive time (self time of the function and everything it calls) of the functions defined under
 * `under` (e.g. `packages/`): where the callers of hot library code, such as a rule scanning every
 * document, show up.
 */
export function topInclusive(file, under, count = 15) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const selfUs = new Map();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const inclusive = new Map();
    let totalUs = 0;
    for (const [id, us] of selfUs) {
        totalUs += us;
        // Each function once per sample, however often it recurs on the stack.
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
            const { functionName, url, lineNumber } = nodes.get(at).callFrame;
            const relative = path.relative(repositoryRoot, url.replace(/^file:\/\//, ''));
            if (!url || !relative.startsWith(under)) continue;
            const key = `${functionName || '(anonymous)'} ${relative}:${lineNumber + 1}`;
            if (seen.has(key)) continue;
            seen.add(key);
            inclusive.set(key, (inclusive.get(key) ?? 0) + us);
        }
    }
    return [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, count)
        .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / totalUs }));
}
