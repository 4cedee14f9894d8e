/**
 * The runs behind the causal figures (causal.ts): a run taken to its end exactly as runToEnd does,
 * noting at the end of day `landmarkDay` whether it is still undecided and its defected share
 * then; and its knock-out, the same spec and seed with no officer allowed to leave duty
 * (holdForce), whose only result kept is whether it still succeeds.
 */
import { runToEnd, type SimState } from '../sim/index';
import { fallsWithHeld, type RunSpec } from '../scenarios/index';

export interface Landmark { undecided: boolean; defectedShare: number }

/** runToEnd with the landmark noted; a run decided by then (or ended at a horizon before it) is not undecided. */
export function runToEndWithLandmark(s: SimState, landmarkDay: number): Landmark {
  const at = landmarkDay * s.ticksPerDay;
  let mark: Landmark | null = null;
  runToEnd(s, (st) => {
    if (st.eventLog.length > 0) st.eventLog = [];
    if (mark === null && st.tick >= at) mark = { undecided: st.outcome === null, defectedShare: st.defectedCount / Math.max(1, st.o.initialForce) };
  });
  return mark ?? { undecided: false, defectedShare: s.defectedCount / Math.max(1, s.o.initialForce) };
}

/** Whether the run succeeds with nobody allowed to leave duty (loyalty still moves). */
export const knockoutSucceeds = (spec: RunSpec): boolean => fallsWithHeld(spec, 'force');
