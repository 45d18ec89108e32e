import { DependencyWaits } from './dependency-waits';

describe('DependencyWaits', () => {
  it('names each dependency waited on, with its consumers, until the last held message is released', () => {
    const waits = new DependencyWaits();
    waits.begin('triage-calls', 'postgres', 'connect ECONNREFUSED');
    waits.begin('triage-calls', 'postgres', 'connect ECONNREFUSED');
    waits.begin('ingest-dead-letters', 'postgres', 'Connection terminated unexpectedly');
    waits.begin('ingest-airwave', 'nats', 'TIMEOUT');
    expect(waits.current()).toEqual([
      { dependency: 'postgres', consumers: ['triage-calls', 'ingest-dead-letters'], reason: 'connect ECONNREFUSED' },
      { dependency: 'nats', consumers: ['ingest-airwave'], reason: 'TIMEOUT' },
    ]);

    waits.end('triage-calls', 'postgres');
    waits.end('ingest-dead-letters', 'postgres');
    waits.end('ingest-airwave', 'nats');
    expect(waits.current()).toEqual([{ dependency: 'postgres', consumers: ['triage-calls'], reason: 'connect ECONNREFUSED' }]);

    waits.end('triage-calls', 'postgres');
    waits.end('triage-calls', 'postgres');
    expect(waits.current()).toEqual([]);
  });
});
