// Loaded with --import into the processes the cold-CLI phase starts: at exit, writes the process's
// CPU time (user + system, all threads, in µs) to file descriptor 3, where the benchmark reads it.
import * as fs from 'node:fs';

process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    try {
        fs.writeSync(3, `${user + system}\n`);
    } catch {
        // Not started by the benchmark: nothing to report to.
    }
});
