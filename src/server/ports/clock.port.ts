/** The only place server code learns the time; the core takes `asOf` as an argument. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
