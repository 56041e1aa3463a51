/**
 * How long an owner's personal data is kept after they stop being an owner, before the OC or an admin may
 * have it erased (PIPL Art. 19: no longer than the purpose needs; Art. 47 para. 1 (1): delete once it is
 * achieved). The default is the general limitation period of Civil Code Art. 188, three years: claims about
 * the time they owned the unit (fees, maintenance-fund shares, their ballots and the decisions they voted on —
 * 区分所有权解释 Art. 12's one year to challenge a decision falls within it) may need to know who they were.
 * Configurable (PERSONAL_DATA_RETENTION_DAYS): a compound's rules may keep it longer.
 */
export const DEFAULT_RETENTION_DAYS = 3 * 365;

const DAY_MS = 86_400_000;

/** The first instant the retention period no longer runs: `ceasedAt` + `days` whole days. */
export function retentionEndsAt(ceasedAt: string, days: number): Date {
  return new Date(Date.parse(ceasedAt) + days * DAY_MS);
}
