/**
 * Every piece of learner-facing text on the page, keyed by id (ARCHITECTURE.md convention 11).
 * To translate, replace the values; placeholders look like {name}.
 */
export const STRINGS = {
  'app.title': 'Breaking Ranks',
  'app.tagline': 'A nonviolent movement, the security forces and the regime: the model running, in plain numbers.',

  'controls.legend': 'Run',
  'controls.scenario': 'Scenario',
  'controls.seed': 'Seed',
  'controls.seedHelp': 'A whole number from 0 to 4294967295. The same scenario and seed always give the same run.',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.step': 'Step',
  'controls.restart': 'Restart',
  'controls.keys': 'Keyboard: Space plays or pauses (when no field has focus).',

  'status.paused': 'Paused at tick {tick}.',
  'status.playing': 'Playing.',
  'status.finished': 'Finished at tick {tick}: {outcome}.',

  'error.unknownScenario': 'There is no scenario called "{value}". Showing "{fallback}" instead.',
  'error.badSeed': 'The seed "{value}" is not a whole number from 0 to 4294967295. Using seed {fallback} instead.',
  'error.seedField': 'Enter a whole number from 0 to 4294967295.',
  'error.startFailed': 'The scenario "{scenario}" could not be started: {message}',
  'error.stepFailed': 'The model stopped with an error: {message}',

  'table.time': 'Time',
  'table.citizens': 'Citizens',
  'table.officers': 'Officers',
  'table.balance': 'Balance of force',
  'table.outcome': 'Outcome',
  'table.measure': 'Measure',
  'table.value': 'Value',

  'row.tick': 'Tick',
  'row.date': 'Date and hour',
  'row.quiet': 'Quiet',
  'row.active': 'Active (protesting)',
  'row.detained': 'Detained',
  'row.injured': 'Injured',
  'row.on_duty': 'On duty',
  'row.shirking': 'Shirking',
  'row.insider': 'Insiders',
  'row.resigned': 'Resigned',
  'row.joined': 'Joined the movement',
  'row.meanLoyalty': 'Mean loyalty',
  'row.momentum': 'Momentum',
  'row.effectiveForce': 'Effective force',
  'row.neededForce': 'Force needed',
  'row.outcome': 'Result',
  'row.fallCause': 'How the regime fell',
  'row.tippingDay': 'Tipping day',
  'row.peakActive': 'Most active at once',
  'row.defectedShare': 'Share of the force that defected',
  'row.detentions': 'Detentions',

  'outcome.running': 'Still running',
  'outcome.success': 'The regime fell',
  'outcome.failure': 'The movement faded',
  'outcome.stalemate': 'Stalemate at the horizon',
  'fallCause.force': 'Not enough loyal force',
  'fallCause.overwhelm': 'Overwhelmed by the crowds',
  'fallCause.elite': 'The elite split',
  'value.none': '—',
} as const;

export type StringId = keyof typeof STRINGS;

/** The text for `id`, with {placeholders} filled from `vars`. */
export function t(id: StringId, vars: Record<string, string | number> = {}): string {
  return STRINGS[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole);
}

/** The text for a dynamic id such as `outcome.${x}`, or `fallback` when there is none. */
export function tMaybe(id: string, fallback: string): string {
  return Object.prototype.hasOwnProperty.call(STRINGS, id) ? STRINGS[id as StringId] : fallback;
}
