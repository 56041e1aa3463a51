/**
 * An owners' satisfaction survey of the firm (业主满意度测评): organised by the OC (青岛 Art. 56: the firm or the
 * OC may organise an all-owner evaluation), the residents' committee or the street office (潍坊 practice: the
 * street office organises satisfaction surveys). One response per voter identity (the headcount unit of
 * 区分所有权解释 Art. 9: co-owners answer once, an owner of several units once with their summed area); results
 * on both axes, area and headcount, with no legal threshold (surveyResults.ts). The developer does not answer:
 * it is the owners' view of the service.
 */
import { holdsAny } from '../assembly/index.js';
import type { Decider, DecideContext } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { parseArea } from '../shared/area.js';
import type { SurveyCommand } from './commands.js';
import { refuse } from './errors.js';
import { SATISFACTION_LEVELS, type SurveyEvent, type SurveyOpenedData } from './events.js';

/** Who organises a survey. */
export const SURVEY_ORGANISERS = ['oc_member', 'rc_staff', 'street_office'];
export const SURVEY_LIMITS = { maxQuestions: 30, maxText: 500, maxDays: 366 } as const;

export type SurveyState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly survey: SurveyOpenedData; readonly respondents: ReadonlySet<string> };

const validText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

export const surveyDecider: Decider<SurveyState, SurveyCommand, SurveyEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'SurveyOpened':
        return { status: 'open', survey: event.data, respondents: new Set() };
      case 'SurveyResponded':
        return state.status === 'none' ? state : { ...state, respondents: new Set([...state.respondents, event.data.voterId]) };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, ctx: DecideContext) {
    const now = ctx.now.toISOString();
    switch (command.type) {
      case 'OpenSurvey': {
        if (!holdsAny(command.by, SURVEY_ORGANISERS)) return refuse('not_entitled', 'the OC, the residents\u2019 committee or the street office organises a survey');
        if (state.status !== 'none') return refuse('survey_already_exists', 'this survey exists');
        if (!validText(command.data.title, 200)) return refuse('invalid_survey', 'title is 1 to 200 characters');
        const ids = command.data.questions.map((q) => q.questionId);
        if (command.data.questions.length === 0 || command.data.questions.length > SURVEY_LIMITS.maxQuestions || new Set(ids).size !== ids.length)
          return refuse('invalid_survey', `1 to ${SURVEY_LIMITS.maxQuestions} questions with distinct ids`);
        if (!command.data.questions.every((q) => validText(q.text, SURVEY_LIMITS.maxText))) return refuse('invalid_survey', `each question has a text of 1 to ${SURVEY_LIMITS.maxText} characters`);
        const opensAt = command.data.opensAt ?? now;
        const open = Date.parse(opensAt);
        const close = Date.parse(command.data.closesAt);
        if (!(close > open) || close < ctx.now.getTime() || close - open > SURVEY_LIMITS.maxDays * 86_400_000)
          return refuse('invalid_survey', `closesAt is after opensAt and now, within ${SURVEY_LIMITS.maxDays} days`);
        return [
          {
            type: 'SurveyOpened',
            data: {
              surveyId: command.data.surveyId,
              compoundId: command.data.compoundId,
              contractId: command.data.contractId,
              title: command.data.title,
              questions: command.data.questions.map((q) => ({ questionId: q.questionId, text: q.text })),
              levels: [...SATISFACTION_LEVELS],
              opensAt: new Date(open).toISOString(),
              closesAt: new Date(close).toISOString(),
              openedAt: now,
            },
          },
        ];
      }
      case 'RespondToSurvey': {
        if (state.status === 'none') return refuse('survey_not_found', 'no such survey');
        const s = state.survey;
        if (!holdsAny(command.by, ['owner'])) return refuse('not_entitled', 'owners answer the survey');
        if (ctx.now.getTime() < Date.parse(s.opensAt)) return refuse('survey_not_open', `the survey opens at ${s.opensAt}`);
        if (ctx.now.getTime() >= Date.parse(s.closesAt)) return refuse('survey_closed', `the survey closed at ${s.closesAt}`);
        // 区分所有权解释 Art. 9: one answer per voter identity, whichever co-owner gives it.
        if (state.respondents.has(command.data.voterId)) return refuse('already_responded', 'this unit\u2019s owners have answered');
        const area = parseArea(command.data.area);
        if (area === null || area <= 0n) return refuse('invalid_survey', 'the identity\u2019s area is positive');
        const questionIds = new Set(s.questions.map((q) => q.questionId));
        const given = Object.entries(command.data.answers);
        if (given.length === 0 || !given.every(([q, level]) => questionIds.has(q) && Number.isInteger(level) && level >= 1 && level <= SATISFACTION_LEVELS.length))
          return refuse('invalid_survey', `answers map question ids of this survey to a level from 1 to ${SATISFACTION_LEVELS.length} (unanswered questions may be left out)`);
        return [{ type: 'SurveyResponded', data: { surveyId: s.surveyId, compoundId: s.compoundId, voterId: command.data.voterId, area: command.data.area, answers: Object.fromEntries(given), respondedAt: now } }];
      }
      default:
        return assertNever(command);
    }
  },
};
