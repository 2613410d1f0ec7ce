import * as cloud from 'wx-server-sdk';
import { cloudMain } from '../../src/server/cloud/cloud.main';
import type { WxCloud } from '../../src/server/adapters/cloud/wx.types';
import { eligibilityFunction } from '../../src/server/functions/eligibility.function';

export const main = cloudMain(eligibilityFunction, cloud as unknown as WxCloud, {
  miniprogramState: process.env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'formal',
});
