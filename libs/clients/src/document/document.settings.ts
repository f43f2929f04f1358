import { z } from 'zod';
import { acrossSettings, type Env, loadConfig, processEnv, setting } from '@caseflow/config';

/**
 * Where documents' content is stored: in PostgreSQL unless
 * `DOCUMENTS_S3_BUCKET` is set; then in that bucket of S3 or of an
 * S3-compatible service at `DOCUMENTS_S3_ENDPOINT` (MinIO, Ceph, a cloud's
 * object storage), under `DOCUMENTS_S3_PREFIX` + the document's id.
 * Credentials come from the AWS SDK's default chain (environment, shared
 * files, the workload's role), never from these settings.
 */
const documentSettings = z
  .object({
    DOCUMENTS_S3_BUCKET: setting.optionalString(),
    DOCUMENTS_S3_ENDPOINT: setting.optionalUrl(),
    DOCUMENTS_S3_REGION: setting.string('us-east-1'),
    DOCUMENTS_S3_PREFIX: setting.string('documents/'),
    DOCUMENTS_S3_FORCE_PATH_STYLE: setting.boolean(false),
  })
  .refine(
    (s) => s.DOCUMENTS_S3_BUCKET === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.DOCUMENTS_S3_BUCKET),
    acrossSettings('DOCUMENTS_S3_BUCKET must be a bucket name (3 to 63 lower-case letters, digits, dots and hyphens)'),
  )
  .refine(
    (s) => s.DOCUMENTS_S3_ENDPOINT === undefined || s.DOCUMENTS_S3_BUCKET !== undefined,
    acrossSettings('DOCUMENTS_S3_ENDPOINT is set but DOCUMENTS_S3_BUCKET is not: the bucket is required'),
  );

export interface S3DocumentSettings {
  bucket: string;
  endpoint?: string;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
}

/** The S3 settings, or null when documents are stored in PostgreSQL. */
export function loadDocumentSettings(env: Env = processEnv()): S3DocumentSettings | null {
  const s = loadConfig(documentSettings, env);
  if (!s.DOCUMENTS_S3_BUCKET) return null;
  return {
    bucket: s.DOCUMENTS_S3_BUCKET,
    endpoint: s.DOCUMENTS_S3_ENDPOINT,
    region: s.DOCUMENTS_S3_REGION,
    prefix: s.DOCUMENTS_S3_PREFIX,
    forcePathStyle: s.DOCUMENTS_S3_FORCE_PATH_STYLE,
  };
}
