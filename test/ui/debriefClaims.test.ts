/**
 * The debrief never says what the run contradicts: for 10 seeds of every preset, the run is made
 * as `sim --every 1` makes it (the scenario's own strategy, so games end in every way), the
 * debrief is built from the report and the series, and each of its claims is recomputed here from
 * the series on its own. Nothing here pins a number of the model (it is being retuned): only
 * that what is said agrees with what happened.
 */
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { runSim } from '../../src/cli/run';
import { PRESET_IDS, getPreset } from '../../src/scenarios';
import type { SeriesRow } from '../../src/sim';
import { debriefOf, rowDay, type Claim } from '../../src/ui/debriefModel';
import type { RunMeta } from '../../src/store/types';

const SEEDS = Array.from({ length: 10 }, (_, k) => k + 1);

function check(c: Claim, rows: readonly SeriesRow[], tpd: number, report: ReturnType<typeof runSim>['report']): void {
  const ms = rows.map((r) => r.momentum);
  const firstUp = rows.findIndex((r) => r.momentum >= 0.5);
  switch (c.kind) {
    case 'outcome': expect(c.outcome).toBe(report.outcome); if (report.outcome === 'success') expect(c.cause).toBe(report.fallCause); return;
    case 'tipping': expect(report.tippingDay).not.toBeNull(); expect(c.day).toBe((report.tippingDay as number) + 1); return;
    case 'noTipping': expect(report.tippingTick).toBeNull(); return;
    case 'defected': expect(c.share).toBe(report.summary.defectedShare); return;
    case 'forceAtEnd': {
      const last = rows[rows.length - 1];
      expect(report.outcome).toBe('stalemate');
      expect(c.ratio).toBeCloseTo(last.effectiveForce / last.neededForce, 9);
      return;
    }
    case 'momentumNever': {
      expect(Math.max(...ms)).toBeLessThan(0.5);
      expect(c.peak).toBeCloseTo(Math.max(...ms), 2);
      return;
    }
    case 'momentumStayed': {
      expect(firstUp).toBeGreaterThanOrEqual(0);
      expect(c.up).toBe(rowDay(rows[firstUp].tick, tpd));
      expect(ms.slice(firstUp).every((m) => m >= 0.5)).toBe(true);
      return;
    }
    case 'momentumLastFell': {
      expect(c.up).toBe(rowDay(rows[firstUp].tick, tpd));
      expect(ms[ms.length - 1]).toBeLessThan(0.5);
      // Below one half on every row from that day on, and at or above it on the row just before.
      const from = rows.findIndex((r) => rowDay(r.tick, tpd) >= c.down && r.momentum < 0.5);
      expect(ms.slice(from).every((m) => m < 0.5)).toBe(true);
      expect(ms[from - 1]).toBeGreaterThanOrEqual(0.5);
      return;
    }
    case 'crackdown': {
      // Recomputed from the rows: new detentions per day, then the largest crowd either side.
      const days = new Map<number, { det: number; peak: number }>();
      for (const r of rows) {
        const d = rowDay(r.tick, tpd), o = days.get(d);
        days.set(d, { det: r.detentions, peak: Math.max(o?.peak ?? 0, r.citizens.active) });
      }
      const fresh = [...days.entries()].map(([d, v], k, all) => [d, v.det - (k === 0 ? rows[0].detentions : all[k - 1][1].det)] as const);
      const most = Math.max(...fresh.map(([, n]) => n));
      expect(c.detained).toBe(most);
      expect(c.day).toBe(fresh.find(([, n]) => n === most)![0]);
      const peakOf = (from: number, to: number) => Math.max(0, ...[...days.entries()].filter(([d]) => d >= from && d <= to).map(([, v]) => v.peak));
      expect(days.has(c.day + 7)).toBe(true);
      expect(c.before).toBe(peakOf(c.day - 6, c.day));
      expect(c.after).toBe(peakOf(c.day + 1, c.day + 7));
      expect(c.trend).toBe(c.after >= 1.1 * c.before ? 'grew' : c.after <= 0.9 * c.before ? 'shrank' : 'same');
      return;
    }
    case 'momentumRoseEnded': {
      expect(c.up).toBe(rowDay(rows[firstUp].tick, tpd));
      expect(ms[ms.length - 1]).toBeGreaterThanOrEqual(0.5);
      expect(ms.slice(firstUp).some((m) => m < 0.5)).toBe(true);
      expect(c.end).toBeCloseTo(ms[ms.length - 1], 2);
      return;
    }
  }
}

describe('the debrief agrees with the series (sim --every 1, 10 seeds per preset)', () => {
  for (const id of PRESET_IDS) {
    it(id, () => {
      const sc = getPreset(id);
      let crackdowns = 0, detaining = 0;
      for (const seed of SEEDS) {
        const r = runSim({ ...defaultOptions(), scenario: id, seed, every: 1 }, process.cwd());
        const rows = r.series as SeriesRow[];
        const p = r.report.params;
        const tpd = 24 / p.hoursPerTick;
        const meta = {
          scenarioId: id, title: sc.title, briefing: sc.briefing ?? {}, params: p, ticksPerDay: tpd, startDate: sc.startDate, historical: null,
        } as unknown as RunMeta;
        const d = debriefOf({
          outcome: r.report.outcome ?? 'stalemate', fallCause: r.report.fallCause, tippingTick: r.report.tippingTick, summary: r.report.summary,
          meta, events: [], historical: null, channelTotals: null,
        }, rows)!;
        expect(d, `${id} seed ${seed}`).not.toBeNull();
        for (const c of d.claims) check(c, rows, tpd, r.report);
        // The words carry the claims' numbers, and never the old unconditional sentence.
        expect(d.why).not.toMatch(/kept enough loyal force/);
        const tip = d.claims.find((c) => c.kind === 'tipping');
        if (tip && tip.kind === 'tipping') expect(d.tipping).toContain(`day ${tip.day} `);
        if (rows[rows.length - 1].detentions > rows[0].detentions) detaining++;
        const ck = d.claims.find((c) => c.kind === 'crackdown');
        if (ck && ck.kind === 'crackdown') {
          crackdowns++;
          expect(d.crackdown).toContain(`day ${ck.day} `);
          expect(d.crackdown).toMatch(ck.trend === 'grew' ? /backfired/ : ck.trend === 'shrank' ? /held the crowds down/ : /neither grew nor shrank/);
        } else expect(d.crackdown).toBe('');
      }
      // Where runs arrest people (not the threshold riots), the debrief says what the heaviest day did to the crowds.
      if (detaining > 0) expect(crackdowns, id).toBeGreaterThan(0);
      if (id === 'minsk-2020' || id.startsWith('classroom-')) expect(detaining, id).toBe(SEEDS.length);
    }, 600_000);
  }
});
