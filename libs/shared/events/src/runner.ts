/**
 * The consumer runner: takes a consumer's events off its queue one at a time
 * and applies each in a transaction of the consumer's own database
 * (inbox.ts). A failure — the handler's, or an event come before an earlier
 * one of its aggregate — fails the job, and the queue retries it with
 * exponential backoff; once the retries are spent it goes to the dead-letter
 * queue. Logs name the event by id and type, never its payload.
 */
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';
import type { DomainEvent } from './catalog';
import type { EventConsumer } from './consumer';
import { applyEvent, EventOutOfOrderError } from './inbox';
import type { EventQueue } from './queue';

export interface ConsumerRunnerOptions {
  queue: EventQueue;
  consumer: EventConsumer;
  dataSource: DataSource;
  /** The consumer's schema, holding its inbox tables. */
  schema: string;
  logger: Logger;
}

/** The fields a log line may carry about an event. */
export const eventLogFields = (event: DomainEvent) => ({ eventId: event.id, eventType: event.type, source: event.source });

/** Declares the consumer's queue and starts taking its events (until the queue stops). */
export async function startConsumer({ queue, consumer, dataSource, schema, logger }: ConsumerRunnerOptions): Promise<void> {
  await queue.declareConsumer(consumer.name);
  await queue.work(consumer.name, async (event) => {
    try {
      const outcome = await applyEvent(dataSource, schema, consumer, event);
      logger.debug(`event ${outcome}`, eventLogFields(event));
    } catch (error) {
      if (error instanceof EventOutOfOrderError) {
        logger.info('event waits for an earlier one', { ...eventLogFields(event), waitingFor: error.waitingFor });
      } else {
        logger.warn('event handling failed; it will be retried', { ...eventLogFields(event), ...errorFields(error) });
      }
      throw error;
    }
  });
}
