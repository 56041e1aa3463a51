import t from 'tap';
import { checkForm, checkMarks, type MotionForm } from '../../../domain/assembly/forms.js';
import { checkProposal } from '../../../domain/assembly/proposals.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { formatYuan, parseYuan } from '../../../domain/shared/money.js';

const codeOf = (r: unknown) => (isDomainError(r) ? r.code : 'ok');
const nine = Array.from({ length: 9 }, (_, i) => ({ candidateId: `c${i + 1}`, name: `候选人${i + 1}` }));

t.test('forms: choose_one needs 2 to 20 distinct options; elect is for electing the committee', async (t) => {
  t.same(checkForm(undefined, 'other_major'), { form: 'yes_no' });
  t.equal(codeOf(checkForm({ form: 'choose_one', options: [{ optionId: 'a', label: 'A' }] }, 'hire_or_dismiss_firm')), 'invalid_form');
  const options = Array.from({ length: 21 }, (_, i) => ({ optionId: `o${i}`, label: `O${i}` }));
  t.equal(codeOf(checkForm({ form: 'choose_one', options }, 'hire_or_dismiss_firm')), 'invalid_form', '21 options');
  t.equal(codeOf(checkForm({ form: 'choose_one', options: options.slice(0, 20) }, 'hire_or_dismiss_firm')), 'ok', '20 options');
  t.equal(codeOf(checkForm({ form: 'choose_one', options: [{ optionId: 'a', label: 'A' }, { optionId: 'a', label: 'B' }] }, 'hire_or_dismiss_firm')), 'invalid_form', 'duplicate ids');
  t.equal(codeOf(checkForm({ form: 'choose_one', options: [{ optionId: 'abstain', label: 'A' }, { optionId: 'b', label: 'B' }] }, 'other_major')), 'invalid_form', '"abstain" is reserved');
  t.equal(codeOf(checkForm({ form: 'elect', candidates: nine, seats: 7 }, 'other_major')), 'invalid_form', 'elect outside Art. 278 (三)');
  t.equal(codeOf(checkForm({ form: 'elect', candidates: nine, seats: 7 }, 'elect_committee')), 'ok');
  t.equal(codeOf(checkForm({ form: 'elect', candidates: [{ candidateId: '__proto__', name: 'x' }], seats: 1 }, 'elect_committee')), 'invalid_form');
  t.equal(codeOf(checkForm({ form: 'poll' }, 'other_major')), 'invalid_form');
});

t.test('ballot marks: a ballot approving more candidates than seats is refused; unmarked is abstain', async (t) => {
  const form = checkForm({ form: 'elect', candidates: nine, seats: 7 }, 'elect_committee') as MotionForm;
  const eight = Object.fromEntries(nine.slice(0, 8).map((c) => [c.candidateId, 'for']));
  t.equal(codeOf(checkMarks(form, { candidates: eight })), 'too_many_approvals');
  const marks = checkMarks(form, { candidates: { c1: 'for', c2: 'against' } });
  t.same(marks, { form: 'elect', candidates: { c1: 'for', c2: 'against', c3: 'abstain', c4: 'abstain', c5: 'abstain', c6: 'abstain', c7: 'abstain', c8: 'abstain', c9: 'abstain' } });
  t.equal(codeOf(checkMarks(form, { candidates: { c10: 'for' } })), 'invalid_choice');
  t.equal(codeOf(checkMarks(form, { candidates: { c1: 'yes' } })), 'invalid_choice');
  const firms = checkForm({ form: 'choose_one', options: [{ optionId: 'a', label: '甲物业' }, { optionId: 'b', label: '乙物业' }] }, 'hire_or_dismiss_firm') as MotionForm;
  t.same(checkMarks(firms, { option: 'b' }), { form: 'choose_one', option: 'b' });
  t.same(checkMarks(firms, { option: 'abstain' }), { form: 'choose_one', option: 'abstain' });
  t.equal(codeOf(checkMarks(firms, { option: 'c' })), 'invalid_choice');
  t.equal(codeOf(checkMarks({ form: 'yes_no' }, { choice: 'maybe' })), 'invalid_choice');
});

t.test('proposals: a fund motion whose vote scope differs from its charge scope is refused (维修资金办法 Arts. 22–23)', async (t) => {
  const plan = { plan: '3号楼电梯更新', budget: '182000.50', chargeScope: { kind: 'buildings', buildings: ['3'] }, works: [{ item: '更换曳引机', estimate: '120000' }] };
  t.equal(codeOf(checkProposal(plan, 'use_maintenance_fund', { kind: 'compound' })), 'scope_differs_from_charge_scope');
  t.equal(codeOf(checkProposal(plan, 'use_maintenance_fund', { kind: 'buildings', buildings: ['3', '4'] })), 'scope_differs_from_charge_scope');
  t.same(checkProposal(plan, 'use_maintenance_fund', { kind: 'buildings', buildings: ['3'] }), {
    kind: 'use_maintenance_fund',
    plan: '3号楼电梯更新',
    budget: '182000.50',
    chargeScope: { kind: 'buildings', buildings: ['3'] },
    works: [{ item: '更换曳引机', estimate: '120000.00' }],
  });
  t.equal(codeOf(checkProposal({ ...plan, budget: '1.005' }, 'use_maintenance_fund', { kind: 'buildings', buildings: ['3'] })), 'invalid_proposal', 'below the fen');
  t.equal(codeOf(checkProposal({ ...plan, budget: '1e6' }, 'use_maintenance_fund', { kind: 'buildings', buildings: ['3'] })), 'invalid_proposal');
  t.equal(checkProposal(undefined, 'use_maintenance_fund', { kind: 'compound' }), null, 'a proposal is optional; without one the decision authorises no release');
  t.equal(codeOf(checkProposal({ plan: 'x' }, 'use_maintenance_fund', { kind: 'compound' })), 'invalid_proposal', 'but when given it is complete');
  t.equal(codeOf(checkProposal({ action: 'dismiss' }, 'hire_or_dismiss_firm', { kind: 'compound' })), 'invalid_proposal', 'dismissal names the firm');
  t.equal(codeOf(checkProposal({ action: 'dismiss', firm: { name: '甲物业', creditCode: '91330100MA2AXXXX1X' } }, 'hire_or_dismiss_firm', { kind: 'compound' })), 'ok');
  t.equal(checkProposal(undefined, 'other_major', { kind: 'compound' }), null);
});

t.test('money: yuan strings to fen and back, exact; no floats, no more than two decimals', async (t) => {
  t.equal(parseYuan('0.01'), 1n);
  t.equal(parseYuan('182000.5'), 18_200_050n);
  t.equal(parseYuan('10000000000'), 1_000_000_000_000n);
  t.equal(parseYuan('10000000000.01'), null, 'above the bound');
  for (const bad of ['', '-1', '1.001', '01', '1e3', ' 1', '1.']) t.equal(parseYuan(bad), null, JSON.stringify(bad));
  t.equal(formatYuan(18_200_050n), '182000.50');
  t.equal(formatYuan(-350n), '-3.50');
  t.equal(formatYuan(10n ** 20n), '1000000000000000000.00', 'sums beyond the input bound print exactly');
});
