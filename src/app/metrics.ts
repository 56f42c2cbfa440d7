import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What operators watch (`GET /metrics`, Prometheus text format): questions by channel and outcome,
 * how long deciding takes, Slack API trouble and store errors. One registry per app, so tests and
 * several apps in one process never share counts.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly questions = new Counter({ name: 'faqbot_questions_total', help: 'Questions answered, by channel and outcome', labelNames: ['channel', 'outcome'] as const, registers: [this.registry] });
  readonly decisionSeconds = new Histogram({
    name: 'faqbot_decision_seconds',
    help: 'Time to decide a question in its conversation (context read, engine, context kept)',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly slackErrors = new Counter({ name: 'faqbot_slack_errors_total', help: 'Slack API calls and listeners that failed, and rate-limited calls', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly storeErrors = new Counter({ name: 'faqbot_store_errors_total', help: 'Store operations that failed', labelNames: ['operation'] as const, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'faqbot_' });
  }

  /** The text a Prometheus scrape reads. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
