/** The demo account of the vendor document, the only one the sandbox accepts. */
import type { Credentials } from '../shared/domain';

/** CusCode 80000, CusApiName OOPSTON1 and the document's ApiKey and tracking key. */
export const DEMO_CREDENTIALS: Credentials = {
  customerCode: '80000',
  apiName: 'OOPSTON1',
  apiKey: '7351c8ad-2813-497d-a6bf-f03960cba51580000',
  trackKey: 'ebe4c0d9-96c6-41b6-a2c6-996229afe47680160',
};
