import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioError } from '../../src/scenarios';
import { isScenarioPath, loadScenario } from '../../src/scenarios/load-node';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'mine'));
  writeFileSync(join(dir, 'mine', 'ok.json'), JSON.stringify({ id: 'ok', title: 'OK', startDate: '2021-01-01' }));
  writeFileSync(join(dir, 'broken.json'), '{\n  "id": "b",\n  "title": "B"\n  "startDate": "2021-01-01"\n}\n');
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'bad', title: 'B', startDate: '2021-01-01', params: { legitimacy: 1.7 } }));
});

describe('loadScenario', () => {
  it('reads a file relative to baseDir', () => {
    expect(loadScenario('mine/ok.json', dir).id).toBe('ok');
  });
  it('falls back to presets for bare ids', () => {
    expect(isScenarioPath('minsk-2020')).toBe(false);
    expect(loadScenario('minsk-2020', dir).id).toBe('minsk-2020');
  });
  it('reports a missing file', () => {
    expect(() => loadScenario('nope.json', dir)).toThrow(ScenarioError);
    expect(() => loadScenario('nope.json', dir)).toThrow(/^nope\.json: scenario file not found/);
  });
  it('reports malformed JSON with its position', () => {
    expect(() => loadScenario('broken.json', dir)).toThrow(/^broken\.json: malformed JSON at line 4, column 3: /);
  });
  it('reports validation errors with the path as given', () => {
    expect(() => loadScenario('bad.json', dir)).toThrow('bad.json: params.legitimacy = 1.7 is out of range [0, 1]');
  });
});
