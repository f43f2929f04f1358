// Prints this process's clock, for the test that a spawned service runs at the test run's time (faketime included).
process.stdout.write(`now=${Date.now()}\n`);
