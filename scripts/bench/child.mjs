import { fork } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { polyfillPath } from './paths.mjs';

/**
 * Runs a benchmark script in a process of its own and resolves with the one message it sends, or
 * with `{ capped: true }` when it has not answered within `capMs` (then it is stopped).
 */
export function runChild(script, args, { capMs, execArgv = [] }) {
    return new Promise((resolve, reject) => {
        const child = fork(script, args.map(String), { execArgv: [...execArgv, '--import', polyfillPath], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
        let answer;
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += chunk; });
        const timer = setTimeout(() => {
            answer = { capped: true, capMs };
            child.kill('SIGKILL');
        }, capMs);
        child.on('message', message => { answer = message; });
        child.on('exit', code => {
            clearTimeout(timer);
            if (answer) resolve(answer);
            else reject(new Error(`${script} ${args.join(' ')} exited with ${code}:\n${stderr.trim()}`));
        });
    });
}
