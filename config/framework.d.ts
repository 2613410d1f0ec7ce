/** See framework.js. */
export function frameworkFor(platform: string | undefined): 'preact' | 'react';
