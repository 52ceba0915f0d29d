// Cold start of the CLI: `certa validate one.certa` as CI runs it (a fresh Node process each time),
// against `node -e 0` on the same machine and at the same moment, so the ratio carries less of the
// machine's load than either time alone. Runs alternate and the medians are compared: wall time
// (the budget), and each process's own CPU time, reported by scripts/bench/report-cpu.mjs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { load1, median } from './measure.mjs';
import { cliPath } from './paths.mjs';

const reportCpu = new URL('./report-cpu.mjs', import.meta.url).href;
import { selfContainedFile } from './workspace.mjs';

export function cliColdPhase({ runs, capMs }) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-bench-cli-'));
    const file = path.join(folder, 'one.certa');
    fs.writeFileSync(file, selfContainedFile());
    const loadStart = load1();
    try {
        const time = args => {
            const start = performance.now();
            const child = spawnSync(process.execPath, ['--import', reportCpu, ...args], {
                encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'pipe']
            });
            const ms = performance.now() - start;
            return { ms, cpuMs: Number(child.output[3]) / 1000, status: child.status, output: `${child.stdout}${child.stderr}` };
        };
        // One untimed run of each warms the file-system cache, as on any CI runner after checkout.
        const check = time([cliPath, 'validate', file]);
        if (check.status !== 0 || !/0 errors, 0 warnings/.test(check.output)) {
            throw new Error(`certa validate one.certa is not clean (exit ${check.status}): ${check.output.slice(0, 500)}`);
        }
        time(['-e', '0']);
        const cli = [];
        const node = [];
        const started = performance.now();
        for (let i = 0; i < runs && (i === 0 || performance.now() - started < capMs); i++) {
            node.push(time(['-e', '0']));
            cli.push(time([cliPath, 'validate', file]));
        }
        const wall = list => median(list.map(r => r.ms));
        const cpu = list => median(list.map(r => r.cpuMs));
        return {
            runs: cli.length, cliMs: wall(cli), nodeMs: wall(node), ratio: wall(cli) / wall(node),
            cliCpuMs: cpu(cli), nodeCpuMs: cpu(node), cpuRatio: cpu(cli) / cpu(node),
            bytes: fs.statSync(file).size, loadStart, loadEnd: load1()
        };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
