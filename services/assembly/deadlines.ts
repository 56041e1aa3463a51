/**
 * The assembly's deadlines: a motion's voting opens at `opensAt` and closes at `closesAt` (the server takes
 * both steps itself when nobody has, as the system convenor, domain/assembly/actor.ts), and where the rule
 * pack fixes it the result is posted within its days of the close (e.g. 京条例 Art. 37 para. 2: three days;
 * status only, the server cannot post a result for the convenors).
 *
 * The opening is declared when the motion is proposed and withdrawn if it is cancelled; one that cannot
 * open on time (no notice given, say) stays unmet and shows `overdue`, with the refusal as `blocked`.
 */
import {
  builtinRulePacks,
  motionStreamId,
  type MotionClosedData,
  type MotionProposedData,
  type PetitionThresholdReachedData,
  type RulePackVersion,
} from '../../domain/assembly/index.js';
import type { DeadlineChange, DeadlineSource, RuleSource } from '../platform/deadlines.js';
import { SYSTEM_FACTS } from '../platform/reactor.js';
import type { RegistryReader } from './registryReader.js';
import type { AssemblyService } from './service.js';

export const VOTING_OPENS = 'voting_opens';
export const VOTING_CLOSES = 'voting_closes';
export const RESULT_PUBLICATION = 'result_publication';
/** 临时会议: the OC convenes the extraordinary meeting owners petitioned for (物业管理条例 Art. 13). */
export const EXTRAORDINARY_MEETING = 'extraordinary_meeting';

/** Steps the server takes itself count as on time within a minute of the scheduled instant (its check interval). */
const SCHEDULED_STEP_GRACE_MS = 60_000;

const deadlineId = (kind: string, motionId: string) => `${kind}:${motionId}`;

/** `京条例 Art. 37 para. 2: …` → `京条例 Art. 37 para. 2`: the article, without its quoted text. */
const articleOf = (source: string): string => source.split(/: /)[0]!.trim();

function ruleSource(rulePack: string, field: keyof RulePackVersion['sources'], fallback: string): RuleSource {
  const pack = builtinRulePacks.find((p) => p.id === rulePack);
  return pack ? { article: articleOf(pack.sources[field]), jurisdiction: pack.jurisdiction } : { article: fallback, jurisdiction: rulePack.split('@')[0]! };
}

export function assemblyDeadlineSource(deps: { assembly: AssemblyService; registry: RegistryReader }): DeadlineSource {
  return {
    name: 'assembly',
    handles: ['MotionProposed', 'MotionOpened', 'MotionClosed', 'ResultPublished', 'MotionCancelled', 'PetitionThresholdReached'],
    changes(event, recall): DeadlineChange[] {
      const data = event.data as { motionId: string };
      const record = { type: 'motion', id: data.motionId };
      switch (event.type) {
        case 'PetitionThresholdReached': {
          const d = event.data as PetitionThresholdReachedData;
          return [
            {
              op: 'declare',
              deadline: {
                deadlineId: deadlineId(EXTRAORDINARY_MEETING, d.petitionId),
                compoundId: d.compoundId,
                kind: EXTRAORDINARY_MEETING,
                dueAt: d.conveneBy,
                // No statute fixes the days; 杭条例 Art. 80's 30 days is the default (domain/assembly/petition.ts).
                source: { article: '物业管理条例 Art. 13; 杭条例 Art. 80 (30 days)', jurisdiction: 'national' },
                record: { type: 'petition', id: d.petitionId },
              },
            },
          ];
        }
        case 'MotionProposed': {
          const d = event.data as MotionProposedData;
          const convened = d.petitionId ? [{ op: 'meet', deadlineId: deadlineId(EXTRAORDINARY_MEETING, d.petitionId), at: d.proposedAt } as const] : [];
          return [
            ...convened,
            { op: 'remember', key: d.motionId, facts: { compoundId: d.compoundId, closesAt: d.closesAt, rulePack: d.rules.rulePack } },
            {
              op: 'declare',
              deadline: {
                deadlineId: deadlineId(VOTING_OPENS, d.motionId),
                compoundId: d.compoundId,
                kind: VOTING_OPENS,
                dueAt: d.opensAt,
                // The notice (物业管理条例 Art. 14 and the local rules) fixes when the meeting opens.
                source: ruleSource(d.rules.rulePack, 'noticeDays', '物业管理条例 Art. 14'),
                record,
                graceMs: SCHEDULED_STEP_GRACE_MS,
                actionable: true,
              },
            },
          ];
        }
        case 'MotionOpened': {
          const opened = { op: 'meet', deadlineId: deadlineId(VOTING_OPENS, data.motionId), at: (event.data as { openedAt: string }).openedAt } as const;
          const facts = recall(data.motionId);
          if (!facts) return [opened];
          return [
            opened,
            {
              op: 'declare',
              deadline: {
                deadlineId: deadlineId(VOTING_CLOSES, data.motionId),
                compoundId: facts.compoundId!,
                kind: VOTING_CLOSES,
                dueAt: facts.closesAt!,
                source: ruleSource(facts.rulePack!, 'votingWindowDays', 'the motion\u2019s notice'),
                record,
                graceMs: SCHEDULED_STEP_GRACE_MS,
                actionable: true,
              },
            },
          ];
        }
        case 'MotionClosed': {
          const d = event.data as MotionClosedData;
          const closed = { op: 'meet', deadlineId: deadlineId(VOTING_CLOSES, d.motionId), at: d.closedAt } as const;
          const facts = recall(d.motionId);
          if (d.resultDueBy === null || !facts) return [closed];
          return [
            closed,
            {
              op: 'declare',
              deadline: {
                deadlineId: deadlineId(RESULT_PUBLICATION, d.motionId),
                compoundId: facts.compoundId!,
                kind: RESULT_PUBLICATION,
                dueAt: d.resultDueBy,
                source: ruleSource(facts.rulePack!, 'resultPublicationDays', 'rule pack'),
                record,
              },
            },
          ];
        }
        case 'ResultPublished':
          return [{ op: 'meet', deadlineId: deadlineId(RESULT_PUBLICATION, data.motionId), at: (event.data as { publishedAt: string }).publishedAt }];
        case 'MotionCancelled':
          // Only before voting opens (decide.ts): nothing else was declared.
          return [{ op: 'withdraw', deadlineId: deadlineId(VOTING_OPENS, data.motionId) }];
        default:
          return [];
      }
    },
    async onDue(deadline) {
      const motionId = deadline.record.id;
      const motion = await deps.assembly.motion(motionId);
      if (motion.status === 'none') return [];
      switch (deadline.kind) {
        case VOTING_OPENS: {
          // Already past this step (the tracker has not read it yet): nothing to do.
          if (motion.status === 'open' || motion.status === 'closed' || motion.status === 'result_published' || motion.status === 'final') return [];
          // The decider judges the rest (notice given and run, window left); the service freezes the roll.
          return [{ streamId: motionStreamId(motionId), execute: (cmd) => deps.assembly.openMotion(motionId, SYSTEM_FACTS, cmd) }];
        }
        case VOTING_CLOSES:
          if (motion.status !== 'open') return [];
          return [
            {
              streamId: motionStreamId(motionId),
              execute: (cmd) => deps.assembly.handleMotion(motionId, { type: 'CloseMotion', data: { motionId }, by: SYSTEM_FACTS }, cmd),
            },
          ];
        default:
          return [];
      }
    },
  };
}
