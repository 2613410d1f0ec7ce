/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: 'weapp' | 'h5'. */
    TARO_ENV?: 'weapp' | 'h5';
  }
}
