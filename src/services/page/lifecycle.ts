/** The page's lifecycle and its address, as Taro gives them to pages (only services import Taro). */
export { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
