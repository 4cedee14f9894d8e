/**
 * Which Phaser renderer to start (no Phaser import). On a software WebGL implementation
 * (SwiftShader, llvmpipe) a WebGL frame alone costs more than the whole Canvas frame, so the view
 * uses Canvas there (measured: software WebGL tops out near 25 fps, a 2D canvas near 60); on real GPUs, WebGL. `?renderer=canvas|webgl` overrides.
 */

export type RendererChoice = 'canvas' | 'webgl';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** The URL's explicit choice, if any. */
export function rendererFromQuery(search: string): RendererChoice | null {
  const v = new URLSearchParams(search).get('renderer')?.trim().toLowerCase();
  return v === 'canvas' || v === 'webgl' ? v : null;
}

export const isSoftwareRenderer = (name: string): boolean => SOFTWARE.test(name);

/**
 * The decision: the URL wins; no WebGL at all (gpu === null) or a software renderer -> canvas;
 * otherwise webgl.
 */
export function chooseRenderer(search: string, gpu: string | null): RendererChoice {
  const forced = rendererFromQuery(search);
  if (forced) return forced;
  if (gpu === null || isSoftwareRenderer(gpu)) return 'canvas';
  return 'webgl';
}

/**
 * The WebGL renderer's name from a throwaway canvas ('' when the browser hides it), or null
 * when WebGL is unavailable. Frees the probe context at once.
 */
export function probeGpu(doc: Document = document): string | null {
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return null;
  }
}
