// A setup file of both vitest projects: the temp folders a test file made go when it ends. Its afterAll is
// registered before the file's own, so it runs after them (vitest runs after-hooks as a stack), once the file has
// closed its backends and hosts.
import { afterAll } from 'vitest';
import { removeTempDirs } from './backend';

afterAll(() => {
  removeTempDirs();
});
