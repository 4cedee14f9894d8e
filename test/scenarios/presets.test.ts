import { describe, it, expect } from 'vitest';
import { PRESET_IDS, ScenarioError, getPreset, resolveParams } from '../../src/scenarios';
import { PARAM_SPECS } from '../../src/sim/params/schema';

describe('presets', () => {
  it('all validate, resolve consistently and carry their file name as id', () => {
    expect(PRESET_IDS).toEqual(expect.arrayContaining(['epstein-classic', 'granovetter-riot', 'granovetter-riot-perturbed',
      'minsk-2020', 'classroom-discipline', 'classroom-unmasking']));
    for (const id of PRESET_IDS) {
      const s = getPreset(id);
      expect(s.id).toBe(id);
      expect(() => resolveParams(s, [])).not.toThrow();
    }
  });
  it('rejects an unknown id, listing the known ones', () => {
    expect(() => getPreset('minsk')).toThrow(ScenarioError);
    expect(() => getPreset('minsk')).toThrow(/^unknown scenario 'minsk' \(known: epstein-classic, /);
  });
  it('returns fresh copies', () => {
    getPreset('granovetter-riot').params.defectionThresholdList = [];
    expect((getPreset('granovetter-riot').params.defectionThresholdList as number[]).length).toBe(100);
  });
  it('epstein-classic is run 2 of Epstein 2002 with everything else off', () => {
    const p = resolveParams(getPreset('epstein-classic'), []);
    expect(p).toMatchObject({
      gridWidth: 40, gridHeight: 40, torus: true, cellCapacity: 1, citizenCount: 1120, officerCount: 64, scale: 1,
      visionRadius: 7, visionShape: 'euclidean', countMode: 'live', moveProbability: 1, legitimacy: 0.82,
      activationThreshold: 0.1, arrestK: 2.3, maxJailTicks: 30, arrestRate: 1, calendarOn: false, endRulesOn: false,
      momentumWeight: 0, detentionMaxDays: 0, injuryProbability: 0, violenceRate: 0, initialLoyaltyMean: 1,
    });
    for (const k of Object.keys(PARAM_SPECS).filter((k) => k.endsWith('On') && k !== 'endRulesOn' && k !== 'calendarOn'))
      expect(p[k as keyof typeof p], k).toBe(false);
  });
  it('granovetter presets differ in one threshold', () => {
    const a = getPreset('granovetter-riot').params, b = getPreset('granovetter-riot-perturbed').params;
    expect(a.defectionThresholdList).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(b.defectionThresholdList).toEqual(Array.from({ length: 100 }, (_, i) => (i === 1 ? 2 : i)));
    expect({ ...a, defectionThresholdList: null }).toEqual({ ...b, defectionThresholdList: null });
    const p = resolveParams(getPreset('granovetter-riot'), []);
    expect(p).toMatchObject({ citizenCount: 0, officerCount: 100, unitSize: 100, peersOn: true, backfireOn: false, defectionThresholdUnit: 'peers' });
  });
  it('minsk-2020 holds the historical figures', () => {
    const s = getPreset('minsk-2020');
    const p = resolveParams(s, []);
    expect(s.startDate).toBe('2020-08-09');
    expect(p).toMatchObject({ horizonDays: 114, hoursPerTick: 1, nationalForce: 130000, privateOppositionShare: 0.52, incumbentSupportShare: 0.21 });
    expect(p.citizenCount * p.scale).toBeLessThanOrEqual(25000);
    expect(s.map?.districts.map((d) => d.id)).toContain('central');
    expect(s.map?.districts).toHaveLength(9);
    const h = s.historical!;
    expect(Object.keys(h).sort()).toEqual(['centralStaffingChange', 'detainedFirstDays', 'dismissalReportsAugust', 'districtsEmptied', 'killedFirstDays',
      'minskStaffingChange', 'nationalDefected', 'privateOpposition', 'resignationFalloff', 'riotVsDistrictLoss', 'securityForce', 'tortureCases']);
    expect(h.resignationFalloff).toMatchObject({ metric: 'resignationsFalloff', value: 0.5, band: [0, 0.5], date: '2020-10-01' });
    expect(h.centralStaffingChange).toMatchObject({ metric: 'staffingChangeAt', value: -29, district: 'central', date: '2020-11-01' });
    expect(h.detainedFirstDays).toMatchObject({ metric: 'detentionsUntil', value: 6700, date: '2020-08-13' });
    expect(s.strategy.some((a) => a.tactic === 'crimeRegistry')).toBe(false); // launched at the horizon
    expect(Object.keys(s.briefing ?? {})).toEqual(expect.arrayContaining(['goal', 'situation', 'levers', 'risks']));
  });
  it('classroom scenarios run at classroom scale and restrict their tactics', () => {
    for (const id of ['classroom-discipline', 'classroom-unmasking']) {
      const s = getPreset(id);
      const p = resolveParams(s, []);
      expect(p.citizenCount * p.scale).toBeGreaterThanOrEqual(20000);
      expect(p.officerCount * p.scale).toBeGreaterThanOrEqual(2000);
      expect(s.tactics).not.toBeNull();
      expect(s.strategy.length).toBeGreaterThan(0);
      expect(s.map!.districts.length).toBeGreaterThanOrEqual(3);
      expect(s.map!.squares).toHaveLength(2);
    }
    expect(getPreset('classroom-discipline').strategy.some((a) => a.tactic === 'disciplineTraining')).toBe(true);
    const u = getPreset('classroom-unmasking').tactics!;
    expect(u).toEqual(expect.arrayContaining(['streetUnmasking', 'massPublication']));
  });
});
