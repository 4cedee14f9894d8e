/**
 * Pan and zoom input on the game canvas, with plain DOM events (no Phaser): drag or arrow keys
 * pan, the wheel or +/- zoom, 0 resets, L toggles the map key, a click (a press that did not
 * move) picks. Keys typed into form fields, and browser shortcuts, are left alone.
 */

export type KeyAction = 'left' | 'right' | 'up' | 'down' | 'in' | 'out' | 'reset' | 'legend';

export interface ControlHandlers {
  /** Moves the map by screen pixels. */
  pan(dx: number, dy: number): void;
  /** Zooms by `factor` about screen point (sx, sy); null means the centre of the map area. */
  zoom(factor: number, sx: number | null, sy: number | null): void;
  reset(): void;
  click(sx: number, sy: number): void;
  toggleLegend(): void;
}

const KEYS: Record<string, KeyAction> = {
  ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down',
  '+': 'in', '=': 'in', NumpadAdd: 'in', '-': 'out', _: 'out', NumpadSubtract: 'out',
  '0': 'reset', Numpad0: 'reset', l: 'legend', L: 'legend',
};

export function keyAction(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return KEYS[e.key] ?? KEYS[e.code] ?? null;
}

/** Form fields, editable text and dialogs keep their keys (arrows move sliders and scroll a briefing). */
export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'select' || tag === 'textarea' || el.isContentEditable === true
    || el.getAttribute?.('role') === 'slider' || Boolean(el.closest?.('[role="dialog"], dialog'));
}

/** Whether a modal dialog is open on the page (the map then leaves the keyboard alone). */
function modalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('[aria-modal="true"]:not([hidden]), dialog[open]') !== null;
}

/** Wheel delta in pixels, whatever unit the browser reports. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1);
  return Math.min(2, Math.max(0.5, Math.exp(-px * 0.0015)));
}

const PAN_PX_PER_SECOND = 700;
const KEY_ZOOM = 1.25;
const CLICK_SLOP_PX = 5;

export function attachControls(canvas: HTMLCanvasElement, h: ControlHandlers): { update(dtMs: number): void; destroy(): void } {
  const held = new Set<KeyAction>();
  let down: { id: number; x: number; y: number; lastX: number; lastY: number; dragging: boolean } | null = null;

  const local = (e: MouseEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    const kx = r.width > 0 ? canvas.width / r.width : 1, ky = r.height > 0 ? canvas.height / r.height : 1;
    return [(e.clientX - r.left) * kx, (e.clientY - r.top) * ky];
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (isTypingTarget(e.target) || modalOpen()) return;
    const a = keyAction(e);
    if (!a) return;
    if (a === 'left' || a === 'right' || a === 'up' || a === 'down') { held.add(a); e.preventDefault(); return; }
    if (e.repeat && a !== 'in' && a !== 'out') return;
    if (a === 'in' || a === 'out') h.zoom(a === 'in' ? KEY_ZOOM : 1 / KEY_ZOOM, null, null);
    else if (a === 'reset') h.reset();
    else h.toggleLegend();
  };
  const onKeyUp = (e: KeyboardEvent): void => { const a = keyAction({ key: e.key, code: e.code, ctrlKey: false, metaKey: false, altKey: false }); if (a) held.delete(a); };
  const onBlur = (): void => held.clear();

  const onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0 || down) return;
    const [x, y] = local(e);
    down = { id: e.pointerId, x, y, lastX: x, lastY: y, dragging: false };
    canvas.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent): void => {
    if (!down || e.pointerId !== down.id) return;
    const [x, y] = local(e);
    if (!down.dragging && Math.hypot(x - down.x, y - down.y) > CLICK_SLOP_PX) { down.dragging = true; canvas.style.cursor = 'grabbing'; }
    if (down.dragging) h.pan(x - down.lastX, y - down.lastY);
    down.lastX = x; down.lastY = y;
  };
  const onPointerUp = (e: PointerEvent): void => {
    if (!down || e.pointerId !== down.id) return;
    const [x, y] = local(e);
    if (!down.dragging && e.type === 'pointerup') h.click(x, y);
    down = null;
    canvas.style.cursor = '';
  };
  const onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const [x, y] = local(e);
    h.zoom(wheelFactor(e.deltaY, e.deltaMode), x, y);
  };

  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('pointercancel', onPointerUp);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.style.touchAction = 'none';

  return {
    update(dtMs: number): void {
      if (held.size === 0) return;
      const d = (PAN_PX_PER_SECOND * Math.min(dtMs, 100)) / 1000;
      const dx = (held.has('left') ? d : 0) - (held.has('right') ? d : 0);
      const dy = (held.has('up') ? d : 0) - (held.has('down') ? d : 0);
      if (dx !== 0 || dy !== 0) h.pan(dx, dy);
    },
    destroy(): void {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      canvas.removeEventListener('wheel', onWheel);
    },
  };
}
