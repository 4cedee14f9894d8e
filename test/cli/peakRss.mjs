// Preloaded (node --import) into a command under test: at exit, writes the process's peak resident
// set size in KiB (getrusage: every thread, workers included) to the file named by PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file) process.on('exit', () => { writeFileSync(file, `${process.resourceUsage().maxRSS}\n`); });
