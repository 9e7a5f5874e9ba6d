/**
 * Makes unhandled rejections and uncaught exceptions observable: while
 * armed, each one is recorded instead of crashing the worker, and the
 * test asserts the record is empty.
 */
export interface Escapes {
  readonly rejections: unknown[];
  readonly exceptions: unknown[];
  disarm(): void;
}

/** Starts recording unhandled rejections and uncaught exceptions. */
export function armEscapes(): Escapes {
  const rejections: unknown[] = [];
  const exceptions: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  const onException = (error: unknown): void => {
    exceptions.push(error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    rejections,
    exceptions,
    disarm() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
