import * as cloud from 'wx-server-sdk';
import { cloudMain } from '../../src/server/cloud/cloud.main';
import type { WxCloud } from '../../src/server/adapters/cloud/wx.types';
import { documentsFunction } from '../../src/server/functions/documents.function';

export const main = cloudMain(documentsFunction, cloud as unknown as WxCloud, {
  miniprogramState: process.env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'formal',
});
