/**
 * Entry of `npm run sim`. Every failure ends as one line on stderr: exit 2 for a mistake in the
 * call or the input files, 1 for anything unexpected (still one line, no stack trace).
 */
import { parseArgs } from './args';
import { checkOutDir, emit, print, runCommand } from './output';
import { simOutput } from './format';
import { scratchDir, writeStreamTo } from './sink';
import { fileSpool } from './spool';
import { helpText, paramsJson, paramsTable, type ParamValues } from './help';
import { loadCalibration, prepareRun, streamSim, userDir } from './run';
import { overrideLines, resolveParams } from '../scenarios/index';
import { loadScenario } from '../scenarios/load-node';
import { checkBudget, simEstimate } from './estimate';

const say = (line: string): void => { process.stderr.write(`${line}\n`); };

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  const baseDir = userDir();
  if (opts.help) { print(helpText()); return 0; }
  if (opts.listParams) {
    const values = opts.scenario === null ? null : (() => { const r = prepareRun(opts, baseDir); return { params: r.params as unknown as ParamValues['params'], origin: r.origin }; })();
    emit(opts.format === 'json' ? paramsJson(values) : paramsTable(values), opts.out, baseDir);
    return 0;
  }
  checkOutDir(opts.out, baseDir); // before the run, so a long run is not thrown away at the end
  // The world's cost from its counts, before anything is allocated (runSim loads the same files again).
  if (opts.scenario !== null) {
    const scenario = loadScenario(opts.scenario, baseDir);
    const params = resolveParams(scenario, opts.sets, loadCalibration(opts.calibration, baseDir));
    checkBudget('sim', simEstimate(params, opts.ticks, opts.every), opts.force === true, say);
    for (const line of overrideLines(scenario, opts.sets.map(([k]) => k), '--set', params.hoursPerTick)) say(line);
  }
  // Rows go out as they are made (CSV), or to a scratch spool beside the output until the report,
  // which comes first in the JSON, is known (the spool is copied in after it).
  const dir = scratchDir(opts.out, baseDir);
  writeStreamTo(opts.out, baseDir, (w) => {
    const out = simOutput(opts, w, () => fileSpool(dir));
    try {
      const { report, last } = streamSim(opts, baseDir, out);
      out.end(report, last);
    } finally { out.close(); }
  });
  return 0;
}

void runCommand('sim', () => main(process.argv.slice(2)));
