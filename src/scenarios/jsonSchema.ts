/**
 * The JSON Schema (draft-07) of a scenario file, generated from the parameter schema, the tactics
 * and the validator's own lists, so an editor checks and completes a researcher's file as it is
 * typed. `npm run schema` writes it to docs/scenario.schema.json, which every preset names in its
 * "$schema" key; a test keeps the two the same and checks that the schema and validateScenario
 * agree on single-field mistakes. Rules across fields (min <= max, ids unique across the map,
 * dates after startDate, a reason in `why` for a mechanism key, ...) are the validator's alone:
 * docs/scenarios.md lists them.
 */
import { PARAM_KEYS, PARAM_SPECS, type ParamKey } from '../sim/params/schema';
import type { ParamSpec } from '../sim/params/spec';
import { TACTICS, TACTIC_IDS } from '../sim/tactics';
import { ID_RE } from './check';
import { DISTRICT_KEYS, MAP_KEYS, POINT_KEYS } from './map';
import { BRIEFING_KEYS, DATED_METRICS, EVENT_KEYS, HISTORICAL_METRICS, HISTORICAL_NAME_RE, HIST_KEYS, RESERVED_STRATEGIES, TOP_KEYS } from './validate';

/** Where `npm run schema` writes the schema (relative to the repository). */
export const SCHEMA_PATH = 'docs/scenario.schema.json';

/**
 * Keywords outside the standard that VS Code reads (a readable message for a pattern, a text for
 * each value of an enum); other validators ignore them, ajv in strict mode needs them declared.
 */
export const EDITOR_KEYWORDS = ['patternErrorMessage', 'enumDescriptions'] as const;

type Schema = Record<string, unknown>;

const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const DAY_30 = '(?:0[1-9]|[12]\\d|30)';
const DAY_28 = '(?:0[1-9]|1\\d|2[0-8])';
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
/** A real Gregorian date YYYY-MM-DD, 29 February in leap years only: the dates parseDate accepts. */
export const DATE_PATTERN = `^(?:\\d{4}-(?:(?:0[13578]|1[02])-${DAY}|(?:0[469]|11)-${DAY_30}|02-${DAY_28})|${LEAP_YEAR}-02-29)$`;
/** Not empty after trimming: String.prototype.trim removes exactly what \s matches. */
const NON_EMPTY = '\\S';

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const paramRef = (key: string): Schema => ({ $ref: `#/properties/params/properties/${key}` });
const spec = (key: ParamKey): ParamSpec => PARAM_SPECS[key] as ParamSpec;
const isNumeric = (s: ParamSpec): boolean => s.type === 'number' || s.type === 'integer';

/** Keys a scenario may set in `params` (all but the measurement definitions). */
const settable = PARAM_KEYS.filter((k) => spec(k).kind !== 'measurement');
/** Keys an event may set: not structural either. */
const eventSettable = settable.filter((k) => !spec(k).structural);
/** Keys an event may ramp: numbers among those. */
const rampable = eventSettable.filter((k) => isNumeric(spec(k)));
const mechanisms = PARAM_KEYS.filter((k) => spec(k).kind === 'mechanism');
const measurements = PARAM_KEYS.filter((k) => spec(k).kind === 'measurement');
const structurals = PARAM_KEYS.filter((k) => spec(k).structural);

const fmt = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'string' ? `"${v}"` : String(v));

const KIND_TEXT: Record<ParamSpec['kind'], string> = {
  mechanism: 'Mechanism (the same in every scenario): set it only with a one-line reason in "why".',
  situation: 'Situation (the place and time).',
  measurement: 'Measurement (a research definition): no scenario may set it.',
};

/** The hover text of a parameter: its help, then kind, type and range, unit, default, group. */
function describe(key: ParamKey): string {
  const s = spec(key);
  const unit = 'unit' in s && s.unit ? ` ${s.unit}` : '';
  const range = s.type === 'number' ? `number ${s.min} to ${s.max}${unit}`
    : s.type === 'integer' ? `integer ${s.min} to ${s.max}${unit}`
    : s.type === 'list' ? `list of numbers, each ${s.min} to ${s.max}${unit}`
    : s.type === 'enum' ? `one of ${s.options.join(', ')}`
    : 'true or false';
  const structural = s.structural ? ' Structural (fixes array sizes or the map): an event cannot change it.' : '';
  return `${s.help}\n\n${KIND_TEXT[s.kind]}${structural} Value: ${range}. Default: ${fmt(s.default)}. Group: ${s.group}.`;
}

/** The schema of one parameter's value, with its label, hover text and default. */
function paramSchema(key: ParamKey): Schema {
  const s = spec(key);
  const head = { title: s.label, description: describe(key) };
  switch (s.type) {
    case 'number':
    case 'integer':
      return { ...head, type: s.type, minimum: s.min, maximum: s.max, default: s.default };
    case 'boolean':
      return { ...head, type: 'boolean', default: s.default };
    case 'enum':
      return { ...head, type: 'string', enum: [...s.options], default: s.default };
    case 'list':
      return { ...head, type: 'array', items: { type: 'number', minimum: s.min, maximum: s.max }, default: [...s.default] };
  }
}

/** An object that allows exactly `keys` (the validator's list), with the schema of each. */
function closed(keys: readonly string[], props: Record<string, Schema>, rest: Schema = {}): Schema {
  const missing = keys.filter((k) => !(k in props)), extra = Object.keys(props).filter((k) => !keys.includes(k));
  if (missing.length || extra.length) throw new Error(`jsonSchema: keys out of step with the validator (missing ${missing}, extra ${extra})`);
  const { title, description, ...constraints } = rest;
  return {
    ...(title === undefined ? {} : { title }), ...(description === undefined ? {} : { description }),
    type: 'object', properties: Object.fromEntries(keys.map((k) => [k, props[k]])), additionalProperties: false, ...constraints,
  };
}

const strings = {
  nonEmpty: (description: string, title?: string): Schema =>
    ({ ...(title ? { title } : {}), description, type: 'string', pattern: NON_EMPTY, patternErrorMessage: 'must not be empty' }),
  any: (description: string, title?: string): Schema => ({ ...(title ? { title } : {}), description, type: 'string' }),
};

const TACTIC_TEXT = TACTIC_IDS.map((t) => `${TACTICS[t].label}: ${TACTICS[t].effect}`);

const METRIC_TEXT: Record<(typeof HISTORICAL_METRICS)[number], string> = {
  detentionsUntil: 'Detentions up to the date (needs "date").',
  deathsUntil: 'Deaths up to the date (needs "date").',
  resignationsUntil: 'Resignations up to the date (needs "date").',
  staffingChangeAt: 'Net staffing change in percent at the date, city-wide or in "district" (needs "date").',
  nationalForce: 'Size of the whole force.',
  privateOpposition: 'Share privately opposed to the regime.',
  tortureCasesUntil: 'Abuse and injury cases up to the date (needs "date").',
  defectedShareAt: 'Percent of the whole force (the reserve included) that has left by resigning or joining, at the date (or at the end without one).',
  resignationsFalloff: 'Resignations per day from the date to the end, divided by resignations per day before it (needs "date").',
  branchLossRatio: 'Share of the city\'s riot-police (OMON) staff lost, divided by the share of its district police lost, at the date (or at the end).',
  districtsEmptied: 'Districts whose staffing fell below half at the end of some day, up to the date (or the end).',
};

function definitions(): Record<string, Schema> {
  return {
    id: { type: 'string', pattern: ID_RE.source, patternErrorMessage: "use only a-z, 0-9 and '-'", description: "An id: a-z, 0-9 and '-'." },
    date: { type: 'string', pattern: DATE_PATTERN, patternErrorMessage: 'must be a real date YYYY-MM-DD', description: 'A calendar date, YYYY-MM-DD.' },
    fraction: { type: 'number', minimum: 0, maximum: 1, description: 'A fraction of the grid: 0 = left/top, 1 = right/bottom.' },
    tactic: {
      title: 'Tactic', description: 'A tactic id (src/sim/tactics.ts).',
      type: 'string', enum: [...TACTIC_IDS], enumDescriptions: TACTIC_TEXT,
    },
    action: closed(['tick', 'tactic'], {
      tick: { type: 'integer', minimum: 0, description: 'Tick of the action, an integer >= 0 (with hoursPerTick 1, day d at 18:00 is d*24+18).' },
      tactic: ref('tactic'),
    }, { title: 'Action', description: 'One movement action, in the format the game records a player\'s moves.', required: ['tick', 'tactic'] }),
    strategy: {
      title: 'Strategy', type: 'array', items: ref('action'),
      description: 'The movement\'s actions; validation sorts them by tick (same-tick actions keep their order). '
        + 'When the scenario has a "tactics" list, only those tactics may be used.',
    },
    point: closed(POINT_KEYS, {
      id: { ...ref('id'), description: 'Optional id, unique across the map; the default is the name in lower case with dashes.' },
      name: strings.nonEmpty('Name shown on the map.'),
      at: { type: 'array', items: ref('fraction'), minItems: 2, maxItems: 2, description: '[x, y] in fractions of the grid.' },
    }, { title: 'Point', required: ['name', 'at'], description: 'A square or metro station (rally points crowds walk toward) or a police station.' }),
    district: closed(DISTRICT_KEYS, {
      id: { ...ref('id'), description: 'Id of the district, unique across the map.' },
      name: strings.nonEmpty('Name of the district.'),
      rect: {
        type: 'array', items: ref('fraction'), minItems: 4, maxItems: 4,
        description: '[x0, y0, x1, y1] in fractions of the grid, x0 < x1 and y0 < y1. Where rectangles overlap the later one wins; '
          + 'cells outside every rectangle belong to the first district.',
      },
      population: { type: 'number', minimum: 0, default: 1, description: 'Relative weight of the citizens who live here (>= 0; some district > 0).' },
      staffing: { type: 'number', minimum: 0, default: 1, description: 'Relative weight of the officers stationed here (>= 0; some district > 0).' },
    }, { title: 'District', required: ['id', 'name', 'rect'] }),
    at: {
      title: 'When', type: 'object',
      description: 'Exactly one of {"tick": n}, {"day": n} (0-based, at 00:00) or {"date": "YYYY-MM-DD"} (at 00:00, not before startDate).',
      properties: {
        tick: { type: 'integer', minimum: 0, description: 'A tick, an integer >= 0.' },
        day: { type: 'integer', minimum: 0, description: 'A day, 0-based, at 00:00.' },
        date: { ...ref('date') },
      },
      additionalProperties: false, minProperties: 1, maxProperties: 1,
    },
    event: closed(EVENT_KEYS, {
      at: ref('at'),
      label: strings.any('Shown in the event log.'),
      set: {
        type: 'object', minProperties: 1,
        description: 'Parameter -> value, checked like "params". Structural parameters (those that fix array sizes or the map: '
          + `${structurals.join(', ')}) cannot be set by an event.`,
        properties: Object.fromEntries(eventSettable.map((k) => [k, paramRef(k)])),
        additionalProperties: false,
      },
      ramp: closed(['key', 'to', 'overDays'], {
        key: { type: 'string', enum: rampable, enumDescriptions: rampable.map((k) => spec(k).label), description: 'A number or integer parameter, not structural.' },
        to: { type: 'number', description: 'The value at the end of the ramp, in the parameter\'s range.' },
        overDays: { type: 'number', exclusiveMinimum: 0, description: 'Length of the ramp in days, > 0 (use "set" for a jump).' },
      }, {
        description: 'Moves a number parameter linearly from its value when the event fires to "to" over "overDays" days.',
        required: ['key', 'to', 'overDays'],
        // "to" lies in the range of the parameter "key" names.
        allOf: rampable.map((k) => ({ if: { properties: { key: { const: k } }, required: ['key'] }, then: { properties: { to: paramRef(k) } } })),
      }),
    }, {
      title: 'Event', description: 'A scheduled parameter change: "set", "ramp" or both.', required: ['at'],
      anyOf: [{ required: ['set'] }, { required: ['ramp'] }],
    }),
    historical: closed(HIST_KEYS, {
      label: strings.nonEmpty('What the figure is.'),
      value: { type: 'number', description: 'The figure.' },
      unit: strings.nonEmpty('Its unit (people, percent, share, ...).'),
      source: strings.nonEmpty('The article (seed file) the figure comes from.'),
      metric: { type: 'string', enum: [...HISTORICAL_METRICS], enumDescriptions: HISTORICAL_METRICS.map((m) => METRIC_TEXT[m]), description: 'Which model measurement is compared with "value".' },
      date: { ...ref('date') },
      district: strings.nonEmpty('A district id of this scenario\'s map (staffingChangeAt).'),
      branch: { type: 'string', enum: ['omon', 'district_police'], description: 'staffingChangeAt: only this branch (a district department is district police; OMON is a city unit). District recruits count as district police.' },
      band: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2,
        description: 'The range [lo, hi] the model\'s value should fall in to match history (lo <= value <= hi).' },
      bandWhy: strings.nonEmpty('Why the band is that wide.'),
    }, {
      title: 'Historical figure', required: ['label', 'value', 'source', 'metric'],
      allOf: [
        { if: { properties: { metric: { enum: [...DATED_METRICS] } }, required: ['metric'] }, then: { required: ['date'] } },
        // "branch" applies to staffingChangeAt only.
        { if: { required: ['branch'] }, then: { properties: { metric: { const: 'staffingChangeAt' } } } },
      ],
    }),
  };
}

/** The JSON Schema of a scenario file. */
export function scenarioJsonSchema(): Schema {
  const top: Record<string, Schema> = {
    $schema: strings.nonEmpty('Where an editor finds this schema, e.g. "../../../docs/scenario.schema.json" from src/scenarios/presets.'),
    id: { ...ref('id'), description: "a-z, 0-9 and '-'; a preset's id equals its file name." },
    title: strings.nonEmpty('Title of the scenario.'),
    summary: strings.any('One paragraph shown with the scenario.'),
    startDate: { ...ref('date'), description: 'YYYY-MM-DD, a real date; tick 0 starts at 00:00 that day.' },
    params: {
      type: 'object',
      description: 'Parameter -> value over the defaults (npm run sim -- --list-params). A mechanism parameter needs a reason in "why"; '
        + `measurement parameters (${measurements.join(', ')}) may not be set. Cross-parameter rules (min <= max, shares <= 1, ...) are checked by the validator.`,
      properties: Object.fromEntries(settable.map((k) => [k, paramSchema(k)])),
      additionalProperties: false,
    },
    why: {
      type: 'object',
      description: 'Mechanism parameter -> one line on why this scenario departs from its default. Every mechanism key the scenario sets (in params or an event) needs one; only those may have one.',
      properties: Object.fromEntries(mechanisms.map((k) => [k, strings.nonEmpty(`Why this scenario sets ${k} (default ${fmt(spec(k).default)}), in one line.`, spec(k).label)])),
      additionalProperties: false,
    },
    map: {
      ...closed(MAP_KEYS, {
        districts: { type: 'array', items: ref('district'), minItems: 1, description: 'At least one district.' },
        squares: { type: 'array', items: ref('point'), description: 'Squares crowds walk toward.' },
        metro: { type: 'array', items: ref('point'), description: 'Metro stations crowds walk toward.' },
        stations: { type: 'array', items: ref('point'), description: 'Police stations.' },
      }, { required: ['districts'] }),
      type: ['object', 'null'],
      description: 'The city in fractions of the grid; ids unique across the whole map. Without it (or null) the grid is one district, "city".',
    },
    events: { type: 'array', items: ref('event'), description: 'Scheduled parameter changes.' },
    strategy: { ...ref('strategy') },
    strategies: {
      type: 'object',
      description: 'Further named strategies (--strategy <name>), e.g. those the briefing suggests.',
      propertyNames: { pattern: ID_RE.source, not: { enum: [...RESERVED_STRATEGIES] } },
      additionalProperties: ref('strategy'),
    },
    tactics: {
      type: ['array', 'null'], items: ref('tactic'), uniqueItems: true,
      description: 'The tactics offered to the player, each once; all when absent or null.',
    },
    historical: {
      type: ['object', 'null'],
      description: 'Name -> a figure to report beside the model\'s value (names: a letter, then letters, digits, _ or -).',
      propertyNames: { pattern: HISTORICAL_NAME_RE.source },
      additionalProperties: ref('historical'),
    },
    briefing: {
      type: 'object', additionalProperties: strings.nonEmpty('A briefing text.'),
      description: `Section -> text for the player; the page knows ${BRIEFING_KEYS.join(', ')} and shows any others after them.`,
      properties: Object.fromEntries(BRIEFING_KEYS.map((k) => [k, strings.nonEmpty(`The briefing's "${k}".`)])),
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Breaking Ranks scenario',
    description: 'A scenario of Breaking Ranks (docs/scenarios.md), generated from the parameter schema by npm run schema. '
      + 'The validator (npm run sim -- --scenario <file>) also checks the rules across fields that this schema cannot.',
    ...closed(TOP_KEYS, top, { required: ['id', 'title', 'startDate'] }),
    definitions: definitions(),
  };
}

/** The text of docs/scenario.schema.json: two-space indentation and a final newline. */
export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
