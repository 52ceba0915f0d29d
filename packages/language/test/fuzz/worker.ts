/**
 * The child process that runs cases: one long-lived Harness, driven over IPC by the supervisor,
 * which kills and restarts it when a case overruns its time (a real infinite loop cannot be
 * interrupted from inside).
 */
import type { FuzzCase } from './case-script.js';
import { Harness } from './harness.js';

export type ToWorker = { type: 'run'; fuzzCase: FuzzCase };
export type FromWorker =
    | { type: 'ready' }
    | { type: 'phase'; id: number; phase: string }
    | { type: 'result'; id: number; result: Awaited<ReturnType<Harness['run']>> };

// Deep-recursion failures are only told apart by frames well below the top ten.
Error.stackTraceLimit = 60;

const send = (message: FromWorker) => process.send!(message);
const harness = await Harness.create();
let current = -1;
harness.onPhase = phase => send({ type: 'phase', id: current, phase });
process.on('unhandledRejection', reason => harness.reportStray(reason));
process.on('uncaughtException', error => harness.reportStray(error));
process.on('message', (message: ToWorker) => {
    if (message.type !== 'run') return;
    current = message.fuzzCase.id;
    void harness.run(message.fuzzCase).then(result => send({ type: 'result', id: message.fuzzCase.id, result }));
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
