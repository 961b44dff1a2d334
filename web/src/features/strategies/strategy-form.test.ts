import { describe, expect, it } from 'vitest';
import { configFields, configText, fieldOfError, parseConfigText, unitHint } from './strategy-form.js';
import { volatilityRider } from './test-strategies.js';

const config = volatilityRider().config;

describe('strategy form helper', () => {
  it('makes one field per leaf, nested objects by dotted path, with the kind of its JSON value', () => {
    const fields = configFields(config);
    expect(fields.map((f) => `${f.path}:${f.kind}`)).toEqual([
      'tickers:list',
      'windowSize:number',
      'sampleIntervalMs:number',
      'zThreshold:number',
      'minVolE4:number',
      'modelGate.isEnabled:boolean',
      'modelGate.minProbability:number',
      'takeProfitE4:number',
      'riskBudgetE6:number',
      'maxCountE2:number',
    ]);
    expect(
      configFields({ markets: [{ ticker: 'A', topic: 'cpi' }], tickers: [], list: [], note: 'x', off: null }),
    ).toEqual([
      { path: 'markets', kind: 'json', hint: null },
      { path: 'tickers', kind: 'list', hint: null },
      { path: 'list', kind: 'json', hint: null },
      { path: 'note', kind: 'string', hint: null },
      { path: 'off', kind: 'json', hint: null },
    ]);
  });

  it('names the unit a suffix implies and nothing for other names', () => {
    expect(unitHint('minVolE4')).toBe('price in 1/10,000 $');
    expect(unitHint('riskBudgetE6')).toBe('money in 1/1,000,000 $');
    expect(unitHint('maxCountE2')).toBe('count in 1/100 contract');
    expect(unitHint('sampleIntervalMs')).toBe('milliseconds');
    expect(unitHint('zThreshold')).toBeNull();
  });

  it('round-trips the config unchanged through its text, raw integers kept', () => {
    const text = configText(config);
    expect(text['riskBudgetE6']).toBe('3000000');
    expect(text['tickers']).toBe('KXBTC-25NOV25-B1, KXETH-25NOV25-B2');
    expect(text['modelGate.isEnabled']).toBe('off');
    expect(parseConfigText(config, text)).toEqual({ ok: true, config });
  });

  it('parses edits back to their JSON types and names a field that is not a number', () => {
    const text = {
      ...configText(config),
      zThreshold: ' 3.25 ',
      tickers: 'A-1,B-2 , ',
      'modelGate.isEnabled': 'on',
      windowSize: '-4',
    };
    const parsed = parseConfigText(config, text);
    expect(parsed.ok && parsed.config).toMatchObject({
      zThreshold: 3.25,
      tickers: ['A-1', 'B-2'],
      modelGate: { isEnabled: true, minProbability: 0.55 },
      windowSize: -4,
    });
    expect(parseConfigText(config, { ...text, minVolE4: '1e3', tickers: '' })).toEqual({
      ok: false,
      errors: { minVolE4: 'minVolE4: a number like 20 or 2.5' },
    });
    const bad = parseConfigText({ markets: [] }, { markets: '[{' });
    expect(bad).toEqual({ ok: false, errors: { markets: 'markets: not valid JSON' } });
  });

  it('maps the agent’s field (config.<path>, array items too) to the form field', () => {
    const fields = configFields(config);
    expect(fieldOfError('config.zThreshold', fields)).toBe('zThreshold');
    expect(fieldOfError('config.modelGate.minProbability', fields)).toBe('modelGate.minProbability');
    expect(fieldOfError('config.tickers[1]', fields)).toBe('tickers');
    expect(fieldOfError('config', fields)).toBeNull();
    expect(fieldOfError('isEnabled', fields)).toBeNull();
    expect(fieldOfError(null, fields)).toBeNull();
  });
});
