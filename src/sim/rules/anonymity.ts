/**
 * Anonymity: a masked officer nobody has recognised does not feel the conscience cost of
 * repression in full. Behind a balaclava the riot police act without consequence for themselves,
 * their families or their neighbours; being recognised is what brings that cost home ("CEPA:
 * unmasking the OMON", docs/sources.md). An unmasked or identified officer feels it in full.
 *   anonymity = masked x (1 - exposure)
 *   shield    = 1 - maskShield x anonymity
 * `shield` multiplies his backfire (loyalty/backfire.ts). masked is 1 while he serves masked (street
 * unmasking clears it), exposure his identification in [0, 1] (identification.ts).
 */
import type { SimState } from '../state';

/** The factor on officer j's backfire: 1 unmasked or fully identified, 1 - maskShield masked and unknown. */
export const anonymityShield = (s: SimState, j: number): number =>
  s.o.masked[j] ? 1 - s.params.maskShield * (1 - s.o.exposure[j]) : 1;
