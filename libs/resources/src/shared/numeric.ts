import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `numeric` arrives as a string (the driver keeps its precision);
 * coordinates and ages fit a JS number, which is what the API returns.
 */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
