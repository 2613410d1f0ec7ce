import type { UserConfigExport } from '@tarojs/cli';
import { buildConstants } from './constants';

export default {
  defineConstants: buildConstants('production'),
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
