/**
 * The movement's tactics: organising capacity left, and one button per tactic on offer with its
 * cost, what it does, its known risk and its current level. A tactic the movement cannot afford,
 * or any tactic once the run is over, is disabled with the reason beside it.
 */
import { TACTICS, isTacticId } from '../sim';
import type { TacticInfo } from '../runner/protocol';
import type { GameState } from '../store/types';
import { el, setText, uniqueId, watch } from './dom';
import { tacticName } from './eventText';
import { fmtNum, fmtPct } from './format';
import { hasString, t } from './strings';
import type { Panel, PanelDeps } from './types';

/** Level of a tactic in [0,1], whether the store keys levels by tactic id or by level name. */
export function tacticLevel(levels: Record<string, number>, id: string): number {
  const byId = levels[id];
  if (typeof byId === 'number') return byId;
  const name = isTacticId(id) ? TACTICS[id].level : id;
  return typeof levels[name] === 'number' ? levels[name] : 0;
}

/** Why a tactic cannot be launched now, or null when it can. */
export function tacticBlock(s: Pick<GameState, 'status' | 'outcome' | 'capacity'> & { strategy?: string }, tac: TacticInfo): string | null {
  if (s.outcome !== null) return t('tactics.over');
  if (s.strategy !== undefined && s.strategy !== 'none') return t('tactics.watching');
  if (s.status !== 'ready') return t('controls.statusLoading');
  if (s.capacity + 1e-9 < tac.cost) return t('tactics.tooDear', { cost: fmtNum(tac.cost, 0), now: fmtNum(s.capacity, 1) });
  return null;
}

interface Row { tac: TacticInfo; btn: HTMLButtonElement; why: HTMLElement; bar: HTMLElement; level: HTMLElement }

export function createTactics({ store }: PanelDeps): Panel {
  const capValue = el('p', { class: 'br-cap-value' });
  const capFill = el('div', { class: 'br-bar-fill br-cap-fill' });
  const capBar = el('div', { class: 'br-bar', role: 'img' }, capFill);
  const list = el('ul', { class: 'br-tactics-list' });
  const watchNote = el('p', { class: 'br-watching-note', hidden: true }, t('mode.watchTactics'));
  const result = el('p', { class: 'br-tactic-result', role: 'status', 'aria-live': 'polite' });
  const root = el('section', { class: 'br-panel br-tactics', 'aria-labelledby': 'br-tactics-title' },
    el('h2', { id: 'br-tactics-title' }, t('tactics.title')),
    el('div', { class: 'br-capacity' }, el('h3', {}, t('tactics.capacity')), capValue, capBar), watchNote, list, result);

  let rows: Row[] = [];
  const pending = new Set<string>();

  function build(tactics: readonly TacticInfo[]): void {
    rows = [];
    list.replaceChildren();
    setText(result, '');
    if (tactics.length === 0) { list.append(el('li', { class: 'br-muted' }, t('tactics.none'))); return; }
    for (const tac of tactics) {
      const effectId = uniqueId('br-tactic-effect');
      const whyId = uniqueId('br-tactic-why');
      const btn = el('button', { type: 'button', class: 'br-tactic', 'aria-describedby': `${effectId} ${whyId}`, 'data-tactic': tac.id },
        el('span', { class: 'br-tactic-name' }, tacticName(tac.id, tac.label)),
        el('span', { class: 'br-cost', title: t('tactics.costLong', { cost: tac.cost }) }, t('tactics.cost', { cost: tac.cost })));
      btn.addEventListener('click', () => void launch(tac));
      const riskId = `tacticRiskShort.${tac.id}`; // the full risk is in the briefing
      const fill = el('div', { class: 'br-bar-fill' });
      const level = el('span', { class: 'br-level-text' });
      const why = el('p', { id: whyId, class: 'br-why' });
      const bar = el('div', { class: 'br-bar br-level', role: 'img' }, fill);
      list.append(el('li', { class: 'br-tactic-row' }, btn,
        el('p', { id: effectId, class: 'br-effect' }, tac.effect,
          hasString(riskId) ? el('span', { class: 'br-risk' }, ` ${t('tactics.risk', { risk: t(riskId) })}`) : null),
        el('div', { class: 'br-level-row' }, bar, level), why));
      rows.push({ tac, btn, why, bar, level });
    }
  }

  async function launch(tac: TacticInfo): Promise<void> {
    if (pending.has(tac.id)) return;
    pending.add(tac.id);
    refresh(store.getState());
    setText(result, t('tactics.pending'));
    result.className = 'br-tactic-result';
    try {
      const r = await store.getState().act(tac.id);
      setText(result, r.ok ? t('tactics.applied', { tactic: tacticName(tac.id) }) : t('tactics.refused', { message: r.message }));
      result.classList.add(r.ok ? 'br-ok' : 'br-refused');
    } catch (e) {
      setText(result, t('tactics.refused', { message: e instanceof Error ? e.message : String(e) }));
      result.classList.add('br-refused');
    } finally {
      pending.delete(tac.id);
      refresh(store.getState());
    }
  }

  function refresh(s: GameState): void {
    const perDay = s.meta ? Number(s.meta.params.organisingCapacityPerDay) : 0;
    const max = 3 * perDay;
    watchNote.hidden = s.strategy === 'none';
    setText(capValue, t('tactics.capacityValue', { now: fmtNum(s.capacity, 1), perDay: fmtNum(perDay, 0), max: fmtNum(max, 0) }));
    capFill.style.width = `${max > 0 ? Math.min(100, (100 * s.capacity) / max) : 0}%`;
    capBar.setAttribute('aria-label', `${fmtNum(s.capacity, 1)} / ${fmtNum(max, 0)}`);
    for (const r of rows) {
      const block = tacticBlock(s, r.tac);
      r.btn.disabled = block !== null || pending.has(r.tac.id);
      r.btn.classList.toggle('br-affordable', block === null);
      // Watching: one note for the whole list (below the capacity), not one per tactic.
      setText(r.why, block === t('tactics.watching') ? '' : block ?? '');
      const lv = Math.max(0, Math.min(1, tacticLevel(s.levels, r.tac.id)));
      (r.bar.firstChild as HTMLElement).style.width = `${100 * lv}%`;
      const text = t('tactics.level', { level: fmtPct(lv, 0) });
      r.bar.setAttribute('aria-label', text);
      setText(r.level, text);
    }
  }

  const unsubs = [
    watch(store, (s) => s.meta?.tactics ?? null, (tactics) => build(tactics ?? [])),
    watch(store, (s) => [s.capacity, s.levels, s.status, s.outcome, s.meta, s.strategy] as const, (_v, s) => refresh(s)),
  ];
  return { root, destroy() { unsubs.forEach((u) => u()); root.remove(); } };
}
