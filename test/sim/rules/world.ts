/**
 * Tiny worlds for the equation tests of test/sim/rules: a few agents on a 5x5 grid (vision radius 1,
 * a 3x3 box), nobody moving and no calendar unless a test says otherwise. createState draws the
 * agents' attributes; each test then sets the few entries its equation reads to round values
 * (dyadic fractions where the array is Float32, so the values are stored exactly).
 */
import { createState, type Params, type ScenarioData, type SimState } from '../../../src/sim';
import { citizenMove, citizenSetActive, officerMove } from '../../../src/sim/world/cells';
import { windowSum } from '../../../src/sim/world/neighbourhood';
import { bareScenario, smallCityParams } from '../helpers';

export const W = 5;
/** Cell index of (x, y) on the 5x5 grid. */
export const at = (x: number, y: number): number => y * W + x;

/** 4 citizens and 2 officers (no reserve, one unit) on a 5x5 grid, unless `over` says otherwise. */
export function tinyWorld(over: Partial<Params> = {}, scenario: Partial<ScenarioData> = {}): SimState {
  const params = smallCityParams({
    gridWidth: W, gridHeight: W, visionRadius: 1, visionShape: 'square', cellCapacity: 40,
    citizenCount: 4, officerCount: 2, nationalForce: 2, moveProbability: 0, calendarOn: false, ...over,
  });
  return createState({ ...bareScenario('tiny'), ...scenario }, params, 1);
}

/** Puts citizen i on `cell` (keeping every count), quiet or active. */
export function putCitizen(s: SimState, i: number, cell: number, active = false): void {
  if (s.c.cell[i] !== cell) citizenMove(s, i, cell);
  citizenSetActive(s, i, active);
}

/** Puts officer j on `cell` (keeping every count). */
export function putOfficer(s: SimState, j: number, cell: number): void {
  if (s.o.cell[j] !== cell) officerMove(s, j, cell);
}

/** tickStart mode: the counts in vision of every cell, as the tick's start takes them (advance.ts). */
export function countVision(s: SimState): void {
  const g = s.grid, p = s.params;
  windowSum(g, g.copCell, g.nbCop, p.visionRadius, p.visionShape);
  windowSum(g, g.actCell, g.nbAct, p.visionRadius, p.visionShape);
  windowSum(g, g.joinedCell, g.nbJoined, p.visionRadius, p.visionShape);
}

/** Officer j's ties to citizens (CSR arrays rebuilt): ties[j] lists the citizens he knows. */
export function setTies(s: SimState, ties: number[][]): void {
  const o = s.o, flat: number[] = [];
  for (let j = 0; j < o.n; j++) { o.tieStart[j] = flat.length; flat.push(...(ties[j] ?? [])); }
  o.tieStart[o.n] = flat.length;
  o.tieCitizen = Int32Array.from(flat);
}

/**
 * Replaces random stream `name` with the given values, in order; a draw beyond them fails the
 * test (so a rule that should not draw is caught). `used()` tells how many were drawn.
 */
export function feed(s: SimState, name: string, values: number[]): { used: () => number } {
  let k = 0;
  s.rng[name] = () => {
    if (k >= values.length) throw new Error(`stream '${name}': unexpected draw ${k + 1} (fed ${values.length})`);
    return values[k++];
  };
  return { used: () => k };
}
