/**
 * An officer's turn (src/sim/rules/officerTurn.ts): move (if he moves), then, on duty or inside,
 * one arrest attempt when active citizens are in vision, stepping onto the arrested man's cell.
 * Shirkers arrest nobody; resigned officers and the reserve do nothing. District police do not
 * make a move that would take them out of their district; riot police go anywhere.
 */
import { describe, expect, it } from 'vitest';
import { Branch, CitizenState, OfficerState, type Params } from '../../../src/sim';
import { indexActive } from '../../../src/sim/rules/arrest';
import { MoverSampler } from '../../../src/sim/rules/move';
import { officersTickStart, officerTurn, staysInDistrict } from '../../../src/sim/rules/officerTurn';
import { officerSetState } from '../../../src/sim/world/cells';
import { at, countVision, feed, putCitizen, putOfficer, tinyWorld } from './world';

const NO_HARM: Partial<Params> = { maxJailTicks: 0, detentionMinDays: 1, detentionMaxDays: 1, injuryProbability: 0, abuseProbability: 0 };

/** live mode: officers 0 at (2, 2) and 1 at (4, 0); citizen 0 active at (3, 2), the others quiet at (0, 4). */
function live(over: Partial<Params> = {}) {
  const s = tinyWorld({ countMode: 'live', ...NO_HARM, ...over });
  putOfficer(s, 0, at(2, 2)); putOfficer(s, 1, at(4, 0));
  putCitizen(s, 0, at(3, 2), true);
  for (const i of [1, 2, 3]) putCitizen(s, i, at(0, 4));
  feed(s, 'jail', [0.5]); // one detention of 1 day, if someone is arrested
  return s;
}

describe('officerTurn (live mode)', () => {
  it('on duty, an active citizen in vision, rate 1: arrests him (one draw: the target) and takes his cell', () => {
    const s = live();
    const d = feed(s, 'arrest', [0]);
    officerTurn(s, 0, false, 1);
    expect(d.used()).toBe(1);
    expect(s.c.state[0]).toBe(CitizenState.detained);
    expect(s.o.cell[0]).toBe(at(3, 2));
    expect(s.grid.copCell[at(3, 2)]).toBe(1); expect(s.grid.copCell[at(2, 2)]).toBe(0);
    expect(s.grid.nbCop[at(4, 3)]).toBe(1); // (4, 3) now sees him; it did not before
    expect(s.grid.nbAct[at(2, 2)]).toBe(0);
  });

  it('nobody active in vision: no attempt, no draw', () => {
    const s = live();
    feed(s, 'arrest', []);
    officerTurn(s, 1, false, 1); // (4, 0) sees x 3..4, y 0..1: nobody active
    expect(s.c.state[0]).toBe(CitizenState.active);
  });

  it('an insider tries at base x insiderArrestFactor: 0.3 fails against 0.5 x 0.5 but succeeds against 0.5', () => {
    let s = live({ insiderArrestFactor: 0.5 });
    officerSetState(s, 0, OfficerState.insider, true);
    feed(s, 'arrest', [0.3]);
    officerTurn(s, 0, false, 0.5);
    expect(s.c.state[0]).toBe(CitizenState.active);
    s = live({ insiderArrestFactor: 0.5 });
    feed(s, 'arrest', [0.3, 0]);
    officerTurn(s, 0, false, 0.5);
    expect(s.c.state[0]).toBe(CitizenState.detained);
  });

  it('a shirker moves but arrests nobody; a resigned officer takes no turn at all', () => {
    const s = live();
    officerSetState(s, 0, OfficerState.shirking, true);
    feed(s, 'move', [0.5]); feed(s, 'arrest', []);
    officerTurn(s, 0, true, 1); // offset 4 = (-1, 0): to (1, 2), (3, 2) out of sight anyway
    expect(s.o.cell[0]).toBe(at(1, 2));
    putOfficer(s, 0, at(2, 2));
    officerTurn(s, 0, false, 1); // next to the active citizen: still no attempt
    expect(s.c.state[0]).toBe(CitizenState.active);
    officerSetState(s, 1, OfficerState.resigned, false);
    feed(s, 'move', []);
    officerTurn(s, 1, true, 1);
    expect(s.o.cell[1]).toBe(-1);
  });

  it('he moves first: from (2, 2) the move draw 0.5 takes offset 4 = (-1, 0), to (1, 2), where (0, 2) is in vision', () => {
    const s = live();
    putCitizen(s, 0, at(0, 2), true); // out of sight of (2, 2), in sight of (1, 2)
    feed(s, 'move', [0.5]); feed(s, 'arrest', [0]);
    officerTurn(s, 0, true, 1);
    expect(s.c.state[0]).toBe(CitizenState.detained);
    expect(s.o.cell[0]).toBe(at(0, 2));
  });
});

describe('district police stay in their district', () => {
  // Cell (1, 2) is made part of another district (index 1); officer 0 belongs to district 0.
  it('the same move draw (0.5: to (1, 2)) moves a riot policeman, not a district policeman', () => {
    for (const [branch, cell, state] of [[Branch.omon, at(0, 2), CitizenState.detained], [Branch.district_police, at(2, 2), CitizenState.active]] as const) {
      const s = live();
      s.grid.district[at(1, 2)] = 1;
      s.o.branch[0] = branch; s.o.district[0] = 0;
      expect(staysInDistrict(s, 0, at(1, 2))).toBe(branch === Branch.omon);
      expect(staysInDistrict(s, 0, at(3, 2))).toBe(true);
      putCitizen(s, 0, at(0, 2), true); // in sight of (1, 2) only
      feed(s, 'move', [0.5]); feed(s, 'arrest', [0]);
      officerTurn(s, 0, true, 1);
      expect(s.o.cell[0]).toBe(cell);
      expect(s.c.state[0]).toBe(state);
    }
  });

  it('tickStart mode: a district policeman whose move leaves the district stays; a riot policeman makes it', () => {
    for (const [branch, cell] of [[Branch.district_police, at(2, 2)], [Branch.omon, at(1, 2)]] as const) {
      const s = tinyWorld({ ...NO_HARM, moveProbability: 1 });
      putOfficer(s, 0, at(2, 2)); putOfficer(s, 1, at(4, 4));
      s.grid.district[at(1, 2)] = 1;
      s.o.branch[0] = branch; s.o.district[0] = 0;
      s.o.branch[1] = Branch.district_police; s.o.district[1] = 0;
      countVision(s);
      feed(s, 'move', [0.5, 0.5]); // officer 0 would go to (1, 2); officer 1 to (3, 4), in his district
      officersTickStart(s, new MoverSampler(1, s.rng.move), 1);
      expect(s.o.cell[0]).toBe(cell);
      expect(s.o.cell[1]).toBe(at(3, 4));
    }
  });
});

describe('officersTickStart', () => {
  it('counts from the start of the tick, targets from the current cells: two officers, one arrest', () => {
    const s = tinyWorld({ ...NO_HARM });
    putOfficer(s, 0, at(2, 2)); putOfficer(s, 1, at(3, 3));
    putCitizen(s, 0, at(3, 2), true);
    s.activeBuf[0] = 0; s.activeN = 1;
    indexActive(s, s.activeBuf, 1);
    countVision(s);
    feed(s, 'jail', [0.5]);
    const d = feed(s, 'arrest', [0]); // officer 0 picks the only active citizen; officer 1 then finds nobody
    officersTickStart(s, new MoverSampler(0, s.rng.move), 1);
    expect(d.used()).toBe(1);
    expect(s.c.state[0]).toBe(CitizenState.detained);
    expect(s.o.cell[0]).toBe(at(3, 2));
    expect(s.o.cell[1]).toBe(at(3, 3));
    expect(s.totals.detentions).toBe(1);
  });
});
