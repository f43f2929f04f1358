import { sharedBuffersMb } from './postgres';

const GB = 2 ** 30;

describe("the benchmark's PostgreSQL", () => {
  it('gives its buffer cache a quarter of the memory, at most 4 GB and at least 128 MB', () => {
    expect([2 * GB, 8 * GB, 16 * GB, 24 * GB, 256 * GB].map(sharedBuffersMb)).toEqual([512, 2048, 4096, 4096, 4096]);
    expect(sharedBuffersMb(256 * 2 ** 20)).toBe(128);
  });
});
