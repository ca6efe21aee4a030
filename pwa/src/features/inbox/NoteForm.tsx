import { createSignal } from 'solid-js';
import { createSubmission } from '../../app/submission';
import { apiClient } from '../../app/session';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/TextField';
import { createAttemptKey } from '../booking/attemptKey';

const AddTicketNoteMutation = graphql(`
  mutation AddTicketNote($ticketId: ID!, $body: String!, $idempotencyKey: String) {
    addTicketNote(ticketId: $ticketId, body: $body, idempotencyKey: $idempotencyKey) {
      __typename
      ... on MutationAddTicketNoteSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

/** An internal note in the timeline: for the office, never sent to the customer. */
export function NoteForm(props: { ticketId: string; disabled: boolean }) {
  const [body, setBody] = createSignal('');
  const [blocked, setBlocked] = createSignal<string>();
  const unsaved = trackUnsavedWork();
  const attempt = createAttemptKey();
  const submission = createSubmission();

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (body().trim() === '') {
      setBlocked(t('note.empty'));
      return;
    }
    const variables = { ticketId: props.ticketId, body: body(), idempotencyKey: attempt.current() };
    const added = await submission.submit(
      () => apiClient().mutation(AddTicketNoteMutation, variables).toPromise(),
      (data) => data.addTicketNote,
    );
    if (submission.typedError() || added) attempt.settle();
    if (!added) return;
    setBody('');
    unsaved.saved();
  };

  return (
    <Card title={t('note.title')} headingLevel={2}>
      <form class="stack" onSubmit={add} novalidate>
        <TextAreaField
          label={t('note.body')}
          hint={t('note.hint')}
          name="note"
          required
          rows={3}
          value={body()}
          disabled={props.disabled}
          error={submission.fieldError('body')}
          onInput={(event) => {
            setBody(event.currentTarget.value);
            setBlocked(undefined);
            unsaved.changed();
          }}
        />
        <ErrorAlert message={blocked() ?? submission.message()} />
        <div class="cluster">
          <Button type="submit" variant="secondary" busy={submission.pending()} disabled={props.disabled}>
            {t('note.add')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
