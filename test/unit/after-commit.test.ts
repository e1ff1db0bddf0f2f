import { afterCommit, withWriteTransaction } from '../../src/db/transactions';
import { ChangeKind, recordChange } from '../../src/events/change-log';
import { onCommittedChange } from '../../src/events/change-signal';
import { Person } from '../../src/person/person.entity';
import { createTestServer, type TestServer } from '../support/test-server';

// What subscriptions rely on: this process hears of a change only once its transaction has committed.

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
});
afterAll(() => server.close());

test('afterCommit runs its callbacks after the commit, in order, and never after a rollback', async () => {
  const calls: string[] = [];
  await withWriteTransaction(server.dataSource, async (manager) => {
    afterCommit(manager, () => calls.push('first'));
    afterCommit(manager, () => calls.push('second'));
    expect(calls).toEqual([]);
  });
  expect(calls).toEqual(['first', 'second']);
  await expect(
    withWriteTransaction(server.dataSource, async (manager) => {
      afterCommit(manager, () => calls.push('rolled back'));
      throw new Error('the write fails');
    }),
  ).rejects.toThrow('the write fails');
  expect(calls).toEqual(['first', 'second']);
});

test('a recorded change is signalled with its number once committed, and a rolled-back one never', async () => {
  const heard: number[] = [];
  const stop = onCommittedChange(server.dataSource.options, (seq) => heard.push(seq));
  try {
    const person = Object.assign(new Person(), { id: 1 });
    const seq = await withWriteTransaction(server.dataSource, async (manager) => {
      const number = await recordChange(manager, {
        kind: ChangeKind.UPDATED,
        subject: person,
        by: 'test',
      });
      expect(heard).toEqual([]);
      return number;
    });
    expect(heard).toEqual([seq]);
    await expect(
      withWriteTransaction(server.dataSource, async (manager) => {
        await recordChange(manager, { kind: ChangeKind.UPDATED, subject: person, by: 'test' });
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(heard).toEqual([seq]);
  } finally {
    stop();
  }
});
