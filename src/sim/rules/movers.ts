/**
 * Who moves this tick: each agent independently with probability moveProbability. One uniform
 * serves several agents: u < p is a success and u/p is again uniform, otherwise (u-p)/(1-p) is;
 * a fresh draw every 8 uses keeps ample precision (each use spends only log2(1/p) bits).
 */
import type { Rng } from '../rng';

export class MoverSampler {
  private u = 0;
  private uses = 8;
  private readonly inv: number;
  private readonly invq: number;
  constructor(private readonly p: number, private readonly r: Rng) {
    this.inv = p > 0 ? 1 / p : 0;
    this.invq = p < 1 ? 1 / (1 - p) : 0;
  }
  /** True if the next agent in order moves. */
  moves(): boolean {
    const p = this.p;
    if (p >= 1) return true;
    if (p <= 0) return false;
    if (this.uses === 8) { this.u = this.r(); this.uses = 0; }
    this.uses++;
    const u = this.u;
    if (u < p) { this.u = u * this.inv; return true; }
    this.u = (u - p) * this.invq;
    return false;
  }
}
