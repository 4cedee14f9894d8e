/**
 * What fades each day: a contact with the defector network (contact x (1 - contactDecayPerDay))
 * and a unit's backlash at publications (backlash x (1 - unitBacklashDecayPerDay)).
 */
import type { SimState } from '../state';

export function fadeDay(s: SimState): void {
  const p = s.params, o = s.o, u = s.units;
  const kc = 1 - p.contactDecayPerDay, kb = 1 - p.unitBacklashDecayPerDay;
  for (let j = 0; j < o.n; j++) if (o.contact[j] > 0) { const c = o.contact[j] * kc; o.contact[j] = c < 1e-3 ? 0 : c; }
  if (!u.anyBacklash) return;
  let any = false;
  for (let k = 0; k < u.n; k++) { const b = u.backlash[k] * kb; u.backlash[k] = b < 1e-6 ? 0 : b; if (b >= 1e-6) any = true; }
  u.anyBacklash = any;
}
