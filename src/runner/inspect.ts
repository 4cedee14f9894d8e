/**
 * The officer inspector's data: one officer's state, threshold, channels and loyalty over time.
 * History comes from two sources: a daily snapshot of every officer's loyalty (only up to
 * DAILY_LIMIT officers, so memory stays bounded: 20,000 x 120 days x 4 bytes ~ 10 MB), and a
 * per-tick record of the officer being inspected, kept from the moment he is selected.
 */
import { BRANCHES, chIndex, OFFICER_STATE_NAMES, type Channel, type SimState } from '../sim';
import type { OfficerDetail } from './protocol';

export const DAILY_LIMIT = 20_000;

export class LoyaltyLog {
  private days: Float32Array[] = [];
  private officer: number | null = null;
  private perTick: { tick: number; loyalty: number }[] = [];

  constructor(private readonly s: SimState) {
    this.sampleDay();
  }

  get inspected(): number | null { return this.officer; }

  /** Selects who is recorded every tick (null: nobody); restarts his per-tick record. */
  inspect(officer: number | null): void {
    const ok = officer !== null && Number.isInteger(officer) && officer >= 0 && officer < this.s.o.n;
    this.officer = ok ? officer : null;
    this.perTick = ok ? [{ tick: this.s.tick, loyalty: this.s.o.loyalty[officer] }] : [];
  }

  /** Call after every tick. */
  afterTick(): void {
    const s = this.s;
    if (this.officer !== null) this.perTick.push({ tick: s.tick, loyalty: s.o.loyalty[this.officer] });
    if (s.tick % s.ticksPerDay === 0) this.sampleDay();
  }

  private sampleDay(): void {
    if (this.s.o.n <= DAILY_LIMIT) this.days.push(Float32Array.from(this.s.o.loyalty));
  }

  history(j: number): { tick: number; loyalty: number }[] {
    const tpd = this.s.ticksPerDay;
    const from = j === this.officer && this.perTick.length > 0 ? this.perTick[0].tick : Infinity;
    const out: { tick: number; loyalty: number }[] = [];
    for (let d = 0; d < this.days.length && d * tpd < from; d++) out.push({ tick: d * tpd, loyalty: this.days[d][j] });
    if (j === this.officer) out.push(...this.perTick);
    return out;
  }

  detail(j: number): OfficerDetail {
    const s = this.s, o = s.o;
    const channels = {} as Record<Channel, number>;
    s.channels.forEach((c, k) => { channels[c as Channel] = o.channelSum[chIndex(o.n, j, k)]; });
    return {
      officer: j,
      state: OFFICER_STATE_NAMES[o.state[j]],
      loyalty: o.loyalty[j],
      threshold: o.theta[j],
      thresholdUnit: s.params.defectionThresholdUnit,
      unit: o.unit[j],
      district: s.districtIds[o.district[j]] ?? '',
      branch: BRANCHES[o.branch[j]] ?? '',
      masked: o.masked[j] === 1,
      exposure: o.exposure[j],
      abuses: o.abuses[j],
      defectTick: o.defectTick[j] < 0 ? null : o.defectTick[j],
      channels,
      history: this.history(j),
    };
  }
}

/** Each channel's cumulative contribution summed over all officers (for the debrief). */
export function channelTotals(s: SimState): Record<Channel, number> {
  const nch = s.channels.length, sums = new Float64Array(nch), cs = s.o.channelSum;
  const n = s.o.n;
  for (let k = 0; k < nch; k++) for (let j = 0; j < n; j++) sums[k] += cs[chIndex(n, j, k)];
  const out = {} as Record<Channel, number>;
  s.channels.forEach((c, k) => { out[c as Channel] = sums[k]; });
  return out;
}
