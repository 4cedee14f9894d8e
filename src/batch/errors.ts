/**
 * A mistake in how a batch was described (a bad sweep, shard or prior file, incompatible shards).
 * The CLI reports it like ParamError and ScenarioError: one line, exit code 2.
 */
export class BatchError extends Error {
  constructor(message: string) { super(message); this.name = 'BatchError'; }
}
