/**
 * The channel table (src/sim/rules/loyalty/channels.ts): one row per channel, its switch
 * `<id>On`, stream `ch.<id>`, learner text `channel.<id>` / `channelWhy.<id>`, and the equation
 * and gate exported by the file named for it; runChannel writes each serving officer's
 * contribution to his record slot and to this tick's loyalty change.
 */
import { describe, expect, it } from 'vitest';
import { chIndex, OfficerState, PARAM_SPECS } from '../../../../src/sim';
import * as accountabilityFile from '../../../../src/sim/rules/loyalty/accountability';
import * as backfireFile from '../../../../src/sim/rules/loyalty/backfire';
import { CHANNEL_STREAMS, CHANNEL_TABLE, CHANNELS, NCH, runChannel } from '../../../../src/sim/rules/loyalty/channels';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import * as exposureFile from '../../../../src/sim/rules/loyalty/exposure';
import * as momentumFile from '../../../../src/sim/rules/loyalty/momentum';
import * as offersFile from '../../../../src/sim/rules/loyalty/offers';
import * as peersFile from '../../../../src/sim/rules/loyalty/peers';
import * as regimeFile from '../../../../src/sim/rules/loyalty/regime';
import * as threatFile from '../../../../src/sim/rules/loyalty/threat';
import { officerSetState } from '../../../../src/sim/world/cells';
import { hasString } from '../../../../src/ui/strings';
import { tinyWorld } from '../world';

const FILES: Record<string, Record<string, unknown>> = {
  backfire: backfireFile, threat: threatFile, exposure: exposureFile, offers: offersFile, peers: peersFile,
  momentum: momentumFile, accountability: accountabilityFile, regime: regimeFile,
};

describe('the channel table', () => {
  it('eight channels, in the documented order, each with its own stream', () => {
    expect(NCH).toBe(8);
    expect(CHANNELS).toEqual(['backfire', 'threat', 'exposure', 'offers', 'peers', 'momentum', 'accountability', 'regime']);
    expect(CHANNEL_STREAMS).toEqual(CHANNELS.map((id) => `ch.${id}`));
  });

  it.each(CHANNEL_TABLE.map((d) => [d.id, d] as const))('%s: switch, stream, texts, equation and gate from its own file', (id, def) => {
    expect(def.switchKey).toBe(`${id}On`);
    const spec = (PARAM_SPECS as Record<string, { type: string; default: unknown }>)[def.switchKey];
    expect(spec?.type).toBe('boolean');
    expect(spec?.default).toBe(true);
    expect(def.stream).toBe(`ch.${id}`);
    expect(def.textId).toBe(`channel.${id}`);
    expect(hasString(def.textId)).toBe(true);
    expect(hasString(`channelWhy.${id}`)).toBe(true);
    const exported = Object.values(FILES[id]);
    expect(exported).toContain(def.fn);
    expect(exported).toContain(def.live);
  });
});

describe('runChannel', () => {
  // momentum channel: -0.24 x (1/24) x 0.5 = -0.005 for each serving officer
  function world() {
    const s = tinyWorld({ officerCount: 3, nationalForce: 3, momentumLoyaltyWeight: 0.24 });
    s.momentum = 0.5;
    officerSetState(s, 2, OfficerState.resigned, false);
    return s;
  }
  const SLOT = 5; // momentum's place in the default order

  it('records -0.005 for serving officers (Float32 record, Float64 change); nothing for the resigned', () => {
    const s = world(), o = s.o, x = loyaltyContext(s);
    runChannel(s, x, SLOT, momentumFile.momentumChannel);
    runChannel(s, x, SLOT, momentumFile.momentumChannel);
    for (const j of [0, 1]) {
      expect(o.channelLast[chIndex(3, j, SLOT)]).toBe(Math.fround(-0.005));
      expect(o.channelSum[chIndex(3, j, SLOT)]).toBeCloseTo(-0.01, 8); // two ticks, Float32
      expect(s.scratch.loyaltyDelta[j]).toBeCloseTo(-0.01, 12);
    }
    expect(o.channelLast[chIndex(3, 2, SLOT)]).toBe(0);
    expect(s.scratch.loyaltyDelta[2]).toBe(0);
    expect(o.channelSum[chIndex(3, 0, 4)]).toBe(0); // other slots untouched
  });

  it('refuses a function that is not one of the table\'s equations', () => {
    const s = world();
    expect(() => runChannel(s, loyaltyContext(s), SLOT, () => 0)).toThrow(/not a channel equation/);
  });
});
