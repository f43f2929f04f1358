export { freePort } from '@caseflow/core';
