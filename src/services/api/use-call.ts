import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, PayloadOf, ResultOf } from '../../core/contracts/api';
import type { AppError } from '../../core/errors';
import { call } from './client';

export type CallState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ready'; readonly data: T };

/** Loads an action's result when the page opens; `reload` asks again (pull-to-refresh, retry). */
export function useCall<F extends FunctionName, A extends ActionName<F>>(
  functionName: F,
  action: A,
  payload: PayloadOf<F, A>,
): CallState<ResultOf<F, A>> & { reload: () => void } {
  const [state, setState] = useState<CallState<ResultOf<F, A>>>({ status: 'loading' });
  const payloadKey = JSON.stringify(payload);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    void call(functionName, action, JSON.parse(payloadKey) as PayloadOf<F, A>).then((result) => {
      if (ticket !== latest.current) return;
      setState(result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error });
    });
  }, [functionName, action, payloadKey]);

  useEffect(load, [load]);
  return { ...state, reload: load };
}
