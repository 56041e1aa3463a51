/**
 * Ballot forms (表决票样式), chosen when a motion is proposed:
 * - `yes_no` (同意 / 反对 / 弃权): the ordinary ballot;
 * - `choose_one` (选项表决): one option among 2 to 20 (e.g. one property firm among the bidders), or abstain;
 * - `elect` (选举): each candidate marked for / against / abstain (unmarked = abstain), at most `seats` approved.
 * Invalid paper ballots (废票) exist in every form: they take part and support nothing (formTally.ts).
 */
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import type { Matter } from './matters.js';
import { choices, type Choice } from './tally.js';

export interface MotionOption {
  readonly optionId: string;
  readonly label: string;
}

/** A candidate's name is public in an election notice (the law requires posting it); never their person id. */
export interface Candidate {
  readonly candidateId: string;
  readonly name: string;
}

export type MotionForm =
  | { readonly form: 'yes_no' }
  | { readonly form: 'choose_one'; readonly options: readonly MotionOption[] }
  | { readonly form: 'elect'; readonly candidates: readonly Candidate[]; readonly seats: number };

export type FormKind = MotionForm['form'];
export const formKinds: readonly FormKind[] = ['yes_no', 'choose_one', 'elect'];

/** What one ballot says, per form. */
export type BallotMarks =
  | { readonly form: 'yes_no'; readonly choice: Choice }
  | { readonly form: 'choose_one'; readonly option: string | 'abstain' }
  | { readonly form: 'elect'; readonly candidates: Readonly<Record<string, Choice>> };

export const FORM_LIMITS = {
  minOptions: 2,
  maxOptions: 20,
  /** An owners' committee has 5 to 11 members (3 in small compounds) plus alternates: 25 leaves room. */
  maxSeats: 25,
  maxCandidates: 60,
  maxLabel: 200,
  maxName: 100,
} as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v) && v !== '__proto__' && v !== 'constructor' && v !== 'prototype';
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max && !/[\u0000-\u001f\u007f]/.test(v);

const bad = (message: string, details?: Record<string, unknown>): DomainError => refuse('invalid_form', message, details);

/** The form of a proposed motion, checked and normalised; `elect` only for electing the committee (Art. 278 (三)). */
export function checkForm(input: unknown, matter: Matter): MotionForm | DomainError {
  const raw = (input ?? { form: 'yes_no' }) as Record<string, unknown>;
  switch (raw.form) {
    case undefined:
    case 'yes_no':
      return { form: 'yes_no' };
    case 'choose_one': {
      const options = raw.options;
      if (!Array.isArray(options) || options.length < FORM_LIMITS.minOptions || options.length > FORM_LIMITS.maxOptions) {
        return bad(`a choose_one motion has ${FORM_LIMITS.minOptions} to ${FORM_LIMITS.maxOptions} options`, { field: 'options' });
      }
      const seen = new Set<string>();
      const out: MotionOption[] = [];
      for (const o of options as { optionId?: unknown; label?: unknown }[]) {
        if (!isId(o?.optionId) || o.optionId === 'abstain') return bad('an option id is 1 to 64 letters, digits, . _ - (not "abstain")', { field: 'options' });
        if (!isText(o.label, FORM_LIMITS.maxLabel)) return bad(`an option's label is 1 to ${FORM_LIMITS.maxLabel} characters`, { field: 'options', optionId: o.optionId });
        if (seen.has(o.optionId)) return bad('option ids are unique', { field: 'options', optionId: o.optionId });
        seen.add(o.optionId);
        out.push({ optionId: o.optionId, label: o.label.trim() });
      }
      return { form: 'choose_one', options: out };
    }
    case 'elect': {
      if (matter !== 'elect_committee') return bad('the elect form is for electing the owners\u2019 committee (Civil Code Art. 278 (三))', { field: 'form' });
      const { candidates, seats } = raw;
      if (!Number.isInteger(seats) || (seats as number) < 1 || (seats as number) > FORM_LIMITS.maxSeats) {
        return bad(`seats is a whole number from 1 to ${FORM_LIMITS.maxSeats}`, { field: 'seats' });
      }
      if (!Array.isArray(candidates) || candidates.length < 1 || candidates.length > FORM_LIMITS.maxCandidates) {
        return bad(`an election has 1 to ${FORM_LIMITS.maxCandidates} candidates`, { field: 'candidates' });
      }
      const seen = new Set<string>();
      const out: Candidate[] = [];
      for (const c of candidates as { candidateId?: unknown; name?: unknown }[]) {
        if (!isId(c?.candidateId)) return bad('a candidate id is 1 to 64 letters, digits, . _ -', { field: 'candidates' });
        if (!isText(c.name, FORM_LIMITS.maxName)) return bad(`a candidate's name is 1 to ${FORM_LIMITS.maxName} characters`, { field: 'candidates', candidateId: c.candidateId });
        if (seen.has(c.candidateId)) return bad('candidate ids are unique', { field: 'candidates', candidateId: c.candidateId });
        seen.add(c.candidateId);
        out.push({ candidateId: c.candidateId, name: c.name.trim() });
      }
      return { form: 'elect', candidates: out, seats: seats as number };
    }
    default:
      return bad(`the form is one of ${formKinds.join(', ')}`, { field: 'form' });
  }
}

/** What a ballot says, checked against the motion's form (400 `invalid_choice` / `too_many_approvals`). */
export function checkMarks(form: MotionForm, input: { choice?: unknown; option?: unknown; candidates?: unknown }): BallotMarks | DomainError {
  switch (form.form) {
    case 'yes_no':
      if (!(choices as readonly unknown[]).includes(input.choice)) return refuse('invalid_choice', 'the choice is for, against or abstain');
      return { form: 'yes_no', choice: input.choice as Choice };
    case 'choose_one': {
      const option = input.option;
      if (option !== 'abstain' && !form.options.some((o) => o.optionId === option)) {
        return refuse('invalid_choice', 'the option is one of the motion\u2019s option ids, or abstain', { options: form.options.map((o) => o.optionId) });
      }
      return { form: 'choose_one', option: option as string };
    }
    case 'elect': {
      const marks = input.candidates;
      if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) {
        return refuse('invalid_choice', 'candidates maps candidate ids to for, against or abstain');
      }
      const out: Record<string, Choice> = {};
      for (const [candidateId, choice] of Object.entries(marks)) {
        if (!form.candidates.some((c) => c.candidateId === candidateId)) return refuse('invalid_choice', `no candidate ${candidateId} in this election`, { candidateId });
        if (!(choices as readonly unknown[]).includes(choice)) return refuse('invalid_choice', 'each candidate is marked for, against or abstain', { candidateId });
        out[candidateId] = choice as Choice;
      }
      // Unmarked = abstain: every candidate gets a mark, in the motion's order.
      const full: Record<string, Choice> = {};
      for (const c of form.candidates) full[c.candidateId] = out[c.candidateId] ?? 'abstain';
      const approved = Object.values(full).filter((c) => c === 'for').length;
      if (approved > form.seats) {
        return refuse('too_many_approvals', `a ballot approves at most ${form.seats} candidates (the seats to fill)`, { seats: form.seats, approved });
      }
      return { form: 'elect', candidates: full };
    }
  }
}
