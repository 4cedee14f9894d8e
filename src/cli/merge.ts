/**
 * Entry of `npm run merge`: reads the JSON outputs of `batch --shard i/n` (every i of one n) and
 * prints what the single run would have printed: byte for byte the same with --format json.
 * The files are read as streams, twice (src/batch/shardStream.ts): first every file is checked
 * whole (header, every row, the set of shards), so a bad input is refused before anything is
 * written; then the rows are taken in run order, one from each file in turn, and written out as
 * they come. Memory does not grow with the shards' size; standard input (-) is spooled to a
 * scratch file for the second pass.
 */
import { closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BatchError, BatchOutput, checkShardSet, scanShard, ShardRows, type ReadBytes, type ShardScan } from '../batch/index';
import { openInputFile, readSome } from '../scenarios/load-node';
import { batchSummary } from './batchFormat';
import { mergeHelp, parseMergeArgs } from './mergeArgs';
import { checkOutDir, print, runCommand } from './output';
import { userDir } from './run';
import { writeStreamTo } from './sink';
import { fileSpool, type Spool } from './spool';

/** Bytes of all the second pass's read buffers together (each between 4 KiB and 64 KiB). */
const READ_BUDGET = 4 << 20;

interface Input { read: ReadBytes; close(): void; }

/** Opens shard files (any size: regular files or -); standard input is kept in a spool as it is first read. */
function inputs(baseDir: string) {
  let stdin: Spool | null = null;
  let stdinDone = false;
  return {
    open(path: string): Input {
      if (path === '-') {
        if (stdinDone && stdin !== null) return { read: stdin.reader(), close() { /* the spool stays for a later read */ } };
        stdin ??= fileSpool(tmpdir());
        const spool = stdin;
        return {
          read(buf) {
            const n = readSome(0, buf, '-', 'shard');
            if (n > 0) spool.write(buf.subarray(0, n));
            else stdinDone = true;
            return n;
          },
          close() { /* standard input stays open */ },
        };
      }
      const fd = openInputFile(path, baseDir, 'shard');
      return { read: (buf) => readSome(fd, buf, path, 'shard'), close: () => { try { closeSync(fd); } catch { /* read already */ } } };
    },
    close() { stdin?.close(); },
  };
}

function main(argv: string[]): number {
  const opts = parseMergeArgs(argv);
  if (opts.help) { print(mergeHelp()); return 0; }
  const baseDir = userDir();
  checkOutDir(opts.out, baseDir);
  const files = inputs(baseDir);
  try {
    // Pass 1: every file whole, every check, before a byte is written.
    const scans: Array<ShardScan & { path: string }> = opts.files.map((path) => {
      const input = files.open(path);
      try { return { ...scanShard(input.read, path), path }; } finally { input.close(); }
    });
    const { info, ordered } = checkShardSet(scans);
    // Pass 2: run g is row ⌊g/n⌋ of shard g mod n + 1.
    writeStreamTo(opts.out, baseDir, (w) => {
      const n = ordered.length;
      const chunk = Math.max(4096, Math.min(65536, Math.floor(READ_BUDGET / n)));
      const open: Input[] = [];
      try {
        const readers = ordered.map((s) => {
          const input = files.open(s.path);
          open.push(input);
          return new ShardRows(input.read, s, chunk);
        });
        const out = new BatchOutput(info, null, opts.format, (t) => w.write(t));
        for (let g = 0; g < info.total; g++) {
          const row = readers[g % n].next();
          if (row === null || row.run !== g) throw new BatchError(`${ordered[g % n].source} changed while merge was reading it (run ${g} is not where it was)`);
          out.add(row);
        }
        for (const r of readers) r.finish();
        const end = out.end();
        if (opts.format === 'summary') w.write(batchSummary(info, end.tally.stats(), end.rows, end.first, null));
      } finally {
        for (const input of open) input.close();
      }
    });
  } finally {
    files.close();
  }
  return 0;
}

void runCommand('merge', () => main(process.argv.slice(2)));
