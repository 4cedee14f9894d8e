/**
 * End-of-tick pass over the officers: visible and total defections per unit (read by peers and
 * walk-outs at the next tick, which makes the Granovetter update synchronous) and the force
 * figures: effective force on the map and the whole loyal force, reserve and recruits included.
 */
import { Branch, CitizenState, OfficerState, type SimState } from '../state';
import { copWeight } from '../world/cells';

export function officerTally(s: SimState): void {
  tallyForce(s);
  const active = s.counts.citizens[CitizenState.active];
  if (active > s.peakActive) { s.peakActive = active; s.peakActiveTick = s.tick; }
  const t = s.today;
  if (active > t.peakActive || (t.peakActive === 0 && t.peakNeeded === 0)) {
    t.peakActive = active; t.peakNeeded = s.neededForce; t.effectiveAtPeak = s.effectiveForce;
  }
}

/**
 * The unit tallies and the force figures alone (no peaks): also run again at the end of a day on
 * which the regime purged officers (regime.ts runs after the tick's tally), so that what peers and
 * walk-outs read at the next tick counts the purged as gone, as a recount would.
 */
export function tallyForce(s: SimState): void {
  const o = s.o, u = s.units, p = s.params;
  u.visible.fill(0);
  u.defected.fill(0);
  u.insiders.fill(0);
  u.unmasked.fill(0);
  const wShirk = copWeight(s, OfficerState.shirking), wIns = copWeight(s, OfficerState.insider);
  let eff = 0, loyal = 0, anyVisible = false;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j], k = o.unit[j];
    if (o.defectTick[j] >= 0) u.defected[k]++;
    if (st <= OfficerState.insider && o.branch[j] === Branch.omon && !o.masked[j]) u.unmasked[k]++;
    if (st === OfficerState.on_duty) { loyal++; if (o.deployed[j]) eff++; continue; }
    if (st === OfficerState.shirking) { loyal += wShirk; if (o.deployed[j]) eff += wShirk; u.visible[k] += p.peerShirkVisibility; }
    else if (st === OfficerState.insider) { loyal += wIns; if (o.deployed[j]) eff += wIns; u.insiders[k]++; continue; }
    else if (st === OfficerState.resigned) u.visible[k] += o.noisy[j] ? p.noisyResignVisibility : 1;
    else if (st === OfficerState.joined) u.visible[k] += 1;
    else continue; // purged: dismissed by the regime, not a visible defection
    anyVisible = true;
  }
  u.anyVisible = anyVisible && (p.peerShirkVisibility > 0 || s.counts.officers[OfficerState.resigned] + s.counts.officers[OfficerState.joined] > 0);
  let recruits = 0;
  for (let d = 0; d < s.recruitsByDistrict.length; d++) recruits += s.recruitsByDistrict[d];
  s.effectiveForce = eff + recruits;
  s.loyalForceTotal = loyal + recruits;
  s.neededForce = s.counts.citizens[CitizenState.active] * p.forcePerProtester;
}
