import { ConfigError } from '@vigil/config';
import { loadSlaContract } from './sla-contract.config';

const contract = { name: 'herts-2026', times: { emergency: { respondMinutes: 240, fixMinutes: 720 }, standard: { respondMinutes: 1440, fixMinutes: 4320 } }, warnAtFraction: 0.8 };

describe('loadSlaContract', () => {
  it('is the default (undefined) when not set', () => {
    expect(loadSlaContract({})).toBeUndefined();
  });

  it('reads the contract, fractions of a minute included', () => {
    const short = { ...contract, times: { ...contract.times, emergency: { respondMinutes: 0.1, fixMinutes: 60 } } };
    expect(loadSlaContract({ VIGIL_SLA_CONTRACT: JSON.stringify(short) })).toEqual(short);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{name: herts', /VIGIL_SLA_CONTRACT: not JSON/],
    ['a time missing', JSON.stringify({ ...contract, times: { emergency: contract.times.emergency } }), /VIGIL_SLA_CONTRACT\.times\.standard/],
    ['a warning after the deadline', JSON.stringify({ ...contract, warnAtFraction: 1.2 }), /VIGIL_SLA_CONTRACT\.warnAtFraction/],
    ['a zero response time', JSON.stringify({ ...contract, times: { ...contract.times, standard: { respondMinutes: 0, fixMinutes: 1 } } }), /respondMinutes/],
  ])('refuses to start on %s, naming the field', (_what, value, message) => {
    expect(() => loadSlaContract({ VIGIL_SLA_CONTRACT: value })).toThrow(ConfigError);
    expect(() => loadSlaContract({ VIGIL_SLA_CONTRACT: value })).toThrow(message);
  });
});
