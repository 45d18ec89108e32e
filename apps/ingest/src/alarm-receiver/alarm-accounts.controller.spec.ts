import { Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '@vigil/auth';
import { CachedAccountRegister, InMemoryAccountRegister } from '../alarms';
import { AlarmAccountsController } from './alarm-accounts.controller';

/** A data source whose alarm_account table holds the given accounts; only delete is needed here. */
function fakeDataSource(accounts: Set<string>): DataSource {
  const repository = { delete: async ({ account }: { account: string }) => ({ affected: accounts.delete(account) ? 1 : 0 }) };
  return { getRepository: () => repository } as unknown as DataSource;
}

describe('AlarmAccountsController.remove', () => {
  const request = { principal: { subject: 'op-7', role: 'operator' } } as AuthenticatedRequest;
  let invalidated: string[];
  let audit: jest.SpyInstance;
  let controller: AlarmAccountsController;

  beforeEach(() => {
    const register = new CachedAccountRegister(new InMemoryAccountRegister(), 10_000);
    invalidated = [];
    register.invalidate = (account) => void invalidated.push(account);
    audit = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    controller = new AlarmAccountsController(fakeDataSource(new Set(['ABCD'])), register);
  });

  afterEach(() => audit.mockRestore());

  it('deletes the account, forgets it in the cache and writes an audit line naming who', async () => {
    await controller.remove(request, 'abcd');
    expect(invalidated).toEqual(['ABCD']);
    expect(audit).toHaveBeenCalledWith({ msg: 'alarm account deleted', account: 'ABCD', by: 'op-7', role: 'operator' });
  });

  it('answers 404 for an account that is not registered, and audits nothing', async () => {
    await expect(controller.remove(request, 'BEEF')).rejects.toBeInstanceOf(NotFoundException);
    expect(audit).not.toHaveBeenCalled();
  });
});
