// Who is signed in, and the urql client that talks to the API on their behalf.
import { createSignal } from 'solid-js';
import type { Client } from '@urql/core';
import { graphql } from '../gql';
import type { Locale, Role } from '../gql/graphql';
import { locale, localeWasChosenHere, setLocale, type AppLocale } from '../i18n';
import { createApiClient, type ApiClient } from './urqlClient';

const SessionUserQuery = graphql(`
  query SessionUser {
    me {
      id
      name
      email
      role
      locale
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const UpdateMyLocaleMutation = graphql(`
  mutation UpdateMyLocale($locale: Locale!) {
    updateMyLocale(locale: $locale) {
      id
      locale
    }
  }
`);

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
}

export type SessionState = { status: 'starting' } | { status: 'signedOut'; expired: boolean } | { status: 'signedIn'; user: SessionUser };

const [session, setSession] = createSignal<SessionState>({ status: 'starting' });
export { session };

let api: ApiClient = createApiClient({ signedIn: false, onUnauthenticated: expireSession });
const [currentClient, setCurrentClient] = createSignal<Client>(api.client);
/** The urql client of the current session; it changes at sign-in and sign-out. */
export const apiClient = currentClient;

export function signedInUser(): SessionUser | undefined {
  const state = session();
  return state.status === 'signedIn' ? state.user : undefined;
}

/** The server ended the session (rather than the person signing out). */
export function sessionExpired(): boolean {
  const state = session();
  return state.status === 'signedOut' && state.expired;
}

// The last signed-in user is remembered on the device so the app can open offline
// (a technician in a basement); the server's cookie still decides every access.
const rememberedUserKey = 'relais.session.user';

function rememberUser(user: SessionUser | undefined): void {
  try {
    if (user) localStorage.setItem(rememberedUserKey, JSON.stringify(user));
    else localStorage.removeItem(rememberedUserKey);
  } catch {
    // Without storage the app simply needs the network to start.
  }
}

function rememberedUser(): SessionUser | undefined {
  try {
    const stored = localStorage.getItem(rememberedUserKey);
    return stored ? (JSON.parse(stored) as SessionUser) : undefined;
  } catch {
    return undefined;
  }
}

function replaceClient(signedIn: boolean): void {
  api.dispose();
  api = createApiClient({ signedIn, onUnauthenticated: expireSession });
  setCurrentClient(() => api.client);
}

function enterSession(user: SessionUser): void {
  const alreadySignedIn = signedInUser()?.id === user.id;
  if (!alreadySignedIn) replaceClient(true);
  rememberUser(user);
  setSession({ status: 'signedIn', user });
  reconcileLocale(user);
}

function leaveSession(expired: boolean): void {
  replaceClient(false);
  rememberUser(undefined);
  setSession({ status: 'signedOut', expired });
}

/**
 * Opens the app at once for the user remembered on this device, then asks the
 * server who the session cookie really belongs to.
 */
export async function startSession(): Promise<void> {
  const remembered = rememberedUser();
  if (remembered) enterSession(remembered);
  await refreshSession();
}

/**
 * Asks the server who the session cookie belongs to: at start-up, and right after a
 * login or sign-up (the cookie has just been set). Returns false when the server
 * could not be reached.
 */
export async function refreshSession(): Promise<boolean> {
  const result = await apiClient().query(SessionUserQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (!result.data) {
    if (session().status === 'starting') setSession({ status: 'signedOut', expired: false });
    return false;
  }
  const { me } = result.data;
  if (me) enterSession(me);
  else if (session().status === 'signedIn') leaveSession(true);
  // Nobody was signed in: keep the anonymous client (replacing it would remount the screen being typed in).
  else setSession({ status: 'signedOut', expired: false });
  return true;
}

/** The server no longer knows the session (expired, revoked): back to the login screen. */
function expireSession(): void {
  if (session().status === 'signedIn') leaveSession(true);
}

/** Signs out on the server first, so a shared device never keeps a live cookie. */
export async function signOut(): Promise<{ ok: boolean }> {
  const result = await apiClient().mutation(LogoutMutation, {}).toPromise();
  if (result.error) return { ok: false };
  leaveSession(false);
  return { ok: true };
}

/** Switches the interface language and saves it on the account when signed in. */
export function chooseLocale(next: AppLocale): void {
  setLocale(next);
  if (signedInUser()) void saveAccountLocale(next);
}

async function saveAccountLocale(next: AppLocale): Promise<void> {
  const result = await apiClient().mutation(UpdateMyLocaleMutation, { locale: next }).toPromise();
  const user = signedInUser();
  if (result.data && user) {
    const updated = { ...user, locale: result.data.updateMyLocale.locale };
    rememberUser(updated);
    setSession({ status: 'signedIn', user: updated });
  }
}

/**
 * A language picked on this device wins (the person just chose it) and is saved to
 * the account; otherwise the account's language applies.
 */
function reconcileLocale(user: SessionUser): void {
  if (!localeWasChosenHere()) setLocale(user.locale);
  else if (locale() !== user.locale) void saveAccountLocale(locale());
}
