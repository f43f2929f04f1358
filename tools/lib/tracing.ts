/**
 * Imported first by start.ts: OpenTelemetry must instrument node:http,
 * undici, pg and graphql before they load. Off unless the OTEL_* variables ask
 * for traces. The whole platform is this one process, named "caseflow" unless
 * OTEL_SERVICE_NAME says otherwise; each span's `caseflow.service` attribute
 * tells the gateway and the subgraphs apart.
 */
import { startTracingOrExit } from '@caseflow/telemetry';

startTracingOrExit('caseflow');
