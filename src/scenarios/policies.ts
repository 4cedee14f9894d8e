/**
 * Generated strategies ("policies"): names that `--strategy`, the balance report and the campaigns
 * prior all understand, so a run made from one replays from its name alone.
 *   every:<t1>+<t2>+...   from day 0, at each day's evening start, play the listed tactics in turn
 *                         for as long as the organising capacity covers the next one (one tactic:
 *                         as many times as affordable: "whenever affordable")
 *   once:<t>@<day>        play tactic t once, at the evening start of day <day> (0-based)
 *   a;b                   several of the above together (their actions merged in time order)
 * The capacity is followed exactly as the model spends it (rules/actions.ts): it starts at
 * organisingCapacityPerDay, each action spends `<tactic>Cost`, and each day adds
 * organisingCapacityPerDay up to capacityCarryDays days' worth (the tick-0 values). A `once`
 * action the capacity does not cover is still recorded; the model refuses it at its tick.
 */
import { isTacticId, tacticCost, TACTIC_IDS, type ActionDef, type Params, type TacticId } from '../sim/index';
import { ScenarioError } from './check';

export const isPolicyName = (name: string): boolean => name.split(';').every((p) => /^(every|once):/.test(p.trim()));

interface Parsed { every: TacticId[][]; once: Array<{ tactic: TacticId; day: number }> }

function tactic(t: string, name: string): TacticId {
  if (!isTacticId(t)) throw new ScenarioError(`strategy '${name}': '${t}' is not a tactic (known: ${TACTIC_IDS.join(', ')})`);
  return t;
}

export function parsePolicy(name: string): Parsed {
  const out: Parsed = { every: [], once: [] };
  for (const raw of name.split(';')) {
    const part = raw.trim();
    if (part.startsWith('every:')) out.every.push(part.slice(6).split('+').map((t) => tactic(t.trim(), name)));
    else if (part.startsWith('once:')) {
      const m = /^once:([A-Za-z]+)@(\d{1,5})$/.exec(part);
      if (!m) throw new ScenarioError(`strategy '${name}': '${part}' is not once:<tactic>@<day>`);
      out.once.push({ tactic: tactic(m[1], name), day: Number(m[2]) });
    } else throw new ScenarioError(`strategy '${name}': '${part}' is not every:<t1>+<t2>... or once:<tactic>@<day>`);
  }
  return out;
}

/** The tick of day d's evening start. */
export const eveningTick = (p: Params, day: number): number => day * (24 / p.hoursPerTick) + Math.floor(p.eveningStartHour / p.hoursPerTick);

/** The actions of a policy over the run's horizon (tick-0 parameters), in time order. */
export function policyActions(name: string, p: Params): ActionDef[] {
  const { every, once } = parsePolicy(name);
  const out: ActionDef[] = [];
  const cap = p.organisingCapacityPerDay, most = p.capacityCarryDays * cap;
  let capacity = cap;
  const turn = every.map(() => 0);
  const onceByDay = new Map<number, TacticId[]>();
  for (const o of once) onceByDay.set(o.day, [...(onceByDay.get(o.day) ?? []), o.tactic]);
  for (let day = 0; day < p.horizonDays; day++) {
    const tick = eveningTick(p, day);
    for (const t of onceByDay.get(day) ?? []) {
      out.push({ tick, tactic: t });
      if (capacity >= tacticCost(p, t)) capacity -= tacticCost(p, t);
    }
    for (let g = 0; g < every.length; g++) {
      const list = every[g];
      // Play the next tactic of the cycle while it is affordable (a free tactic at most once a day).
      for (let guard = 0; guard < 1000; guard++) {
        const t = list[turn[g] % list.length], cost = tacticCost(p, t);
        if (capacity < cost || (cost <= 0 && guard >= list.length)) break;
        out.push({ tick, tactic: t });
        capacity -= cost;
        turn[g]++;
      }
    }
    capacity = Math.min(most, capacity + cap);
  }
  return out;
}
