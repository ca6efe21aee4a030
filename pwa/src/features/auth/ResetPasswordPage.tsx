import { createSignal, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { AuthLayout } from './AuthLayout';
import { formValues } from './authForms';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      __typename
      ...ErrorFields
    }
  }
`);

/** Reached from the e-mailed link /reset-password?token=…; the token is single-use. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams<{ token?: string }>();
  const submission = createSubmission();
  const unsaved = trackUnsavedWork();
  const [done, setDone] = createSignal(false);
  const [mismatch, setMismatch] = createSignal(false);
  const token = () => searchParams.token ?? '';

  const handleSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const { password, passwordConfirmation } = formValues(event.currentTarget, ['password', 'passwordConfirmation']);
    setMismatch(password !== passwordConfirmation);
    if (mismatch()) return;
    const success = await submission.submit(
      () => apiClient().mutation(ResetPasswordMutation, { token: token(), password }).toPromise(),
      (data) => data.resetPassword,
    );
    if (!success) return;
    unsaved.saved();
    setDone(true);
  };

  return (
    <AuthLayout title={t('reset.title')} footer={<a href="/login">{t('auth.backToLogin')}</a>}>
      <Show
        when={token()}
        fallback={
          <Alert tone="danger">
            {t('reset.missingToken')} <a href="/forgot-password">{t('reset.requestNewLink')}</a>
          </Alert>
        }
      >
        <Show
          when={!done()}
          fallback={
            <div class="stack">
              <Alert tone="success">{t('reset.done')}</Alert>
              <ButtonLink href="/login" size="lg" block>
                {t('reset.goToLogin')}
              </ButtonLink>
            </div>
          }
        >
          <form class="stack" novalidate onSubmit={handleSubmit} onInput={() => unsaved.changed()}>
            <ErrorAlert message={submission.message()} />
            <Show when={submission.failureCode() === 'INVALID_TOKEN'}>
              <a href="/forgot-password">{t('reset.requestNewLink')}</a>
            </Show>
            <TextField
              label={t('form.newPassword')}
              name="password"
              type="password"
              autocomplete="new-password"
              hint={t('form.passwordRule')}
              required
              error={submission.fieldError('password')}
            />
            <TextField
              label={t('reset.confirmation')}
              name="passwordConfirmation"
              type="password"
              autocomplete="new-password"
              required
              error={mismatch() ? t('reset.mismatch') : undefined}
            />
            <Button type="submit" size="lg" block busy={submission.pending()}>
              {t('reset.submit')}
            </Button>
          </form>
        </Show>
      </Show>
    </AuthLayout>
  );
}
