// Preloaded (`node -r`) into each process the lint bench runs: writes the CPU time the process used, all its threads,
// as the last line of standard error, so a ratio can also be read off CPU time, which the other processes of a
// loaded machine disturb far less than wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-microseconds ${user + system}\n`);
});
