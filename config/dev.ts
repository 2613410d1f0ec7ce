import type { UserConfigExport } from '@tarojs/cli';
import { buildConstants } from './constants';

export default {
  logger: { quiet: false, stats: true },
  defineConstants: buildConstants('development'),
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
