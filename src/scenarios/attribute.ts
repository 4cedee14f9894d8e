/**
 * Why the regime fell: the attribution of a success to its pillars (docs/model.md section 9).
 * A pillar — the security forces, the elite, the economy, the patron — is *pivotal* in a success
 * when the same run (same spec and seed) with that pillar held at its day-0 state does not fall
 * within the horizon (holdForce: nobody leaves duty; holdElite, holdEconomy, holdPatron: cohesion,
 * resources, support held). The fall's cause is the pivotal pillar with the largest loss from day 0
 * at the decision (force: defected share; elite, economy, patron: the share lost). When no single
 * pillar is pivotal, one more replay holds every pillar at once: if the run still falls the crowd
 * alone brought it down (`overwhelm`: more people than the whole force, kept intact, could hold);
 * if it does not, the pillars were redundant (any one of them was enough) and the cause is the one
 * with the largest loss, marked `joint`.
 */
import { runToEnd, type FallCause, type SimState } from '../sim/index';
import { buildRun, type RunSpec } from './build';

export const PILLARS = ['force', 'elite', 'economy', 'patron'] as const;
export type Pillar = (typeof PILLARS)[number];
const HOLD: Record<Pillar, string> = { force: 'holdForce', elite: 'holdElite', economy: 'holdEconomy', patron: 'holdPatron' };

export interface Attribution {
  cause: FallCause;
  pivotal: Record<Pillar, boolean>;
  /** Each pillar's loss from day 0 at the decision. */
  loss: Record<Pillar, number>;
  /** No single pillar was pivotal but all of them held together were: `cause` is the largest loss among them. */
  joint: boolean;
}

/** Whether the run falls with `pillar` held at its day-0 state. */
export function fallsWithHeld(spec: RunSpec, pillar: Pillar | ReadonlyArray<Pillar>): boolean {
  // The replay resolves its layers again (not spec.resolved): each hold switch is one more --set.
  const held = typeof pillar === 'string' ? [pillar] : pillar;
  const st = buildRun({ ...spec, resolved: undefined, sets: [...(spec.sets ?? []), ...held.map((pl) => [HOLD[pl], 'true'] as [string, string])] }).state;
  runToEnd(st);
  return st.outcome === 'success';
}

/**
 * The patron's support only ever falls (rules/patron.ts) and holdPatron touches nothing else: when
 * it is still at its day-0 value at the decision it never moved, so the held replay would be this
 * run again, tick for tick, and fall on the same tick. Not pivotal, and no replay is needed.
 */
const patronUnmoved = (s: SimState, pl: Pillar): boolean =>
  pl === 'patron' && !s.regime.patronWithdrawn && s.regime.patronSupport === s.initialParams.externalSupport;

/** The attribution of a decided success `s` built from `spec`; null for any other outcome. */
export function attributeFall(spec: RunSpec, s: SimState): Attribution | null {
  if (s.outcome !== 'success' || s.pillarLoss === null) return null;
  const loss = { ...s.pillarLoss };
  const pivotal = { force: false, elite: false, economy: false, patron: false };
  let cause: FallCause = 'overwhelm', best = -1;
  for (const pl of PILLARS) {
    pivotal[pl] = patronUnmoved(s, pl) ? false : !fallsWithHeld(spec, pl);
    if (pivotal[pl] && loss[pl] > best) { best = loss[pl]; cause = pl; }
  }
  if (cause !== 'overwhelm') return { cause, pivotal, loss, joint: false };
  const lost = PILLARS.filter((pl) => loss[pl] > 0);
  if (lost.length === 0 || fallsWithHeld(spec, PILLARS.filter((pl) => !patronUnmoved(s, pl)))) return { cause, pivotal, loss, joint: false };
  for (const pl of lost) if (loss[pl] > best) { best = loss[pl]; cause = pl; }
  return { cause, pivotal, loss, joint: true };
}
