// Small measuring helpers shared by the benchmark's phases.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

/** Nearest-rank percentile: the value at or below which `p` percent of the samples lie (no interpolation). */
export function percentile(samples, p) {
    if (samples.length === 0) return undefined;
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(samples) {
    return percentile(samples, 50);
}

export function summary(samples) {
    return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.length ? Math.max(...samples) : undefined };
}

/** 1-minute load average: on a shared 2-core machine every figure is read next to it. */
export function load1() {
    return Number(os.loadavg()[0].toFixed(2));
}

export function machine() {
    const cpuinfo = readOr('/proc/cpuinfo', '');
    const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
    return {
        cpu: model,
        cores: os.availableParallelism?.() ?? os.cpus().length,
        memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
        os: `${os.type()} ${os.release()}`,
        node: process.version
    };
}

/**
 * The machine's CPU time counters from /proc/stat, in ticks: `steal` is time the hypervisor gave this
 * virtual machine's CPUs to others, which neither the load average nor CPU times show.
 */
export function machineTicks() {
    const fields = readOr('/proc/stat', 'cpu 0').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/** Percentage of the machine's CPU time stolen by the hypervisor since `start` (a machineTicks()). */
export function stealSince(start) {
    const now = machineTicks();
    return now.total > start.total ? Number(((100 * (now.steal - start.steal)) / (now.total - start.total)).toFixed(1)) : null;
}

/** Resident set size and its peak of a process, from /proc (Linux), in MiB. */
export function processMemory(pid) {
    const status = readOr(`/proc/${pid}/status`, '');
    const kib = key => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

/**
 * Whether a process's main thread is running or waiting for a CPU (`R`), and the CPU time (user +
 * system) the process has used in clock ticks (1/100 s on Linux). On a loaded machine a busy
 * process can go a while without CPU time, but it stays runnable.
 */
export function cpuState(pid) {
    const stat = readOr(`/proc/${pid}/stat`, '');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { runnable: fields[0] === 'R', ticks: Number(fields[11]) + Number(fields[12]) };
}

const ticksPerSecond = (() => {
    try {
        return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
        return 100;
    }
})();

/**
 * CPU time (user + system) one thread has used, in ms, at clock-tick resolution (10 ms); by
 * default the main thread, whose thread id is the process id. On a machine shared with other work
 * the main thread's CPU time is what a job costs whoever else runs: wall time adds the time spent
 * waiting for a core, and the process's CPU time adds the garbage collector's helper threads.
 */
export function threadCpuMs(pid, tid = pid) {
    const stat = readOr(`/proc/${pid}/task/${tid}/stat`, '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function readOr(file, fallback) {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return fallback;
    }
}

export const MiB = 2 ** 20;
