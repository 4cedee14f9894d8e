/**
 * docs/model.md names parameters that exist, and every mechanism parameter: a renamed or removed
 * parameter, or a new coefficient nobody documented, fails here. Defaults are not checked: model.md
 * quotes none (docs/parameters.md is generated from the schema: test/cli/paramsDoc.test.ts).
 *
 * What counts as a name: a code span `word` whose whole text matches /^[a-z][a-zA-Z0-9]+$/, and
 * every camelCase identifier (lower-case start, an upper-case letter inside) in a code span or a
 * fenced block (the equations). Each must be a parameter key, or a state, function, metric or
 * field name of the code in ALLOWED (checked to occur in src/), or doc-only notation in NOTATION.
 * Both lists must stay minimal: an entry model.md no longer uses, or that is a parameter key, fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAM_KEYS, PARAM_SPECS } from '../../src/sim/params/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL = readFileSync(join(ROOT, 'docs/model.md'), 'utf8');
const PARAMETERS = readFileSync(join(ROOT, 'docs/parameters.md'), 'utf8');
const KEYS = new Set<string>(PARAM_KEYS);

/** Names of the code model.md uses in code spans: state fields, functions, metrics, levels, tactics, streams, enum values. */
const ALLOWED = [
  // the historical block's band and the report's verdict on it (src/sim/scenarioData.ts, historical.ts)
  'band', 'bandWhy', 'inBand',
  // state and its fields (src/sim/state.ts)
  'abuses', 'actCell', 'activeTicks', 'arrestedThisTick', 'backlash', 'bonus', 'branch', 'capacity', 'channelLast',
  'channelSum', 'cityStaff', 'conscience', 'contact', 'copCell', 'decidedTick', 'defectTick', 'defected', 'documented',
  'exposure', 'fallCause', 'fear', 'fund', 'historical', 'initialForce', 'initialParams', 'insiders', 'joinedCell',
  'levels', 'loyalty', 'loyalty0', 'masked', 'momentum', 'movement', 'nbAct', 'nbCop', 'nbJoined', 'nonviolentArrests',
  'outPropensity', 'outcome', 'outrage', 'params', 'patronSupport', 'patronWithdrawn', 'peakActive', 'peakActiveTick',
  'peakNeeded', 'perceived', 'pillarLoss', 'recruitsByDistrict', 'regime', 'reserve', 'resignHazard', 'resources',
  'rngWords', 'salaryDep', 'scratch', 'seen', 'spanHalf', 'splits', 'staffByDistrict', 'streak', 'term', 'theta',
  'ticksPerDay', 'tippingTick', 'today', 'units', 'unmasked', 'violenceLevel', 'visible', 'walked', 'work', 'yesterday',
  'effectiveAtPeak', 'injuries', 'detentions', 'deaths', 'recruits', 'staffing', 'strategy', 'strategies', 'tactics',
  'ties', 'date', 'tick', 'set', 'ramp', 'to', 'overDays', 'startDate', 'population', 'stations', 'city', 'central',
  'advanced', 'kind', 'district', 'hour',
  // the loyalty context (src/sim/rules/loyalty/context.ts) and rule functions
  'arrestsPerOfficer', 'violencePerOfficer', 'nationalViolence', 'witnessP', 'dt', 'clamp01', 'activates',
  'arrestProbability', 'officerTurn', 'eliteSplit', 'economicStress', 'patronDoubt', 'staffingShares', 'chIndex',
  'buildRun', 'runToEnd', 'runReport', 'seriesRow', 'encodeSnapshot', 'restore', 'own', 'effective', 'prev',
  'violentFlank', 'flank', 'hidden', 'loyaltyShift', 'hiddenLoyaltyShift',
  // outputs: report, summary, series
  'defectedShare', 'defectionOccurred', 'effectiveForce', 'neededForce', 'fallRoute', 'pivotal', 'tippingDay',
  'peakParticipation', 'violenceShare', 'violentActs', 'nonviolent', 'meanLoyalty', 'loyaltyHistogram', 'modelVersion',
  'resignations', 'contacts', 'publications', 'unmaskings', 'purged',
  // historical metrics (src/scenarios/validate.ts)
  'detentionsUntil', 'deathsUntil', 'resignationsUntil', 'tortureCasesUntil', 'staffingChangeAt', 'privateOpposition',
  'defectedShareAt', 'resignationsFalloff', 'branchLossRatio', 'districtsEmptied',
  // parameter kinds, enum values, modes
  'mechanism', 'situation', 'measurement', 'live', 'tickStart', 'euclidean', 'square', 'uniform', 'normal', 'list',
  'omon', 'none', 'scenario',
  // tactics and their levels (src/sim/tactics.ts)
  'disciplineTraining', 'symbols', 'streetUnmasking', 'massPublication', 'publication', 'amnestyPledge', 'amnesty',
  'defectorOutreach', 'outreach', 'crimeRegistry', 'registry', 'strike', 'eliteAppeals', 'appeals', 'courts',
  'immunityForTestimony', 'immunity', 'discipline', 'tactic',
  // random streams (src/sim/rng.ts) and event kinds
  'init', 'order', 'move', 'arrest', 'jail', 'violence', 'decisions', 'identify', 'documentation', 'purge', 'elite',
  'unmasking', 'death', 'shirk', 'insider', 'testify', 'resign', 'join', 'walkout', 'deploy', 'event',
  // channels (src/sim/rules/loyalty/channels.ts)
  'threat', 'peers', 'force', 'overwhelm', 'citizens', 'officers',
  'merge',
];

/** Notation of the document itself, not names in the code. */
const NOTATION = ['cohesion0', 'resources0', 'support0', 'vis', 'loyalForce', 'go'];

/** Every file under src/, concatenated (where ALLOWED names must occur). */
function sourceText(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out += sourceText(p);
    else if (/\.(ts|json)$/.test(name)) out += readFileSync(p, 'utf8') + '\n';
  }
  return out;
}

/** The names model.md uses (see the file's comment). */
function namesIn(md: string): Set<string> {
  const fence = /^```[^\n]*\n([\s\S]*?)^```/gm;
  const fences = [...md.matchAll(fence)].map((m) => m[1]);
  const spans = [...md.replace(fence, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  const out = new Set<string>();
  for (const s of spans) if (/^[a-z][a-zA-Z0-9]+$/.test(s)) out.add(s);
  for (const t of [...fences, ...spans]) for (const m of t.matchAll(/\b[a-z][a-z0-9]*[A-Z][a-zA-Z0-9]*\b/g)) out.add(m[0]);
  return out;
}

const word = (w: string) => new RegExp(`(^|[^A-Za-z0-9_])${w}($|[^A-Za-z0-9_])`);

describe('docs/model.md', () => {
  const names = namesIn(MODEL);

  it('names only parameters that exist, or code names on the allow-list', () => {
    const allowed = new Set([...ALLOWED, ...NOTATION]);
    const unknown = [...names].filter((n) => !KEYS.has(n) && !allowed.has(n)).sort();
    expect(unknown, 'not a parameter key (renamed or removed?) and not on the allow-list of test/docs/model.test.ts').toEqual([]);
  });

  it('names every mechanism parameter (in model.md, hence also in model.md or parameters.md)', () => {
    const mechanisms = PARAM_KEYS.filter((k) => PARAM_SPECS[k].kind === 'mechanism');
    expect(mechanisms.filter((k) => !word(k).test(MODEL) && !word(k).test(PARAMETERS)), 'in neither file').toEqual([]);
    expect(mechanisms.filter((k) => !word(k).test(MODEL)), 'not named in docs/model.md').toEqual([]);
  });

  it('keeps the allow-list honest: code names exist in src/, every entry is used, none is a parameter key', () => {
    const src = sourceText(join(ROOT, 'src'));
    expect(ALLOWED.filter((n) => !word(n).test(src)), 'not found in src/').toEqual([]);
    expect([...ALLOWED, ...NOTATION].filter((n) => !names.has(n)), 'no longer used in docs/model.md').toEqual([]);
    expect([...ALLOWED, ...NOTATION].filter((n) => KEYS.has(n)), 'parameter keys need no allow-listing').toEqual([]);
    expect(new Set(ALLOWED).size + new Set(NOTATION).size).toBe(ALLOWED.length + NOTATION.length);
  });

  it('quotes no default: no parameter key is followed by a bare number in parentheses', () => {
    // e.g. "`arrestRate` (0.3)" — the old style; defaults live in docs/parameters.md.
    const hits = [...MODEL.matchAll(/`([a-z][a-zA-Z0-9]+)`\s*\((\d[\d.,\s]*)\)/g)].filter((m) => KEYS.has(m[1])).map((m) => m[0]);
    expect(hits).toEqual([]);
  });
});
