import { buildReport } from '../insights/report.js';
import { buildReportBlocks } from './blocks/render-report.js';
import type { SlackBlock } from './blocks/render-blocks.js';
import type { SlackDeps } from './deps.js';

/** Days the advisor summary covers in Slack. */
export const REPORT_DAYS = 30;

/** Whether a Slack user is one of the configured advisors. */
export function isAdvisor(deps: SlackDeps, userId: string): boolean {
  return deps.advisors.userIds.has(userId);
}

/** The advisor summary over the last 30 days as Block Kit, or null when no store is configured. */
export async function advisorSummaryBlocks(deps: SlackDeps): Promise<SlackBlock[] | null> {
  if (!deps.store) return null;
  const now = Date.now();
  const rows = await deps.store.since(now - REPORT_DAYS * 86_400_000);
  return buildReportBlocks(buildReport(rows, deps.engine(), { now, days: REPORT_DAYS }));
}
