/**
 * Switching a loyalty channel off (docs/model.md section 6): "its contribution is zero every tick, and
 * the run is identical, bit for bit, to the baseline until the tick at which that channel's
 * baseline contribution first becomes non-zero."
 *
 * For each of the 8 channels a small city is set up so that the channel eventually acts (a tactic
 * from the movement's strategy, protester violence, defections, ...), and run twice with the same
 * seed: the baseline (every channel on) and with `<channel>On: false`.
 *
 * Off-by-one, from src/sim/advance.ts: one advance(s, 1) call processes tick s.tick (applying the
 * tactics and events due at that tick, agents acting, then the loyalty channels, the officers'
 * decisions, ...) and ends by incrementing s.tick. Let F[k] be the fingerprint of the whole state
 * after k calls (F[0] = the initial state), and T the first k at which some officer's
 * channelLast for the channel is non-zero in the baseline: the contribution first became non-zero
 * while processing tick T-1. Everything before that tick's loyalty update is the same in both
 * runs, so F_off[k] = F_base[k] must hold for k = 0 .. T-1 (the state entering tick T-1 included).
 * F[T] already contains the contribution (the loyalty update of tick T-1), so the runs may differ
 * from F[T] on; here they must, since loyalty is in the fingerprint and no officer in these worlds
 * sits at a clamp bound of [0, 1] when the channel first acts. In the off run the channel's
 * channelLast and channelSum must be 0 for every officer after every call.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, CHANNELS, chIndex, createState, NCH, type ActionDef, type Channel, type EventDef, type Params, type SimState } from '../../src/sim';
import { worldArb } from './arbitraries';
import { Hasher, smallCity } from './helpers';

/** The state, hashed: every array and aggregate that a difference could show up in. */
function fingerprint(s: SimState): string {
  const h = new Hasher();
  const o = s.o, c = s.c, g = s.grid;
  h.num(s.tick).array(o.loyalty).array(o.state).array(o.cell).array(o.exposure).array(o.masked).array(o.defectTick)
    .array(o.abuses).array(o.noisy).array(o.deployed).array(o.channelSum).array(o.channelLast)
    .array(c.state).array(c.cell).array(c.term).array(g.occ).array(g.copCell).array(g.actCell)
    .array(s.counts.citizens).array(s.counts.officers).array(s.units.visible)
    .num(s.momentum).num(s.regime.resources).num(s.regime.eliteCohesion).num(s.movement.capacity).num(s.movement.fund)
    .num(s.defectedCount).num(s.reserve).num(s.effectiveForce).num(s.neededForce).num(s.eventLog.length)
    .num(s.totals.detentions).num(s.totals.unmaskings).num(s.totals.violentActs).num(s.totals.abuses)
    .str(JSON.stringify(s.movement.levels)).str(String(s.outcome)).array(s.rngWords);
  // channelLast is hashed for every channel: before T the tested channel's entries are 0 in both
  // runs, so they cannot make F[0..T-1] differ by themselves.
  return h.digest();
}

interface Setup { over: Partial<Params>; strategy?: ActionDef[]; events?: EventDef[]; ticks: number; why: string; minT: number }

/**
 * Legitimacy 1 keeps everyone home: even an opponent (legitimacy shifted down by 0.25) has
 * grievance H x 0.25 < 0.25 = T + falsificationCost at momentum 0. The crowd appears when this event
 * lowers legitimacy at tick 30, so arrests, violence and defections cannot start before tick 30.
 */
const CALM = { legitimacy: 1 };
const UNREST: EventDef[] = [{ at: { tick: 30 }, label: 'stolen election', set: { legitimacy: 0.4 } }];

/** One world per channel: the channel acts at some point, and not at the very first tick where avoidable. */
const SETUPS: Record<Channel, Setup> = {
  backfire: { over: CALM, events: UNREST, ticks: 120, minT: 31,
    why: 'arrests of nonviolent protesters once the crowd is out (tick 30)' },
  threat: { over: { ...CALM, violenceRate: 0.3, disciplineMean: 0.3 }, events: UNREST, ticks: 120, minT: 31,
    why: 'an undisciplined crowd attacks officers once it is out (tick 30)' },
  exposure: { over: {}, strategy: [{ tick: 40, tactic: 'streetUnmasking' }, { tick: 60, tactic: 'massPublication' }], ticks: 200, minT: 41,
    why: 'street unmasking from tick 40, mass publication from tick 60' },
  offers: { over: {}, strategy: [{ tick: 30, tactic: 'amnestyPledge' }], ticks: 100, minT: 31,
    why: 'an amnesty pledge at tick 30' },
  peers: { over: { ...CALM, backfireWeight: 0.05, initialLoyaltySd: 0.05 }, events: UNREST, ticks: 300, minT: 31,
    why: 'strong backfire from tick 30 makes the first officers defect; then their units see it' },
  momentum: { over: {}, ticks: 100, minT: 25,
    why: 'momentum is first computed at the end of day 1 (in call 24), so the channel can act from call 25' },
  accountability: { over: {}, strategy: [{ tick: 30, tactic: 'crimeRegistry' }], ticks: 100, minT: 31,
    why: 'a crime registry at tick 30' },
  regime: { over: { ...CALM, initialLoyaltyMean: 1, initialLoyaltySd: 0 }, events: UNREST, ticks: 120, minT: 32,
    why: 'everyone starts fully loyal, so the pull toward 1 is 0 until backfire (tick 30 on) lowers someone' },
};

const ON_KEY = (ch: Channel) => `${ch}On` as const;

function channelNonZero(s: SimState, ch: number, arr: ArrayLike<number>): boolean {
  for (let j = 0; j < s.o.n; j++) if (arr[chIndex(s.o.n, j, ch)] !== 0) return true;
  return false;
}

describe.each(CHANNELS.map((ch, idx) => ({ ch, idx })))('channel $ch switched off', ({ ch, idx }) => {
  it('contributes 0 every tick, and the run equals the baseline until the channel first acts', () => {
    const setup = SETUPS[ch];
    const seed = 1000 + idx;
    const base = smallCity(`channel-${ch}`, setup.over, setup.strategy ?? [], setup.events ?? []);
    const offParams: Params = { ...base.params, [ON_KEY(ch)]: false };
    expect(base.params[ON_KEY(ch)]).toBe(true);
    expect(CHANNELS.every((c) => base.params[ON_KEY(c)])).toBe(true); // the baseline has every channel on

    const a = createState(base.scenario, base.params, seed);
    const b = createState(base.scenario, offParams, seed);
    const fa = [fingerprint(a)], fb = [fingerprint(b)];
    let T = -1;
    const offViolations: number[] = [];
    for (let k = 1; k <= setup.ticks; k++) {
      advance(a, 1); advance(b, 1);
      fa.push(fingerprint(a)); fb.push(fingerprint(b));
      if (T < 0 && channelNonZero(a, idx, a.o.channelLast)) T = k;
      if (channelNonZero(b, idx, b.o.channelLast) || channelNonZero(b, idx, b.o.channelSum)) offViolations.push(k);
    }
    // The world was built so that the channel acts, and not before the setup says it can.
    expect(T, `${ch}: ${setup.why}`).toBeGreaterThan(0);
    expect(T, `${ch}: ${setup.why}`).toBeGreaterThanOrEqual(setup.minT);
    // Off: zero contribution on every tick.
    expect(offViolations, `${ch} off still contributes after these calls`).toEqual([]);
    // Identical before the channel's first non-zero baseline contribution: F[0..T-1].
    const firstDiff = fa.findIndex((f, k) => f !== fb[k]);
    expect(firstDiff === -1 || firstDiff >= T, `${ch}: runs diverge after ${firstDiff} calls, but the channel first acts in call ${T}`).toBe(true);
    // ...and they do differ once it acts (otherwise this test could not fail), from the very tick it acts.
    expect(firstDiff, `${ch}: the off run never differs from the baseline`).toBe(T);
    // Sanity: the baseline's cumulative contribution is non-zero at the end.
    expect(channelNonZero(a, idx, a.o.channelSum)).toBe(true);
  });
});

/**
 * The channel table decides the layout: a run made from a permuted table keeps each channel's
 * record in the slot the permutation gives it, and switching a channel off zeroes only that slot
 * and leaves only its own stream untouched (its state words equal the seeded ones throughout),
 * while every other channel's record equals the baseline's until the switched-off one would act.
 */
describe.each(CHANNELS.map((ch, idx) => ({ ch, idx })))('permuted table: channel $ch switched off', ({ ch, idx }) => {
  // A permutation that moves every channel: the table rotated by one.
  const order = [...CHANNELS.slice(1), CHANNELS[0]];
  it('zeroes only its own slot and its own stream', () => {
    const setup = SETUPS[ch], seed = 2000 + idx, slot = order.indexOf(ch);
    expect(slot).not.toBe(idx);
    const base = smallCity(`perm-${ch}`, setup.over, setup.strategy ?? [], setup.events ?? []);
    const a = createState(base.scenario, base.params, seed, { channels: order });
    const b = createState(base.scenario, { ...base.params, [ON_KEY(ch)]: false }, seed, { channels: order });
    expect(a.channels).toEqual(order);
    const stream = b.streamNames.indexOf(`ch.${ch}`), words0 = Array.from(b.rngWords.slice(4 * stream, 4 * stream + 4));
    let T = -1;
    for (let k = 1; k <= setup.ticks; k++) {
      advance(a, 1); advance(b, 1);
      if (T < 0 && channelNonZero(a, slot, a.o.channelLast)) T = k;
      expect(channelNonZero(b, slot, b.o.channelLast) || channelNonZero(b, slot, b.o.channelSum), `${ch} off contributes (call ${k})`).toBe(false);
      expect(Array.from(b.rngWords.slice(4 * stream, 4 * stream + 4)), `${ch} off drew from its stream (call ${k})`).toEqual(words0);
      if (T < 0) for (let q = 0; q < order.length; q++)
        expect(Array.from(b.o.channelSum.subarray(q * b.o.n, (q + 1) * b.o.n)), `slot ${q} (${order[q]}) before ${ch} acts`).toEqual(Array.from(a.o.channelSum.subarray(q * a.o.n, (q + 1) * a.o.n)));
    }
    expect(T, `${ch}: ${setup.why}`).toBeGreaterThan(0);
    // In the baseline the channel's record sits at the permuted slot, and the slot of its canonical position holds another channel's.
    expect(channelNonZero(a, slot, a.o.channelSum)).toBe(true);
  });
});

describe('any channel switched off, in random worlds', () => {
  it('contributes 0 and leaves the run unchanged until its baseline contribution first becomes non-zero', () => {
    let acted = 0;
    fc.assert(fc.property(worldArb, fc.integer({ min: 0, max: NCH - 1 }), (w, idx) => {
      const key = ON_KEY(CHANNELS[idx]);
      const a = createState(w.scenario, { ...w.params, [key]: true }, w.seed);
      const b = createState(w.scenario, { ...w.params, [key]: false }, w.seed);
      let T = -1;
      for (let k = 1; k <= w.ticks; k++) {
        advance(a, 1); advance(b, 1);
        if (T < 0 && channelNonZero(a, idx, a.o.channelLast)) T = k;
        if (T < 0 && fingerprint(a) !== fingerprint(b)) throw new Error(`${key} = false: the run diverged after ${k} calls, before the channel acted`);
        if (channelNonZero(b, idx, b.o.channelLast) || channelNonZero(b, idx, b.o.channelSum)) throw new Error(`${key} = false still contributes after ${k} calls`);
      }
      if (T > 0) acted++;
    }), { numRuns: 20, seed: 8092020 });
    expect(acted).toBeGreaterThan(5); // most sampled worlds do exercise their channel
  });
});

describe('the fingerprint', () => {
  it('sees a change in one officer\'s loyalty, one citizen\'s cell and one count', () => {
    const { scenario, params } = smallCity('fp');
    const s = createState(scenario, params, 1);
    const f0 = fingerprint(s);
    s.o.loyalty[17] += 1e-12;
    expect(fingerprint(s)).not.toBe(f0);
    const f1 = fingerprint(s);
    s.c.cell[5] += 1;
    expect(fingerprint(s)).not.toBe(f1);
    const f2 = fingerprint(s);
    s.counts.citizens[0]++;
    expect(fingerprint(s)).not.toBe(f2);
  });
});
