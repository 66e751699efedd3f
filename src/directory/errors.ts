/**
 * Errors an adapter can raise that the book understands. They are matched by `name` as well as by class, so an
 * adapter bundled with another copy of this package is still understood.
 */

/**
 * The agent must sign in (e.g. to Microsoft 365) before a source can be read. `signIn()` must be called from a user
 * gesture (it may open a popup); the book shows a button that does so, then loads again.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';

  constructor(
    message: string,
    readonly signIn: () => Promise<void>,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isSignInRequired(error: unknown): error is SignInRequiredError {
  return (
    error instanceof SignInRequiredError ||
    ((error as Partial<SignInRequiredError> | null)?.name === 'SignInRequiredError' &&
      typeof (error as Partial<SignInRequiredError>).signIn === 'function')
  );
}

/**
 * Part of a request failed: `partial` holds what did arrive (e.g. presences of the chunks that succeeded); what is
 * missing is shown as Unknown and the failure is reported once.
 */
export class PartialResultError<T> extends Error {
  override readonly name = 'PartialResultError';
  /** The source whose failure this is (a composite directory's source id), when known. */
  readonly source: string | undefined;

  constructor(
    message: string,
    readonly partial: T,
    options?: ErrorOptions & { readonly source?: string },
  ) {
    super(message, options);
    this.source = options?.source;
  }
}

export function isPartialResult<T>(error: unknown): error is PartialResultError<T> {
  return error instanceof PartialResultError || ((error as Partial<PartialResultError<T>> | null)?.name === 'PartialResultError' && 'partial' in (error as object));
}
