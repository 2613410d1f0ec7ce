import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudMessenger } from '../../src/server/adapters/cloud/cloud.messenger';
import { recordingMessenger, sentMessagesCollection } from '../../src/server/adapters/local/recording.messenger';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { createFakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { messengerContract } from './messenger.contract';

let dir = '';
let close = () => undefined as void;

messengerContract(
  'recordingMessenger over SQLite',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'messenger-'));
    const store = openSqliteStore({ file: join(dir, 'store.db'), collections: [sentMessagesCollection] });
    close = () => store.close();
    let now = Date.parse('2025-03-01T02:00:00Z');
    const messenger = recordingMessenger(store, { now: () => new Date((now += 1000)) });
    return {
      messenger,
      delivered: async () =>
        (await messenger.list()).reverse().map(({ toOpenid, templateId, page, data }) => ({ toOpenid, templateId, page, data })),
    };
  },
  async () => {
    close();
    rmSync(dir, { recursive: true, force: true });
  },
);

messengerContract('cloudMessenger over the wx-server-sdk fake', async () => {
  const cloud = createFakeWxCloud();
  return {
    messenger: cloudMessenger(cloud, { miniprogramState: 'formal' }),
    delivered: async () =>
      cloud.sentMessages.map((sent) => ({
        toOpenid: sent.touser,
        templateId: sent.templateId,
        page: sent.page,
        data: Object.fromEntries(Object.entries(sent.data).map(([key, { value }]) => [key, value])),
      })),
  };
});
