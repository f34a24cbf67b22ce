import { DataError } from "../../src/lib/csv.ts";

/** Runs `fn`, which must throw a DataError, and returns that error for assertions on its message. */
export function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("expected a DataError");
}
