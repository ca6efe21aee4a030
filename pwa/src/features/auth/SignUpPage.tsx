import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { homePathByRole } from '../../app/roles';
import { apiClient, refreshSession, signedInUser } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import { locale, t } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { AuthLayout } from './AuthLayout';
import { formValues, returnPathQuery, safeReturnPath } from './authForms';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on MutationSignUpSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

/** A customer creates their own account; they are signed in straight away (and return where they came from). */
export function SignUpPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams<{ next?: string }>();
  const submission = createSubmission();
  const unsaved = trackUnsavedWork();

  const handleSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['name', 'email', 'password', 'phone', 'postalCode']);
    const input = {
      name: values.name,
      email: values.email,
      password: values.password,
      phone: values.phone || null,
      postalCode: values.postalCode || null,
      // E-mails and SMS go out in the language the account was created in.
      locale: locale(),
    };
    const success = await submission.submit(
      () => apiClient().mutation(SignUpMutation, { input }).toPromise(),
      (data) => data.signUp,
    );
    if (!success) return;
    unsaved.saved();
    await refreshSession();
    navigate(safeReturnPath(searchParams.next) ?? homePathByRole.CLIENT, { replace: true });
  };

  return (
    <Show when={!signedInUser()} fallback={<Navigate href={safeReturnPath(searchParams.next) ?? '/'} />}>
      <AuthLayout
        title={t('signUp.title')}
        intro={t('signUp.intro')}
        footer={
          <>
            <p>{t('signUp.haveAccount')}</p>
            <a href={`/login${returnPathQuery(searchParams.next)}`}>{t('signUp.goToLogin')}</a>
          </>
        }
      >
        <form class="stack" novalidate onSubmit={handleSubmit} onInput={() => unsaved.changed()}>
          <ErrorAlert message={submission.message()} />
          <TextField label={t('form.fullName')} name="name" autocomplete="name" required error={submission.fieldError('name')} />
          <TextField
            label={t('form.email')}
            name="email"
            type="email"
            autocomplete="email"
            inputmode="email"
            required
            error={submission.fieldError('email')}
          />
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
            label={t('form.phone')}
            name="phone"
            type="tel"
            autocomplete="tel"
            hint={t('signUp.phoneHint')}
            error={submission.fieldError('phone')}
          />
          <TextField
            label={t('form.postalCode')}
            name="postalCode"
            autocomplete="postal-code"
            inputmode="numeric"
            class="field-short"
            error={submission.fieldError('postalCode')}
          />
          <Button type="submit" size="lg" block busy={submission.pending()}>
            {t('signUp.submit')}
          </Button>
        </form>
      </AuthLayout>
    </Show>
  );
}
