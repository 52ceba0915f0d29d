import * as fs from 'node:fs';

/** Resident set size of a process in MiB, from /proc/<pid>/status (VmRSS). */
export function rssMiB(pid: number): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    if (!Number.isFinite(kib)) throw new Error(`no VmRSS for process ${pid}`);
    return kib / 1024;
}

/** CPU time the process has used so far, in clock ticks (utime + stime of /proc/<pid>/stat). */
export function cpuTicks(pid: number): number {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the process has been idle (at most `slack` ticks over each of `quietSamples`
 * consecutive 100 ms samples), i.e. its builds are done; returns how long that took in ms.
 */
export async function waitUntilIdle(pid: number, timeoutMs: number, quietSamples = 4, slack = 1): Promise<number> {
    const start = Date.now();
    let last = cpuTicks(pid);
    let quiet = 0;
    while (quiet < quietSamples) {
        if (Date.now() - start > timeoutMs) throw new Error(`process ${pid} still busy after ${timeoutMs} ms`);
        await new Promise(resolve => setTimeout(resolve, 100));
        const now = cpuTicks(pid);
        quiet = now - last <= slack ? quiet + 1 : 0;
        last = now;
    }
    return Date.now() - start;
}

/** Node options that load the memory probe (soak/gc-on-signal.mjs) into a server process. */
export const memoryProbe = ['--expose-gc', '--import', new URL('./gc-on-signal.mjs', import.meta.url).href];

/**
 * Memory of a server started with `memoryProbe`, after a full garbage collection: heap in use and
 * RSS, in MiB. The probe answers on the server's stderr, which `stderr` collects.
 */
export async function memoryAfterGc(pid: number, stderr: string[], timeoutMs = 10_000): Promise<{ heapMiB: number; rssMiB: number }> {
    const from = stderr.length;
    process.kill(pid, 'SIGUSR2');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const match = /soak-memory heapUsed=(\d+) rss=(\d+)/.exec(stderr.slice(from).join(''));
        if (match) return { heapMiB: Number(match[1]) / 2 ** 20, rssMiB: Number(match[2]) / 2 ** 20 };
        if (Date.now() > deadline) throw new Error(`process ${pid} did not answer the memory probe`);
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}
