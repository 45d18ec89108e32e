import { addOrUpdate, isProvisioningRace } from './add-or-update';

/** A JetStream object as the API shows it to a replica that races others: scripted answers per call. */
function fakeObject(script: { exists: (Error | 'ok')[]; add?: (Error | 'ok')[] }) {
  const calls: string[] = [];
  const answer = (name: string, answers: (Error | 'ok')[]) => async () => {
    calls.push(name);
    const next = answers.shift() ?? 'ok';
    if (next !== 'ok') throw next;
  };
  return {
    calls,
    ops: { exists: answer('exists', script.exists), update: answer('update', []), add: answer('add', script.add ?? []) },
  };
}

describe('addOrUpdate', () => {
  it('updates an object that exists', async () => {
    const object = fakeObject({ exists: ['ok'] });
    await addOrUpdate(object.ops);
    expect(object.calls).toEqual(['exists', 'update']);
  });

  it('adds an object that does not', async () => {
    const object = fakeObject({ exists: [new Error('stream not found')] });
    await addOrUpdate(object.ops);
    expect(object.calls).toEqual(['exists', 'add']);
  });

  it('updates instead when another replica added the object first', async () => {
    const object = fakeObject({ exists: [new Error('stream not found'), 'ok'], add: [new Error('stream name already in use with a different configuration')] });
    await addOrUpdate(object.ops);
    expect(object.calls).toEqual(['exists', 'add', 'exists', 'update']);
  });

  it('gives up after five races', async () => {
    const object = fakeObject({ exists: Array.from({ length: 5 }, () => Object.assign(new Error('TIMEOUT'), { code: 'TIMEOUT' })) });
    await expect(addOrUpdate(object.ops)).rejects.toThrow('TIMEOUT');
    expect(object.calls).toHaveLength(5);
  });

  it('does not retry what no retry can fix', async () => {
    const object = fakeObject({ exists: [new Error('insufficient resources')] });
    await expect(addOrUpdate(object.ops)).rejects.toThrow('insufficient resources');
    expect(object.calls).toEqual(['exists']);
  });
});

describe('isProvisioningRace', () => {
  it.each([
    ['stream name already in use with a different configuration', true],
    ['consumer already exists', true],
    ['TIMEOUT', true],
    ['503', true],
    ['insufficient resources', false],
    ['subjects overlap with an existing stream', false],
  ])('%s → %s', (message, race) => {
    expect(isProvisioningRace(new Error(message))).toBe(race);
  });
});
