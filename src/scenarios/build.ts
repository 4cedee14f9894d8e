/**
 * The one way to build a run: scenario + strategy + actions + parameter layers + seed -> the
 * initial SimState. The command line, the batch workers, the page's worker and the tests all
 * call buildRun, so a run means the same thing wherever it is made.
 *
 * Strategy (`--strategy`, the page's mode):
 *   'scenario'  the scenario's own `strategy` (history, or its scripted default);
 *   'none'      nothing: the movement takes only the actions given (a player in the page);
 *   <name>      one of the scenario's named `strategies`;
 *   every:..., once:...@d   a generated policy (policies.ts): e.g. every:strike is "strikes whenever affordable".
 * The actions given (a player's moves, `--a`, `--actions`) come on top, after the strategy's
 * actions of the same tick.
 */
import { createState, type ActionDef, type Params, type ScenarioData, type SimState } from '../sim/index';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';
import { ScenarioError } from './check';
import { resolveLayers, type Origin, type PriorDraw, type Resolved } from './resolve';
import { isPolicyName, policyActions } from './policies';
import { checkOffered } from './actions';
import type { ParamKey } from '../sim/params/schema';

export interface RunSpec {
  scenario: ScenarioData;
  seed: number;
  /** 'scenario' (default), 'none' or a name of scenario.strategies. */
  strategy?: string;
  /** The user's actions, applied after the strategy's (stable by tick). */
  actions?: readonly ActionDef[];
  /** The calibration layer (default: the shipped one; null: none). */
  calibration?: Calibration | null;
  priors?: readonly PriorDraw[];
  sets?: ReadonlyArray<readonly [string, string]>;
  sweep?: ReadonlyArray<readonly [string, string]>;
  /** The loyalty channels in slot order (tests only). */
  channels?: readonly string[];
  /**
   * The layers above, already resolved by resolveLayers (a batch resolves each run's once and
   * reuses them); the state copies the values, so one Resolved may serve many runs.
   */
  resolved?: Resolved;
}

export interface BuiltRun {
  state: SimState;
  /** The tick-0 parameters and which layer each came from. */
  params: Params;
  origin: Record<ParamKey, Origin>;
  /** Every action the movement will take (strategy then user), in tick order. */
  actions: ActionDef[];
}

/** The strategies a scenario offers to --strategy. */
export const strategyNames = (scenario: ScenarioData): string[] => ['scenario', 'none', ...Object.keys(scenario.strategies)];

/**
 * The actions of a strategy of the scenario; a ScenarioError names the choices for an unknown one.
 * A generated policy needs the run's tick-0 parameters (capacity, costs, horizon).
 */
export function strategyActions(scenario: ScenarioData, strategy: string, params: Params | null = null): ActionDef[] {
  if (strategy === 'scenario') return scenario.strategy.map((a) => ({ ...a }));
  if (strategy === 'none') return [];
  if (isPolicyName(strategy)) {
    const acts = policyActions(strategy, params ?? resolveLayers({ scenario, calibration: null }).params);
    if (scenario.tactics !== null) checkOffered(acts, scenario, `strategy '${strategy}'`);
    return acts;
  }
  const named = Object.prototype.hasOwnProperty.call(scenario.strategies, strategy) ? scenario.strategies[strategy] : undefined;
  if (named === undefined)
    throw new ScenarioError(`scenario '${scenario.id}' has no strategy '${strategy}' (choices: ${strategyNames(scenario).join(', ')}, or a policy every:<t1>+<t2>..., once:<tactic>@<day>)`);
  return named.map((a) => ({ ...a }));
}

/** The strategy's actions and the user's, stable by tick (the strategy's first within a tick). */
export function mergeActions(strategy: readonly ActionDef[], user: readonly ActionDef[]): ActionDef[] {
  return [...strategy, ...user].map((a, i) => [a, i] as const).sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]).map(([a]) => ({ ...a }));
}

export function buildRun(spec: RunSpec): BuiltRun {
  const { params, origin } = spec.resolved ?? resolveLayers({
    scenario: spec.scenario, calibration: spec.calibration === undefined ? DEFAULT_CALIBRATION : spec.calibration,
    priors: spec.priors, sets: spec.sets, sweep: spec.sweep,
  });
  const actions = mergeActions(strategyActions(spec.scenario, spec.strategy ?? 'scenario', params), spec.actions ?? []);
  const state = createState(spec.scenario, params, spec.seed, { actions, channels: spec.channels });
  return { state, params, origin, actions };
}
