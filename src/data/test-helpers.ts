/** Helpers shared by the tests of src/data (not shipped: excluded from the build). */

/** The error `run` throws (or rejects with): its code and message; fails when it returns. */
export async function failure(run: () => unknown): Promise<{ code: unknown; message: string }> {
  try {
    await run();
  } catch (e) {
    const error = e as { code?: unknown; message: string };
    return { code: error.code, message: error.message };
  }
  throw new Error('expected an error');
}
