/**
 * Signed horizontal bars around a centre line: left (vermillion) pushes toward leaving, right
 * (blue) toward staying. Used by the inspector ("why is he wavering?") and the debrief.
 */
import { CHANNELS, type Channel } from '../sim';
import { el } from './dom';
import { channelName } from './eventText';
import { fmtNum } from './format';
import { t } from './strings';

export interface ChannelRow { channel: Channel; value: number }

/** Channels with a non-zero contribution, largest magnitude first. */
export function channelRows(values: Partial<Record<string, number>> | null | undefined): ChannelRow[] {
  if (!values) return [];
  return CHANNELS
    .map((channel) => ({ channel, value: Number(values[channel] ?? 0) }))
    .filter((r) => Number.isFinite(r.value) && Math.abs(r.value) > 1e-9)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

/** Decimals that show the differences between bars whose largest magnitude is `max`. */
export const digitsFor = (max: number): number => (max >= 100 ? 0 : max >= 10 ? 1 : max >= 0.1 ? 2 : 3);

/** The bar list; `explain` adds each channel's one-line explanation under its bar. */
export function signedBars(rows: readonly ChannelRow[], opts: { explain: boolean; digits?: number; format?: (v: number) => string }): HTMLElement {
  const max = rows.reduce((m, r) => Math.max(m, Math.abs(r.value)), 0) || 1;
  const list = el('ul', { class: 'br-signed' });
  for (const r of rows) {
    const pct = (50 * Math.abs(r.value)) / max;
    const fill = el('span', { class: `br-signed-fill ${r.value < 0 ? 'br-neg' : 'br-pos'}` });
    fill.style.width = `${pct}%`;
    if (r.value < 0) fill.style.right = '50%'; else fill.style.left = '50%';
    const text = opts.format ? opts.format(r.value) : fmtNum(r.value, opts.digits ?? digitsFor(max), true);
    const direction = t(r.value < 0 ? 'debrief.towardLeaving' : 'debrief.towardStaying');
    list.append(el('li', { class: 'br-signed-row', 'data-channel': r.channel },
      el('span', { class: 'br-signed-label' }, channelName(r.channel)),
      el('span', { class: 'br-signed-track', role: 'img', 'aria-label': `${channelName(r.channel)}: ${text} (${direction})` }, fill,
        el('span', { class: 'br-signed-axis' })),
      el('span', { class: 'br-signed-value' }, text),
      opts.explain ? el('span', { class: 'br-signed-why' }, t(`channelWhy.${r.channel}`)) : null));
  }
  return list;
}
