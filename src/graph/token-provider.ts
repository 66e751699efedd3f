/**
 * Access tokens for Microsoft Graph. Over MSAL: `acquireTokenSilent` first (with `forceRefresh` once Graph has refused
 * a token); when MSAL says interaction is required (or no account is signed in), a {@link SignInRequiredError} whose
 * `signIn()` opens the popup — the book calls it only from the agent's click, as browsers require. Tokens are never
 * logged, stored or put in the DOM by us.
 */
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { SignInRequiredError } from '../directory/errors.js';

/** How a token is asked for. */
export interface AccessTokenRequest {
  /**
   * Graph refused the last token (401): do not give a cached one, ask the identity provider anew (MSAL's
   * `forceRefresh`).
   */
  readonly forceRefresh?: boolean;
}

/**
 * Gives an access token for the scopes, or rejects (with a SignInRequiredError when the agent must sign in). With
 * `forceRefresh`, Graph refused the last token: give a fresh one, not a cached one.
 */
export type GetAccessToken = (scopes: readonly string[], request?: AccessTokenRequest) => Promise<string>;

export interface TokenProvider {
  readonly getAccessToken: GetAccessToken;
  /** The Entra object id of the signed-in user, when known without a request. */
  readonly signedInUserId?: () => string | undefined;
  /** The sign-in to offer when Graph refuses even a refreshed token (`cause`: Graph's answer). */
  readonly signInRequired?: (scopes: readonly string[], cause: unknown) => SignInRequiredError;
}

const SIGN_IN_AGAIN = 'Sign in to Microsoft 365 again to see Teams contacts.';

// MSAL error codes that mean "only the user can fix this" (matched by name and code, not class, so that a host's
// own copy of MSAL is understood).
const INTERACTION_CODES = new Set(['interaction_required', 'login_required', 'consent_required', 'no_account_error', 'no_tokens_found']);

function needsInteraction(error: unknown): boolean {
  const { name, errorCode } = (error ?? {}) as { name?: unknown; errorCode?: unknown };
  return name === 'InteractionRequiredAuthError' || (typeof errorCode === 'string' && INTERACTION_CODES.has(errorCode));
}

/**
 * A token provider over an MSAL public client application (`PublicClientApplication`, or for hosts embedded in Teams,
 * the one from `createNestablePublicClientApplication`). Calls `initialize()` once (MSAL v3+ requires it).
 */
export function msalTokenProvider(msal: IPublicClientApplication): TokenProvider {
  let initialized: Promise<void> | undefined;
  const ready = () =>
    (initialized ??= msal.initialize().catch((error: unknown) => {
      // A failed initialise is tried again next time rather than remembered forever.
      initialized = undefined;
      throw error;
    }));
  // The active account, or the only one: with several and none active, which agent this is must be asked.
  const account = (): AccountInfo | null => {
    const accounts = msal.getAllAccounts();
    return msal.getActiveAccount() ?? (accounts.length === 1 ? accounts[0]! : null);
  };

  const signInFor = (scopes: readonly string[]) => async () => {
    await ready();
    const result = await msal.acquireTokenPopup({ scopes: [...scopes] });
    if (result.account) msal.setActiveAccount(result.account);
  };

  const signInRequired = (scopes: readonly string[], cause: unknown) => new SignInRequiredError(SIGN_IN_AGAIN, signInFor(scopes), { cause });

  return {
    async getAccessToken(scopes, request) {
      await ready();
      const current = account();
      try {
        // Asked even without a cached account: under nested app auth the Teams host answers silently.
        const silent = { scopes: [...scopes], ...(current ? { account: current } : {}), ...(request?.forceRefresh ? { forceRefresh: true } : {}) };
        return (await msal.acquireTokenSilent(silent)).accessToken;
      } catch (error) {
        if (needsInteraction(error)) throw signInRequired(scopes, error);
        throw error;
      }
    },
    signedInUserId: () => account()?.localAccountId || undefined,
    signInRequired,
  };
}
