// setupFiles entry of every project: a test fails if it (or code it calls) logs via console.error.
import { afterAll, afterEach } from 'vitest';
import { assertNoConsoleErrors, installConsoleErrorGuard } from '../console';

installConsoleErrorGuard();
afterEach(() => assertNoConsoleErrors('in diesem Test'));
afterAll(() => assertNoConsoleErrors('außerhalb eines Tests (Modulcode, beforeAll/afterAll)'));
