import fs from 'node:fs';
import { sharedState } from './shared-state';

export default async function globalTeardown(): Promise<void> {
  await sharedState.embedded?.stop();
  if (sharedState.dataDir) fs.rmSync(sharedState.dataDir, { recursive: true, force: true });
}
