import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer, rendererFromQuery } from '../../src/view/renderer';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('renderer choice', () => {
  it('uses Canvas on software WebGL and when there is no WebGL', () => {
    expect(chooseRenderer('', SWIFTSHADER)).toBe('canvas');
    expect(chooseRenderer('', 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('canvas');
    expect(chooseRenderer('', null)).toBe('canvas');
  });

  it('uses WebGL on a real GPU', () => {
    expect(chooseRenderer('', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe('webgl');
    expect(chooseRenderer('?seed=3', 'Apple M2')).toBe('webgl');
    expect(isSoftwareRenderer('Intel(R) UHD Graphics 620')).toBe(false);
  });

  it('lets the address force either one', () => {
    expect(chooseRenderer('?renderer=canvas', 'Apple M2')).toBe('canvas');
    expect(chooseRenderer('?scenario=x&renderer=webgl', SWIFTSHADER)).toBe('webgl');
    expect(rendererFromQuery('?renderer=vulkan')).toBeNull();
  });
});
