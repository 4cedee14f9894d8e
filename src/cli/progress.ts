/**
 * A one-line progress bar on stderr: runs done/total, rate and ETA, redrawn in place at most ten
 * times a second. Only on a terminal: a CI log or a file gets nothing, rather than a flood.
 */
export interface Progress {
  update(done: number, total: number): void;
  /** Clears the bar and leaves one closing line (runs, seconds, rate). */
  end(): void;
}

const fmtTime = (s: number): string => (s < 90 ? `${Math.ceil(s)}s` : s < 5400 ? `${Math.round(s / 60)}m` : `${(s / 3600).toFixed(1)}h`);

export function progressBar(stream: NodeJS.WriteStream, label: string): Progress | null {
  if (!stream.isTTY) return null;
  const start = performance.now();
  let last = 0, done = 0;
  const draw = (total: number) => {
    const secs = (performance.now() - start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 24, fill = total > 0 ? Math.round((width * done) / total) : 0;
    const eta = rate > 0 && done < total ? `  ETA ${fmtTime((total - done) / rate)}` : '';
    stream.write(`\r\x1b[K${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} runs  ${rate.toFixed(1)} runs/s${eta}`);
  };
  return {
    update(d, total) {
      done = d;
      const now = performance.now();
      if (now - last >= 100 || d === total) { last = now; draw(total); }
    },
    end() {
      const secs = (performance.now() - start) / 1000;
      stream.write(`\r\x1b[K${label}: ${done} runs in ${secs.toFixed(1)} s (${(done / Math.max(secs, 1e-9)).toFixed(1)} runs/s)\n`);
    },
  };
}
