import * as cloud from 'wx-server-sdk';
import { cloudMain } from '../../src/server/cloud/cloud.main';
import type { WxCloud } from '../../src/server/adapters/cloud/wx.types';
import { unitsFunction } from '../../src/server/functions/units.function';

export const main = cloudMain(unitsFunction, cloud as unknown as WxCloud, {
  miniprogramState: process.env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'formal',
});
