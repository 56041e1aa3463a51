/** The firm's page data: the hiring read model's documents, rendered as the JSON views are, then shaped for the page. */
import { surveyEligible } from '../../domain/hiring/index.js';
import { voterIdentities } from '../../domain/registry/index.js';
import {
  firmPage,
  HIRING_CONTRACTS,
  HIRING_FEE_ADJUSTMENTS,
  HIRING_FIRMS,
  HIRING_SURVEYS,
  HIRING_TENDERS,
  renderContract,
  renderFeeAdjustment,
  renderSurvey,
  renderTender,
  type ContractDoc,
  type FeeAdjustmentDoc,
  type FirmDoc,
  type SurveyDoc,
  type TenderDoc,
} from '../../projections/hiring/index.js';
import type { AppDeps } from '../api/deps.js';

export async function firmPageOf(deps: Pick<AppDeps, 'read' | 'clock' | 'registry'>, compoundId: string) {
  const { read, clock, registry } = deps;
  const now = clock.now();
  const eligible = surveyEligible(voterIdentities(await registry.state(compoundId)));
  const firmName = (firmId: string) => read.get<FirmDoc>(HIRING_FIRMS, firmId)?.name;
  return firmPage({
    contracts: read.list<ContractDoc>(HIRING_CONTRACTS, compoundId).map((d) => renderContract(d, now)),
    tenders: read.list<TenderDoc>(HIRING_TENDERS, compoundId).map((d) => renderTender(d, now, firmName)),
    adjustments: read.list<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, compoundId).map((d) => renderFeeAdjustment(d, now)),
    surveys: read.list<SurveyDoc>(HIRING_SURVEYS, compoundId).map((d) => renderSurvey(d, now, eligible)),
  });
}
