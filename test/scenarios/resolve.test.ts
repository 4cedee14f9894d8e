import { describe, it, expect } from 'vitest';
import { DEFAULT_CALIBRATION, parseSetArg, relativeValue, resolveLayers, resolveParams, validateCalibration, validateScenario, type Calibration } from '../../src/scenarios';
import { defaultParams } from '../../src/sim/params/schema';

const scenario = () => validateScenario({
  id: 'x', title: 'X', startDate: '2020-08-09',
  params: { legitimacy: 0.5, backfireWeight: 0.1, threatWeight: 0.2, defectionThresholdList: [4, 5] },
  why: { backfireWeight: 'test', threatWeight: 'test' },
}, 'x.json');
const calib = (values: Calibration['values']): Calibration => ({ version: 2, note: '', values });

describe('resolveLayers: what is set is what runs', () => {
  it('layers defaults < calibration < scenario < priors < --set < sweep, and names each origin', () => {
    const r = resolveLayers({
      scenario: scenario(), calibration: calib({ backfireWeight: 0.03, momentumWeight: 0.5, regimeWeight: 0.1 }),
      priors: [{ key: 'arrestRate', value: 0.2, relative: false }, { key: 'regimeWeight', value: 2, relative: true }],
      sets: [['legitimacy', '0.4'], ['arrestRate', '0.25']], sweep: [['legitimacy', '0.45']],
    });
    const p = r.params;
    expect([p.legitimacy, r.origin.legitimacy]).toEqual([0.45, 'sweep']);          // sweep beats --set beats the scenario
    expect([p.arrestRate, r.origin.arrestRate]).toEqual([0.25, 'set']);            // --set beats the prior
    expect([p.backfireWeight, r.origin.backfireWeight]).toEqual([0.1, 'scenario']); // the scenario beats the calibration
    expect([p.momentumWeight, r.origin.momentumWeight]).toEqual([0.5, 'calibration']);
    expect([p.regimeWeight, r.origin.regimeWeight]).toEqual([0.2, 'prior']);      // relative: 2 x the calibrated 0.1
    expect([p.arrestK, r.origin.arrestK]).toEqual([defaultParams().arrestK, 'default']);
    expect(p.defectionThresholdList).toEqual([4, 5]);
  });
  it('runs a typed value exactly: nothing multiplies or clamps it', () => {
    const cal = calib({ backfireWeight: 0.0315 });
    expect(resolveParams(scenario(), [['backfireWeight', '0.37']], cal).backfireWeight).toBe(0.37);
    expect(resolveParams(scenario(), [['momentumWeight', '0.32']], DEFAULT_CALIBRATION).momentumWeight).toBe(0.32);
    expect(() => resolveParams(scenario(), [['backfireWeight', '1.5']], cal)).toThrow("parameter 'backfireWeight' = 1.5 is out of range [0, 1]");
  });
  it('refuses a relative prior that lands outside the range, naming it', () => {
    expect(() => resolveLayers({ scenario: scenario(), calibration: null, priors: [{ key: 'backfireWeight', value: 20, relative: true }] }))
      .toThrow("parameter 'backfireWeight' = 2 is out of range [0, 1]");
  });
  it('rounds a relative prior to 4 significant digits (so its row replays)', () => {
    expect(relativeValue(1.2345, 0.0315)).toBe(0.03889);
  });
  it('applies the shipped calibration by default, as values', () => {
    const v = DEFAULT_CALIBRATION.values, cal = resolveParams(validateScenario({ id: 'y', title: 'Y', startDate: '2020-08-09' }, 'y.json'), []);
    expect(Object.keys(v).length).toBeGreaterThan(0);
    for (const [k, x] of Object.entries(v)) expect(cal[k as keyof typeof cal]).toBe(x);
  });
  it('does not share lists with the scenario', () => {
    const s = scenario();
    resolveParams(s, []).defectionThresholdList.push(9);
    expect(s.params.defectionThresholdList).toEqual([4, 5]);
  });
  it('parses lists from --set', () => {
    const p = resolveParams(scenario(), [parseSetArg('defectionThresholdList=1,2,3')]);
    expect(p.defectionThresholdList).toEqual([1, 2, 3]);
  });
  it('names the key of a bad --set and checks consistency last', () => {
    expect(() => resolveParams(scenario(), [['legitimcy', '0.4']])).toThrow("unknown parameter 'legitimcy'");
    expect(() => resolveParams(scenario(), [['legitimacy', 'high']])).toThrow("parameter 'legitimacy' expects a number, got 'high'");
    expect(() => resolveParams(scenario(), [['detentionMinDays', '30']])).toThrow(/detentionMinDays.*exceeds detentionMaxDays/);
    expect(() => resolveParams(scenario(), [['defectionThresholdKind', 'list'], ['defectionThresholdList', '']]))
      .toThrow("'defectionThresholdList' must not be empty");
  });
});

describe('parseSetArg', () => {
  it('splits at the first =', () => {
    expect(parseSetArg('legitimacy=0.5')).toEqual(['legitimacy', '0.5']);
    expect(parseSetArg(' a = b=c')).toEqual(['a', ' b=c']);
  });
  it('rejects text without a key', () => {
    expect(() => parseSetArg('legitimacy')).toThrow("--set expects key=value, got 'legitimacy'");
    expect(() => parseSetArg('=3')).toThrow("--set expects key=value, got '=3'");
  });
});

describe('validateCalibration', () => {
  const err = (values: unknown, version: unknown = 2): string => {
    try { validateCalibration({ version, values }, 'cal.json'); } catch (e) { return (e as Error).message; }
    return 'no error';
  };
  it('accepts the shipped file: at most 6 mechanism values', () => {
    expect(DEFAULT_CALIBRATION.version).toBe(2);
    expect(Object.keys(DEFAULT_CALIBRATION.values).length).toBeLessThanOrEqual(6);
  });
  it('refuses a version-1 file of multipliers with what to do', () => {
    expect(err({ backfireWeight: 3 }, 1)).toBe('cal.json: version 1: this file holds multipliers, not values: refit with npm run calibrate');
  });
  it('names the bad value', () => {
    expect(err({ backfireWieght: 1 })).toBe("cal.json: values.backfireWieght is not a parameter (did you mean 'backfireWeight'?)");
    expect(err({ gridWidth: 2 })).toBe("cal.json: values.gridWidth is a situation parameter; a calibration may set only mechanism parameters");
    expect(err({ defectionOccurredShare: 0.1 })).toBe("cal.json: values.defectionOccurredShare is a measurement parameter; a calibration may set only mechanism parameters");
    expect(err({ backfireOn: 2 })).toBe("cal.json: values.backfireOn must name a non-structural number parameter ('backfireOn' is a boolean)");
    expect(err({ backfireWeight: -1 })).toBe('cal.json: values.backfireWeight = -1 is out of range [0, 1]');
    expect(err({ a1: 0, a2: 0, a3: 0, a4: 0, a5: 0, a6: 0, a7: 0 })).toBe('cal.json: values sets 7 parameters; a calibration may set at most 6');
    expect(err({}, 3)).toBe('cal.json: version must be 2, got 3');
  });
});
