import { describe, it, expect } from 'vitest';
import { DEFAULT_CALIBRATION, parseSetArg, resolveParams, validateCalibration, validateScenario, type Calibration } from '../../src/scenarios';
import { PARAM_SPECS, defaultParams } from '../../src/sim/params/schema';

const scenario = () => validateScenario({
  id: 'x', title: 'X', startDate: '2020-08-09',
  params: { legitimacy: 0.5, backfireWeight: 0.1, threatWeight: 0.2, defectionThresholdList: [4, 5] },
}, 'x.json');
const calib = (coefficients: Calibration['coefficients']): Calibration => ({ version: 1, note: '', coefficients });

describe('resolveParams', () => {
  it('applies defaults, then the scenario, then --set, then calibration', () => {
    const p = resolveParams(scenario(), [['legitimacy', '0.4'], ['backfireWeight', '0.2']], calib({ backfireWeight: 3, threatWeight: 0.5 }));
    expect(p.legitimacy).toBe(0.4);                        // --set beats the scenario
    expect(p.backfireWeight).toBeCloseTo(0.6, 12);         // --set, then multiplied
    expect(p.threatWeight).toBeCloseTo(0.1, 12);           // scenario, then multiplied
    expect(p.defectionThresholdList).toEqual([4, 5]);      // scenario
    expect(p.arrestK).toBe(defaultParams().arrestK);       // untouched default
  });
  it('clamps a calibrated value to the range and skips calibration when null', () => {
    expect(resolveParams(scenario(), [], calib({ backfireWeight: 1000 })).backfireWeight).toBe(PARAM_SPECS.backfireWeight.max);
    expect(resolveParams(scenario(), [['backfireWeight', '0.3']], null).backfireWeight).toBe(0.3);
  });
  it('applies the shipped calibration by default', () => {
    const c = DEFAULT_CALIBRATION.coefficients, raw = resolveParams(scenario(), [], null), cal = resolveParams(scenario(), []);
    expect(Object.keys(c).sort()).toEqual(['backfireWeight', 'forcePerProtester', 'momentumLoyaltyWeight', 'momentumWeight', 'regimeWeight']);
    for (const [k, f] of Object.entries(c) as Array<[keyof typeof raw, number]>) expect(cal[k]).toBeCloseTo((raw[k] as number) * f, 12);
    expect({ ...cal, ...Object.fromEntries(Object.keys(c).map((k) => [k, raw[k as keyof typeof raw]])) }).toEqual(raw);
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
  const err = (coefficients: unknown, version: unknown = 1): string => {
    try { validateCalibration({ version, coefficients }, 'cal.json'); } catch (e) { return (e as Error).message; }
    return 'no error';
  };
  it('accepts the shipped file: fitted to the default targets, criterion met', () => {
    expect(DEFAULT_CALIBRATION.fit).toMatchObject({ scenario: 'campaigns', criterion: true, reasons: [],
      targets: { successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds' } });
  });
  it('names the bad coefficient', () => {
    expect(err({ backfireWieght: 1 })).toBe("cal.json: coefficients.backfireWieght is not a parameter (did you mean 'backfireWeight'?)");
    expect(err({ gridWidth: 2 })).toBe("cal.json: coefficients.gridWidth must name a non-structural number parameter ('gridWidth' is structural)");
    expect(err({ backfireOn: 2 })).toBe("cal.json: coefficients.backfireOn must name a non-structural number parameter ('backfireOn' is a boolean)");
    expect(err({ backfireWeight: -1 })).toBe('cal.json: coefficients.backfireWeight = -1 is out of range [0, 1000]');
    expect(err({}, 2)).toBe('cal.json: version must be 1, got 2');
  });
});
