import type { TestProject } from 'vitest/node';
import { startWebServer } from './web-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startWebServer();
  project.provide('appUrl', server.url);
  return server.close;
}
