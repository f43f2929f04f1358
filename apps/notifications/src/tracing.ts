/**
 * Imported first by main.ts: OpenTelemetry must instrument node:http, undici,
 * pg and graphql before they load. Off unless the OTEL_* variables ask for
 * traces; the service is named "caseflow-notifications" unless OTEL_SERVICE_NAME says otherwise.
 */
import { startTracingOrExit } from '@caseflow/telemetry';

startTracingOrExit('caseflow-notifications');
