/**
 * The violent flank: fringe violence is taken for the movement's. While some protesters attack,
 * repressing the nonviolent majority looks justified to officers and to the elite: "it is
 * difficult, perhaps impossible, to convince your colleagues to side with the movement if
 * activists threaten violence against them", which is why the guide asks officers to note that
 * the vast majority stays nonviolent (Bartkowski's guide for members of security forces).
 *   flank = exp(-violentFlankWeight x violenceLevel)
 * violenceLevel = the smoothed share of active citizen-ticks that were violent (outrage.ts). It
 * multiplies the backfire of repression (loyalty/context.ts) and the elite's daily erosion
 * (elite.ts); 1 for a disciplined movement, 0 = violence blocks both entirely.
 */
import type { SimState } from '../state';

export const violentFlank = (s: SimState): number => Math.exp(-s.params.violentFlankWeight * s.violenceLevel);
