// Loaded into the soak's server process (node --expose-gc --import this): on SIGUSR2 a full garbage
// collection, then the memory in use on stderr. The server's own code has no test hooks; this
// measures what it keeps alive, not what the collector has not got round to freeing yet.
process.on('SIGUSR2', () => {
    global.gc();
    const { heapUsed, rss } = process.memoryUsage();
    process.stderr.write(`soak-memory heapUsed=${heapUsed} rss=${rss}\n`);
});
