/** The past view the running request asked for (`?asOf=`), carried through its handler (timeTravel.ts). */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompoundAsOf } from './compoundAsOf.js';

export const currentView = new AsyncLocalStorage<CompoundAsOf>();

/** The past view the running request asked for, if any. */
export const viewAsOf = (): CompoundAsOf | undefined => currentView.getStore();
