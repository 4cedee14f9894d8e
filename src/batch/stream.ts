/**
 * A batch's output written as its rows come, in run order: `{batch, rows, stats}` (a shard adds
 * `shard` after `batch`) or the CSV, byte for byte what resultJson / rowsToCsv print for the
 * same rows, with nothing kept but the statistics' counters (BatchTally), the first row (the
 * summary's replay line) and the CSV header. Browser-safe: text goes to a callback.
 */
import { BatchTally, type BatchInfo, type ShardInfo } from './result';
import { csvLine, type Row } from './rows';

export type OutputFormat = 'json' | 'csv' | 'summary';

export interface StreamEnd {
  tally: BatchTally;
  rows: number;
  first: Row | null;
}

export class BatchOutput {
  private readonly tally: BatchTally;
  private rows = 0;
  private first: Row | null = null;
  private header: string[] | null = null;

  constructor(info: BatchInfo, shard: ShardInfo | null, private readonly format: OutputFormat, private readonly write: (text: string) => void) {
    this.tally = new BatchTally(info);
    if (format === 'json') write(`{"batch":${JSON.stringify(info)},${shard === null ? '' : `"shard":${JSON.stringify(shard)},`}"rows":[`);
  }

  /** The next row in run order; `json` is its JSON.stringify text when the caller has it already. */
  add(row: Row, json?: string): void {
    if (this.rows === 0) this.first = row;
    this.tally.add(row);
    if (this.format === 'json') this.write((this.rows > 0 ? ',' : '') + (json ?? JSON.stringify(row)));
    else if (this.format === 'csv') {
      if (this.header === null) {
        this.header = Object.keys(row);
        this.write(`${csvLine(this.header)}\n`);
      }
      const h = this.header;
      this.write(`${csvLine(h.map((k) => row[k]))}\n`);
    }
    this.rows++;
  }

  /** Writes what follows the rows (the JSON's stats; an empty CSV's one newline). */
  end(): StreamEnd {
    if (this.format === 'json') {
      this.write('],"stats":');
      this.tally.writeJson(this.write);
      this.write('}\n');
    } else if (this.format === 'csv' && this.rows === 0) this.write('\n');
    return { tally: this.tally, rows: this.rows, first: this.first };
  }
}
