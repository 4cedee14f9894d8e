/**
 * The patron, once per day ("Cracks Appear ...": the regime relies on support from Russia; "the
 * Kremlin doesn't appear ready to abandon Lukashenko yet"). A patron doubts a client that looks
 * lost:
 *   support -= patronWithdrawPerDay x max(0, perceived - patronDoubtThreshold),   kept >= 0
 * When support falls below patronWithdrawnShare of what it was, the patron has withdrawn: an event, and the elite
 * loses patronLossEliteShock of its cohesion. The support pays patron aid into the economy.
 * holdPatron keeps the support at its day-0 value.
 */
import type { SimState } from '../state';
import { logEvent } from '../eventLog';

export function patronSupportNext(s: SimState): number {
  const p = s.params;
  return Math.max(0, s.regime.patronSupport - p.patronWithdrawPerDay * Math.max(0, s.perceived - p.patronDoubtThreshold));
}

export function patronDay(s: SimState): void {
  const g = s.regime, p = s.params;
  if (p.holdPatron) return;
  g.patronSupport = patronSupportNext(s);
  if (!g.patronWithdrawn && s.initialParams.externalSupport > 0 && g.patronSupport < s.params.patronWithdrawnShare * s.initialParams.externalSupport) {
    g.patronWithdrawn = true;
    if (!p.holdElite) g.eliteCohesion = Math.max(0, g.eliteCohesion - p.patronLossEliteShock);
    logEvent(s, { tick: s.tick, kind: 'patron-withdraws' });
  }
}
