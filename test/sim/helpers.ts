/** Shared builders for the simulation tests: small worlds that run in milliseconds. */
import { defaultParams, type ActionDef, type EventDef, type Params, type ScenarioData } from '../../src/sim';

/** A bare scenario (no map, no events) around the given parameter overrides. */
export function bareScenario(id: string, extra: Partial<Pick<ScenarioData, 'events' | 'strategy' | 'startDate'>> = {}): ScenarioData {
  return {
    id, title: id, summary: '', startDate: extra.startDate ?? '2020-08-09', params: {}, map: null,
    why: {}, events: extra.events ?? [], strategy: extra.strategy ?? [], strategies: {}, tactics: null, historical: null,
  };
}

/** The small city of the channel tests: defaults with 3,000 citizens and 300 (+100 reserve) officers. */
export function smallCityParams(over: Partial<Params> = {}): Params {
  return {
    ...defaultParams(),
    citizenCount: 3000, officerCount: 300, nationalForce: 400, gridWidth: 40, gridHeight: 30, horizonDays: 20,
    ...over,
  };
}

export function smallCity(id: string, over: Partial<Params> = {}, strategy: ActionDef[] = [], events: EventDef[] = []):
  { scenario: ScenarioData; params: Params } {
  return { scenario: bareScenario(id, { strategy, events }), params: smallCityParams(over) };
}

/** FNV-1a over the bytes of typed arrays and numbers: a fingerprint of the full state. */
export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;
  private readonly f64 = new Float64Array(1);
  private readonly u8 = new Uint8Array(this.f64.buffer);

  bytes(b: Uint8Array): this {
    let h1 = this.h1, h2 = this.h2;
    for (let i = 0; i < b.length; i++) {
      h1 = Math.imul(h1 ^ b[i], 0x01000193);
      h2 = Math.imul(h2 ^ b[i], 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1; this.h2 = h2;
    return this;
  }
  array(a: ArrayBufferView): this {
    return this.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  num(x: number): this { this.f64[0] = x; return this.bytes(this.u8); }
  str(s: string): this { for (let i = 0; i < s.length; i++) this.num(s.charCodeAt(i)); return this; }
  digest(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}
