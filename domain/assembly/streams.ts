/** Stream names of the assembly context. */

/** One stream per motion: its lifecycle, frozen roll and mandates. */
export const motionStreamId = (motionId: string): string => `motion-${motionId}`;

/**
 * One stream per (motion, voter identity), appended with expected revision `no_stream`: the store itself
 * refuses a second first ballot, in every adapter. Re-voting (where allowed) appends at the revision read.
 */
export const ballotStreamId = (motionId: string, voterId: string): string => `ballot-${motionId}-${voterId}`;
