/** Injection token of the clock that decides "now" (default window end, outstanding ages). */
export const DORA_CLOCK = Symbol('DORA_CLOCK');

export interface DoraClock {
  now(): Date;
}

export const systemClock: DoraClock = { now: () => new Date() };
