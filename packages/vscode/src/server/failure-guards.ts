import type { WorkspaceLock } from 'langium';
import { isOperationCancelled } from 'langium';
import type { ServerLog } from './server-log.js';

/**
 * Every build runs as a write on the workspace lock. Langium's DocumentUpdateHandler starts one per
 * edit and drops the promise, so a build that throws (a checker failing on half-typed text) becomes an
 * unhandled rejection, and Node ends the process on those. Here each write that fails is logged; the
 * lock itself goes on with the next write, and the next edit builds the documents this one left.
 */
export function logFailedBuilds(lock: WorkspaceLock, log: ServerLog): void {
    const write = lock.write.bind(lock);
    lock.write = action => {
        const done = write(action);
        done.catch(error => log.failure('building the workspace failed; diagnostics may be stale until the next edit', error));
        return done;
    };
}

/**
 * The last resort, for failures outside any handler or build (a timer, a dropped promise in a
 * library): log and keep serving instead of letting Node end the process. Cancellations that nobody
 * awaited are not failures.
 */
export function surviveUncaughtFailures(log: ServerLog): void {
    process.on('uncaughtException', error => {
        // A broken pipe means the client has gone: nothing is left to serve, and logging would write to it again.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(1);
        log.failure('uncaught exception', error);
    });
    process.on('unhandledRejection', reason => {
        if (!isOperationCancelled(reason)) log.failure('unhandled rejection', reason);
    });
}
