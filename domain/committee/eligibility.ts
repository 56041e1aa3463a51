/**
 * A candidate's eligibility (候选人资格), each condition checked and reported with its source: owning a unit in
 * the compound, from the registry on the day; the pack's declared conditions, each with the evidence or the
 * written pledge the pack asks for (沪规定 Art. 20; 京条例 Art. 39).
 */
import type { Declaration } from './commands.js';
import type { EligibilityCheck } from './events.js';
import type { CommitteeRules, DeclaredCondition } from './rules.js';

export function checkEligibility(
  rules: CommitteeRules,
  ownedUnits: readonly string[],
  declarations: Partial<Readonly<Record<DeclaredCondition, Declaration>>>,
): { eligible: boolean; checks: EligibilityCheck[] } {
  const checks: EligibilityCheck[] = [
    ownedUnits.length > 0
      ? { condition: 'owner_in_compound', met: true, source: rules.sources.ownerInCompound }
      : { condition: 'owner_in_compound', met: false, source: rules.sources.ownerInCompound, reason: 'owns no unit in the compound on the day, per the registry' },
  ];
  for (const rule of rules.conditions) {
    const d = declarations[rule.condition];
    const refs = { ...(d?.evidenceRef ? { evidenceRef: d.evidenceRef } : {}), ...(d?.pledgeRef ? { pledgeRef: d.pledgeRef } : {}) };
    const reason = !d || !d.declared ? 'not declared' : rule.needs === 'evidence' && !d.evidenceRef ? 'declared without the evidence the rule asks for' : rule.needs === 'pledge' && !d.pledgeRef ? 'no written pledge (书面承诺)' : null;
    checks.push(reason === null ? { condition: rule.condition, met: true, source: rule.source, ...refs } : { condition: rule.condition, met: false, source: rule.source, reason, ...refs });
  }
  return { eligible: checks.every((c) => c.met), checks };
}
