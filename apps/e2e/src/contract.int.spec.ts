/**
 * Every operation of the users' contract, run unchanged through the gateway
 * of the in-process stack on seeded data (the scenario: ./contract-flow.ts).
 */
import { describeContract } from './contract-flow';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describeContract("the users' operations, unchanged, through the gateway", () => stack);
