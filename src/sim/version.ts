/**
 * The model's version: an integer bumped by every change that alters a golden trace (test/golden).
 * It travels with every output a run can be rebuilt from (the sim report, batch output and its
 * fingerprint, replay files, snapshots, links as `v=`), so a result made by another model says so.
 *   1: the model as first built.
 *   2: one world (calibration as values, every coefficient a parameter, identification as its own
 *      rule, channels from one table, all state in the state).
 *   3: a regime on pillars (force, elite, economy, patron) with the perceived chance of a fall,
 *      citizens' outrage, branches, exit by opportunity, outreach, documentation, immunity for
 *      testimony, unit backlash, backfire with abuse seen and habituation, purges, attribution.
 *   4: the violent flank (fringe violence weakens backfire and the elite's erosion).
 *   5: anonymity (a masked, unidentified officer feels a part of the backfire) and the hidden
 *      situation (a per-run common shift of initial loyalty, hiddenLoyaltySd).
 */
export const MODEL_VERSION = 5;
