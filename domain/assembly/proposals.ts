/**
 * Typed proposals (议案内容): what a motion asks the owners to decide, validated per matter and recorded in
 * `MotionProposed`, so that the decision it becomes can be relied on by other contexts (a fund release checks
 * its budget, charge scope and contractor; a contract its firm; a committee its elected members).
 */
import { parseYuan, formatYuan } from '../shared/money.js';
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import type { Matter } from './matters.js';
import { scopeProblem, type MotionScope } from './scope.js';

/** A contractor or firm as a proposal names it: its name and unified social credit code (统一社会信用代码). */
export interface Organisation {
  readonly name: string;
  readonly creditCode?: string;
}

/** A works item of a fund plan (维修项目). */
export interface WorksItem {
  readonly item: string;
  /** Its estimate, yuan as an exact decimal string; optional. */
  readonly estimate?: string;
}

export type Proposal =
  /**
   * 使用维修资金: the plan, the budget (yuan, to the fen), the charge scope (分摊范围: who pays) and the works.
   * 维修资金办法 Arts. 22–23: those who bear the cost are those who decide, so the vote's scope equals the charge scope.
   */
  | {
      readonly kind: 'use_maintenance_fund';
      readonly plan: string;
      readonly budget: string;
      readonly chargeScope: MotionScope;
      readonly works: readonly WorksItem[];
      readonly contractor?: Organisation;
    }
  /** 筹集维修资金: the rate per m² of exclusive area (yuan). */
  | { readonly kind: 'raise_maintenance_fund'; readonly ratePerSquareMetre: string }
  /** 选聘、解聘、续聘物业服务企业: hire (the options name the firms), dismiss or renew the firm concerned. */
  | { readonly kind: 'hire_or_dismiss_firm'; readonly action: 'hire' | 'dismiss' | 'renew'; readonly firm?: Organisation }
  /** 选举业主委员会: the election it belongs to and the seats; the candidates are the ballot's. */
  | { readonly kind: 'elect_committee'; readonly electionId?: string; readonly seats: number }
  /** 改变共有部分用途或利用共有部分经营: what, where, and how the income is used. */
  | { readonly kind: 'change_common_use'; readonly what: string; readonly where: string; readonly incomeUse: string }
  /** The other matters: free text. */
  | { readonly kind: 'text'; readonly text: string };

export const PROPOSAL_LIMITS = { maxText: 10_000, maxShort: 500, maxWorks: 200, maxName: 200 } as const;

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const bad = (message: string, field: string): DomainError => refuse('invalid_proposal', message, { field });
const text = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v) ? v.trim() : null;

function organisation(v: unknown, field: string): Organisation | DomainError {
  const o = v as { name?: unknown; creditCode?: unknown } | null;
  const name = text(o?.name, PROPOSAL_LIMITS.maxName);
  if (!name) return bad(`${field} names an organisation (1 to ${PROPOSAL_LIMITS.maxName} characters)`, field);
  if (o!.creditCode === undefined) return { name };
  if (typeof o!.creditCode !== 'string' || !CREDIT_CODE.test(o!.creditCode)) return bad(`${field}.creditCode is an 18-character unified social credit code`, field);
  return { name, creditCode: o!.creditCode };
}

/** Same set of buildings, or both the whole compound. */
export function sameScope(a: MotionScope, b: MotionScope): boolean {
  if (a.kind === 'compound' || b.kind === 'compound') return a.kind === b.kind;
  return a.buildings.length === b.buildings.length && a.buildings.every((x) => b.buildings.includes(x));
}

/**
 * The proposal of a motion on `matter` voted in `scope`, checked and normalised; null when none is given (the
 * description says it all). A decision made without a typed proposal authorises nothing that needs its terms:
 * a fund release needs the budget and charge scope, a contract the firm.
 */
export function checkProposal(input: unknown, matter: Matter, scope: MotionScope): Proposal | null | DomainError {
  const p = (input ?? null) as Record<string, unknown> | null;
  if (p === null) return null;
  if (typeof p !== 'object' || Array.isArray(p)) return bad('the proposal is an object', 'proposal');
  switch (matter) {
    case 'use_maintenance_fund': {
      const plan = text(p.plan, PROPOSAL_LIMITS.maxText);
      if (!plan) return bad('the plan is 1 to 10,000 characters', 'proposal.plan');
      const budget = typeof p.budget === 'string' ? parseYuan(p.budget) : null;
      if (budget === null || budget <= 0n) return bad('the budget is a positive amount of yuan, to the fen (e.g. "182000.50")', 'proposal.budget');
      const chargeScope = p.chargeScope as MotionScope;
      const scopeIssue = typeof chargeScope === 'object' && chargeScope !== null ? scopeProblem(chargeScope) : 'a charge scope is required';
      if (scopeIssue) return bad(scopeIssue, 'proposal.chargeScope');
      // 维修资金办法 Arts. 22–23: the owners who share the cost decide; a different vote scope is another electorate.
      if (!sameScope(chargeScope, scope)) {
        return refuse('scope_differs_from_charge_scope', 'the vote\u2019s scope must equal the charge scope: those who pay decide (维修资金办法 Arts. 22–23)', {
          scope,
          chargeScope,
        });
      }
      if (!Array.isArray(p.works) || p.works.length === 0 || p.works.length > PROPOSAL_LIMITS.maxWorks) {
        return bad(`works lists 1 to ${PROPOSAL_LIMITS.maxWorks} items`, 'proposal.works');
      }
      const works: WorksItem[] = [];
      for (const w of p.works as { item?: unknown; estimate?: unknown }[]) {
        const item = text(w?.item, PROPOSAL_LIMITS.maxShort);
        if (!item) return bad('each works item is described in 1 to 500 characters', 'proposal.works');
        if (w.estimate === undefined) works.push({ item });
        else {
          const estimate = typeof w.estimate === 'string' ? parseYuan(w.estimate) : null;
          if (estimate === null) return bad('an estimate is an amount of yuan, to the fen', 'proposal.works');
          works.push({ item, estimate: formatYuan(estimate) });
        }
      }
      const normalisedScope: MotionScope = chargeScope.kind === 'compound' ? { kind: 'compound' } : { kind: 'buildings', buildings: [...chargeScope.buildings] };
      const base = { kind: 'use_maintenance_fund', plan, budget: formatYuan(budget), chargeScope: normalisedScope, works } as const;
      if (p.contractor === undefined) return base;
      const contractor = organisation(p.contractor, 'proposal.contractor');
      return 'code' in contractor ? contractor : { ...base, contractor };
    }
    case 'raise_maintenance_fund': {
      const rate = typeof p.ratePerSquareMetre === 'string' ? parseYuan(p.ratePerSquareMetre) : null;
      if (rate === null || rate <= 0n) return bad('ratePerSquareMetre is a positive amount of yuan per m², to the fen', 'proposal.ratePerSquareMetre');
      return { kind: 'raise_maintenance_fund', ratePerSquareMetre: formatYuan(rate) };
    }
    case 'hire_or_dismiss_firm': {
      const action = p.action;
      if (action !== 'hire' && action !== 'dismiss' && action !== 'renew') return bad('action is hire, dismiss or renew', 'proposal.action');
      if (p.firm === undefined) {
        if (action === 'hire') return { kind: 'hire_or_dismiss_firm', action };
        return bad('dismissing or renewing names the firm concerned', 'proposal.firm');
      }
      const firm = organisation(p.firm, 'proposal.firm');
      return 'code' in firm ? firm : { kind: 'hire_or_dismiss_firm', action, firm };
    }
    case 'elect_committee': {
      const seats = p.seats;
      if (!Number.isInteger(seats) || (seats as number) < 1) return bad('seats is a positive whole number', 'proposal.seats');
      if (p.electionId === undefined) return { kind: 'elect_committee', seats: seats as number };
      if (typeof p.electionId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(p.electionId)) return bad('electionId is an id', 'proposal.electionId');
      return { kind: 'elect_committee', electionId: p.electionId, seats: seats as number };
    }
    case 'change_common_use': {
      const what = text(p.what, PROPOSAL_LIMITS.maxShort);
      const where = text(p.where, PROPOSAL_LIMITS.maxShort);
      const incomeUse = text(p.incomeUse, PROPOSAL_LIMITS.maxText);
      if (!what || !where || !incomeUse) return bad('what, where and incomeUse are each 1 to 500 characters (incomeUse up to 10,000)', 'proposal');
      return { kind: 'change_common_use', what, where, incomeUse };
    }
    case 'rules_of_procedure':
    case 'management_rules':
    case 'rebuild':
    case 'other_major': {
      const t = text(p.text, PROPOSAL_LIMITS.maxText);
      if (!t) return bad('a free-text proposal is 1 to 10,000 characters', 'proposal.text');
      return { kind: 'text', text: t };
    }
  }
}
