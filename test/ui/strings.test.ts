import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCHES, CHANNELS, OFFICER_STATE_NAMES, PARAM_KEYS, PARAM_SPECS, TACTIC_IDS } from '../../src/sim';
import { BRIEFING_KEYS } from '../../src/ui/briefing';
import { EVENT_FILTERS } from '../../src/ui/eventText';
import { KEY_LIST } from '../../src/ui/keys';
import { STRINGS, hasString, t } from '../../src/ui/strings';

const UI = join(__dirname, '../../src/ui');
const SIM = join(__dirname, '../../src/sim');
const read = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? read(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []);

describe('strings', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('tactics.cost', { cost: 5 })).toBe('5 pts');
    expect(t('tactics.cost')).toContain('{cost}');
  });

  it('has no empty text', () => {
    for (const [id, text] of Object.entries(STRINGS)) expect(text.trim(), id).not.toBe('');
  });

  it('has every id the panels ask for by literal', () => {
    const src = read(UI).join('\n');
    const literal = /\bt(?:Maybe)?\(\s*'([a-zA-Z]+\.[\w.-]+)'/g;
    const missing = [...src.matchAll(literal)].map((m) => m[1]).filter((id) => !hasString(id));
    expect(missing).toEqual([]);
  });

  it('has every id the panels build from model names', () => {
    const need: string[] = [
      ...TACTIC_IDS.map((id) => `tactic.${id}`),
      ...CHANNELS.flatMap((c) => [`channel.${c}`, `channelWhy.${c}`]),
      ...OFFICER_STATE_NAMES.map((s) => `officerState.${s}`),
      ...BRANCHES.map((b) => `branch.${b}`),
      ...['success', 'failure', 'stalemate'].map((o) => `outcome.${o}`),
      ...['force', 'overwhelm', 'elite'].map((c) => `fallCause.${c}`, ),
      ...['force', 'overwhelm', 'elite'].map((c) => `debrief.success.${c}`),
      ...EVENT_FILTERS.map((f) => `events.filter.${f}`),
      ...BRIEFING_KEYS.map((k) => `briefing.${k}`),
      ...KEY_LIST.map(([, id]) => id),
      ...[...new Set(PARAM_KEYS.map((k) => PARAM_SPECS[k].group))].map((g) => (g.startsWith('channel: ') ? `channel.${g.slice(9)}` : `group.${g}`)),
      ...['not enough capacity', 'not offered here'].map((r) => `reason.${r}`),
      ...['streetUnmasking', 'massPublication', 'crimeRegistry', 'solidarityFund'].flatMap((id) => [`tacticRisk.${id}`, `tacticRiskShort.${id}`]),
    ];
    // Every event kind the model logs has its sentence.
    const sim = read(SIM).join('\n');
    const kinds = new Set([...sim.matchAll(/logEvent\(s, \{[^}]*?kind: '([\w-]+)'/g), ...sim.matchAll(/'(resign|shirk|insider|walkout|join|resign-noisy)'/g)].map((m) => m[1]));
    for (const k of kinds) need.push(`event.${k}`);
    expect(kinds.size).toBeGreaterThan(8);
    expect(need.filter((id) => !hasString(id))).toEqual([]);
  });
});
