import { createSignal, Show } from 'solid-js';
import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { homePathByRole } from '../../app/roles';
import { apiClient, refreshSession, sessionExpired, signedInUser } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { AuthLayout } from './AuthLayout';
import { formValues, returnPathQuery, safeReturnPath } from './authForms';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on MutationLoginSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export function LoginPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams<{ next?: string }>();
  const submission = createSubmission();
  const unsaved = trackUnsavedWork();
  const [cookieRefused, setCookieRefused] = createSignal(false);
  const homePath = () => {
    const user = signedInUser();
    return user ? (safeReturnPath(searchParams.next) ?? homePathByRole[user.role]) : '/';
  };

  const handleSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    setCookieRefused(false);
    const { email, password } = formValues(event.currentTarget, ['email', 'password']);
    const success = await submission.submit(
      () => apiClient().mutation(LoginMutation, { email, password }).toPromise(),
      (data) => data.login,
    );
    if (!success) return;
    unsaved.saved();
    await refreshSession();
    // Logged in but the next request was anonymous: the browser refused the session cookie.
    if (signedInUser()) navigate(homePath(), { replace: true });
    else setCookieRefused(true);
  };

  return (
    <Show when={!signedInUser()} fallback={<Navigate href={homePath()} />}>
      <AuthLayout
        title={t('login.title')}
        intro={t('login.intro')}
        footer={
          <>
            <p>{t('login.noAccount')}</p>
            <a href={`/signup${returnPathQuery(searchParams.next)}`}>{t('login.createAccount')}</a>
            <p class="auth-footer-aside">
              {t('login.bookWithoutAccount')} <a href="/book">{t('login.bookOnline')}</a>
            </p>
          </>
        }
      >
        <Show when={sessionExpired()}>
          <Alert tone="info">{t('login.sessionExpired')}</Alert>
        </Show>
        <form class="stack" novalidate onSubmit={handleSubmit} onInput={() => unsaved.changed()}>
          <ErrorAlert message={cookieRefused() ? t('login.cookieRefused') : submission.message()} />
          <TextField
            label={t('form.email')}
            name="email"
            type="email"
            autocomplete="username"
            inputmode="email"
            required
            error={submission.fieldError('email')}
          />
          <TextField
            label={t('form.password')}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            error={submission.fieldError('password')}
          />
          <Button type="submit" size="lg" block busy={submission.pending()}>
            {submission.pending() ? t('login.submitting') : t('login.submit')}
          </Button>
          <a href="/forgot-password" class="small">
            {t('login.forgotPassword')}
          </a>
        </form>
      </AuthLayout>
    </Show>
  );
}
