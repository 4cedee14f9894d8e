/**
 * Identification of officers (src/sim/rules/identification.ts):
 *   outnumbered      <=> active in vision >= unmaskOutnumberRatio x max(1, officers in vision)
 *   street unmasking: a masked, deployed, serving, outnumbered officer, with probability
 *                     unmaskRate x streetUnmasking; exposure += min(unmaskExposure, 1 - exposure)
 *   publication:      an officer with exposure < 1, with probability publicationRatePerDay x level x hours/24;
 *                     exposure becomes 1; his unit's backlash += (wrongIdShare x wrongIdBacklash + counterPropaganda) / unit size
 *   an unmasking turns into an attack (a violent incident) with probability
 *                     unmaskAttackShare x (1 - disciplineMean) x (1 - disciplineTrainingEffect x training level)
 *   an identified officer's abuses go on record with probability documentOnIdentify
 * Draw order per officer (stream identify): unmasking, attack, publication, documentation.
 * No attacks (unmaskAttackShare 0) and no abuses unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_LOG_CAP, OfficerState } from '../../../src/sim';
import { identifyOfficers, outnumbered, publicationBacklash, publicationChance, unmaskAttackChance } from '../../../src/sim/rules/identification';
import { officerSetState } from '../../../src/sim/world/cells';
import { at, feed, putOfficer, tinyWorld } from './world';

/** Officer 0 masked at (2, 2), 5 active and 1 officer in his vision; officer 1 unmasked at (0, 0), nobody around. */
function world() {
  const s = tinyWorld({
    hoursPerTick: 1, unmaskRate: 0.1, unmaskOutnumberRatio: 5, unmaskExposure: 0.5, publicationRatePerDay: 0.48, unmaskAttackShare: 0,
    disciplineMean: 0.5, disciplineTrainingEffect: 0.5, documentOnIdentify: 0.5, wrongIdShare: 0.1, wrongIdBacklash: 5, counterPropaganda: 0.5,
  });
  putOfficer(s, 0, at(2, 2)); putOfficer(s, 1, at(0, 0));
  s.o.masked.set([1, 0]); s.o.exposure.set([0.25, 0]); s.o.abuses.fill(0); s.o.documented.fill(0);
  s.grid.nbAct[at(2, 2)] = 5; s.grid.nbCop[at(2, 2)] = 1;
  return s;
}

describe('identification', () => {
  it('publication chance per tick = rate x level x hours / 24', () => {
    const s = world();
    s.movement.levels.publication = 0.5;
    expect(publicationChance(s)).toBeCloseTo(0.01, 12); // 0.48 x 0.5 x 1/24
    s.params.hoursPerTick = 2;
    expect(publicationChance(s)).toBeCloseTo(0.02, 12); // 0.48 x 0.5 x 2/24
  });

  it('outnumbered: active >= 5 x max(1, officers)', () => {
    const s = world(), c = at(3, 3), g = s.grid;
    g.nbCop[c] = 0.4; g.nbAct[c] = 5;
    expect(outnumbered(s, c)).toBe(true);  // 5 >= 5 x max(1, 0.4)
    g.nbAct[c] = 4.5;
    expect(outnumbered(s, c)).toBe(false); // 4.5 < 5
    g.nbCop[c] = 2; g.nbAct[c] = 9;
    expect(outnumbered(s, c)).toBe(false); // 9 < 10
    g.nbAct[c] = 10;
    expect(outnumbered(s, c)).toBe(true);
  });

  it('street unmasking: a draw below 0.1 x 0.5 = 0.05 unmasks him, exposure 0.25 + min(0.5, 0.75) = 0.75', () => {
    const s = world();
    s.movement.levels.streetUnmasking = 0.5;
    const d = feed(s, 'identify', [0.04]); // officer 1 is not masked: no draw
    identifyOfficers(s);
    expect(d.used()).toBe(1);
    expect(s.o.masked[0]).toBe(0);
    expect(s.o.exposure[0]).toBe(0.75);
    const x = s.scratch.loyalty;
    expect(x.exposureGain[0]).toBe(0.5); expect(x.exposureGain[1]).toBe(0);
    expect(x.identified).toBe(1);
    expect(s.totals.unmaskings).toBe(1);
    expect(s.eventLog.map((e) => e.kind)).toEqual(['unmasking']);
  });

  it('a draw at 0.05 does not unmask; the rise is capped at 1 - exposure', () => {
    let s = world();
    s.movement.levels.streetUnmasking = 0.5;
    feed(s, 'identify', [0.05]);
    identifyOfficers(s);
    expect(s.o.masked[0]).toBe(1); expect(s.scratch.loyalty.identified).toBe(0);
    s = world();
    s.movement.levels.streetUnmasking = 0.5; s.o.exposure[0] = 0.75;
    feed(s, 'identify', [0]);
    identifyOfficers(s);
    expect(s.scratch.loyalty.exposureGain[0]).toBe(0.25); // min(0.5, 1 - 0.75)
    expect(s.o.exposure[0]).toBe(1);
  });

  it('publication: below 0.01 exposure becomes 1; whoever is at 1 is not drawn for; the unmasked can be published too', () => {
    const s = world();
    s.movement.levels.publication = 0.5; s.movement.levels.streetUnmasking = 0.5;
    const d = feed(s, 'identify', [0.04, 0.005, 0.5]); // officer 0: unmasked (0.75), then published (1); officer 1: 0.5 >= 0.01
    identifyOfficers(s);
    expect(d.used()).toBe(3);
    expect(Array.from(s.o.exposure)).toEqual([1, 0]);
    expect(s.scratch.loyalty.exposureGain[0]).toBe(0.75); // 1 - 0.25 in all
    expect(s.scratch.loyalty.identified).toBe(1);
    feed(s, 'identify', [0.5]); s.movement.levels.streetUnmasking = 0;
    identifyOfficers(s); // officer 0 at exposure 1: only officer 1 is drawn for
  });

  it('resigned officers are skipped; with both levels 0 nothing is drawn', () => {
    const s = world();
    s.movement.levels.publication = 0.5;
    officerSetState(s, 1, OfficerState.resigned, false);
    feed(s, 'identify', [0.5]);
    identifyOfficers(s);
    s.movement.levels.publication = 0;
    feed(s, 'identify', []);
    identifyOfficers(s);
    expect(s.scratch.loyalty.identified).toBe(0);
  });

  // src/sim/eventLog.ts keeps at most EVENT_LOG_CAP events and only counts later ones
  // (eventsDropped), so the state stays bounded: an unmasking with a full log is counted, not kept.
  it('an unmasking respects the event log cap', () => {
    const s = world();
    s.movement.levels.streetUnmasking = 0.5;
    s.eventLog = new Array(EVENT_LOG_CAP).fill({ tick: 0, kind: 'filler' });
    feed(s, 'identify', [0]);
    identifyOfficers(s);
    expect(s.eventLog.length).toBe(100_000);
    expect(s.eventsDropped).toBe(1);
  });

  it('attack chance 0.5 x (1 - 0.5) x (1 - 0.5 x training 0.5) = 0.1875; with the crowd fully disciplined, 0', () => {
    const s = world();
    s.params.unmaskAttackShare = 0.5; s.movement.levels.discipline = 0.5;
    expect(unmaskAttackChance(s)).toBeCloseTo(0.1875, 12);
    s.movement.levels.discipline = 0;
    expect(unmaskAttackChance(s)).toBeCloseTo(0.25, 12); // 0.5 x 0.5 x 1
    s.params.disciplineMean = 1;
    expect(unmaskAttackChance(s)).toBe(0);
  });

  it('an unmasking turns into an attack on a draw below 0.1875: a violent incident in his district (threat); 0.1875 is not below', () => {
    for (const [u, attacks] of [[0.18, 1], [0.1875, 0]]) {
      const s = world();
      s.params.unmaskAttackShare = 0.5; s.movement.levels.discipline = 0.5; s.movement.levels.streetUnmasking = 0.5;
      const d = feed(s, 'identify', [0.04, u]); // unmasked (0.04 < 0.05), then the attack draw
      identifyOfficers(s);
      expect(d.used()).toBe(2);
      expect(s.o.masked[0]).toBe(0);
      expect(s.tickViolence[0]).toBe(attacks); expect(s.tickTally.violent).toBe(attacks);
      expect(s.totals.violentActs).toBe(attacks); expect(s.today.violent).toBe(attacks);
    }
  });

  it('a publication angers his unit: (0.1 x 5 + 0.5) / 2 members = 0.5; wrong identifications counted 0.1 a publication', () => {
    const s = world();
    expect(s.units.size[0]).toBe(2);
    expect(publicationBacklash(s, 2)).toBeCloseTo(0.5, 12);
    expect(publicationBacklash(s, 0)).toBeCloseTo(1, 12); // max(1, size)
    s.movement.levels.publication = 0.5;
    feed(s, 'identify', [0.005, 0.005]); // both published (< 0.01)
    identifyOfficers(s);
    expect(s.units.backlash[0]).toBeCloseTo(1, 12); // 2 x 0.5
    expect(s.units.anyBacklash).toBe(true);
    expect(s.totals.publications).toBe(2);
    expect(s.totals.wrongIds).toBeCloseTo(0.2, 12);
    s.params.counterPropaganda = 0; s.params.wrongIdBacklash = 10; // (0.1 x 10 + 0) / 2 = 0.5
    expect(publicationBacklash(s, 2)).toBeCloseTo(0.5, 12);
  });

  it('an unmasking alone adds no backlash', () => {
    const s = world();
    s.movement.levels.streetUnmasking = 0.5;
    feed(s, 'identify', [0.04]);
    identifyOfficers(s);
    expect(s.units.backlash[0]).toBe(0); expect(s.units.anyBacklash).toBe(false);
  });

  it('an identified abuser\'s abuses go on record on a draw below documentOnIdentify 0.5; not at 0.5', () => {
    for (const [u, documented] of [[0.49, 2], [0.5, 0]]) {
      const s = world();
      s.o.abuses[0] = 2;
      s.movement.levels.streetUnmasking = 0.5;
      const d = feed(s, 'identify', [0.04, u]);
      identifyOfficers(s);
      expect(d.used()).toBe(2);
      expect(s.o.documented[0]).toBe(documented);
    }
  });
});
