/** What the audit log keeps of a prompt's outcome: a connection or a budget raise, approved or not. */
import type { ApprovalRecord } from '../db/tables/approvals';
import type { ApprovalOutcome } from '../approvals/approvals';
import type { AuditInput } from './audit';

export function approvalEvent(record: ApprovalRecord, outcome: ApprovalOutcome): AuditInput {
  const raise = record.kind === 'raiseBudget';
  if ('decision' in outcome) {
    const { budget, models, defaultModel, scopes, defaults } = outcome.decision;
    // Flat, as the audit keeps details: each media scope's default as `scope=model`.
    const mediaDefaults = Object.entries(defaults ?? {}).map(([scope, model]) => `${scope}=${model}`);
    return raise
      ? { type: 'budget.raised', origin: record.origin, detail: { budgetUsd: budget.usd, period: budget.period, model: record.raise?.model } }
      : { type: 'connect.approved', origin: record.origin, detail: { scopes, models, defaultModel, ...(mediaDefaults.length ? { defaults: mediaDefaults } : {}), budgetUsd: budget.usd, period: budget.period, ...(record.topOrigin ? { topOrigin: record.topOrigin } : {}) } };
  }
  const how = outcome.closed ? 'window closed' : 'rejected';
  return raise
    ? { type: 'budget.raiseRejected', origin: record.origin, detail: { how, model: record.raise?.model } }
    : { type: 'connect.rejected', origin: record.origin, detail: { how, scopes: record.request.scopes, ...(record.topOrigin ? { topOrigin: record.topOrigin } : {}) } };
}
