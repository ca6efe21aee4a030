import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { createQuery } from '@urql/solid';
import { requestFailureMessage } from '../../app/apiErrors';
import { createSubmission } from '../../app/submission';
import { apiClient } from '../../app/session';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import { bilingual, locale, t } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField, TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { createAttemptKey } from '../booking/attemptKey';

const ReplyTemplatesQuery = graphql(`
  query ReplyTemplates {
    templates(channel: EMAIL) {
      id
      name
      locale
      active
    }
    templateVariables {
      name
      labelFr
      labelEn
    }
  }
`);

const PreviewTemplateQuery = graphql(`
  query PreviewTemplate($templateId: ID!, $ticketId: ID!) {
    previewTemplate(templateId: $templateId, ticketId: $ticketId) {
      __typename
      ... on QueryPreviewTemplateSuccess {
        data {
          subject
          body
        }
      }
      ... on Error {
        messageFr
        messageEn
      }
    }
  }
`);

const SendTicketReplyMutation = graphql(`
  mutation SendTicketReply($input: SendTicketReplyInput!) {
    sendTicketReply(input: $input) {
      __typename
      ... on MutationSendTicketReplySuccess {
        data {
          id
          status
          error
          toAddresses
        }
      }
      ...ErrorFields
    }
  }
`);

/** `{{customer.name}}`: a template variable still waiting for a value. */
const placeholderPattern = /\{\{\s*([\w.]+)\s*\}\}/g;

interface Placeholder {
  name: string;
  field: 'subject' | 'body';
  index: number;
  length: number;
}

function placeholdersIn(text: string, field: Placeholder['field']): Placeholder[] {
  return [...text.matchAll(placeholderPattern)].map((match) => ({
    name: match[1] ?? '',
    field,
    index: match.index,
    length: match[0].length,
  }));
}

interface Draft {
  templateId?: string;
  subject: string;
  body: string;
}

/**
 * Answers the customer by e-mail from the ticket. A template fills in subject and text
 * (the office can edit both); variables that had no value stay as {{…}} and are listed,
 * each with a button that selects it, and the reply cannot leave before they are filled.
 */
export function ReplyForm(props: {
  ticketId: string;
  ticketNumber: number;
  /** Where the reply goes unless the office types another address. */
  defaultRecipient: string | undefined;
  disabled: boolean;
  ref?: (textarea: HTMLTextAreaElement) => void;
}) {
  const formId = createUniqueId();
  let bodyField: HTMLTextAreaElement | undefined;
  let subjectField: HTMLInputElement | undefined;
  let templateSelect: HTMLSelectElement | undefined;
  const [templates] = createQuery({ query: ReplyTemplatesQuery });
  const [draft, setDraft] = createSignal<Draft>({ subject: '', body: '' });
  const [to, setTo] = createSignal('');
  const [pendingTemplate, setPendingTemplate] = createSignal<string>();
  const [loadingTemplate, setLoadingTemplate] = createSignal(false);
  const [templateError, setTemplateError] = createSignal<string>();
  const [blocked, setBlocked] = createSignal<string>();
  const [lastFailure, setLastFailure] = createSignal<string>();
  const unsaved = trackUnsavedWork();
  const attempt = createAttemptKey();
  const submission = createSubmission();

  const activeTemplates = (language: string) =>
    (templates.data?.templates ?? []).filter((template) => template.active && template.locale === language);
  // The office's own language first: most customers are answered in it.
  const languages = () => (locale() === 'en' ? ['en', 'fr'] : ['fr', 'en']);
  const variableLabel = (name: string) => {
    const variable = templates.data?.templateVariables.find((candidate) => candidate.name === name);
    return variable ? bilingual({ messageFr: variable.labelFr, messageEn: variable.labelEn }) : name;
  };

  const placeholders = createMemo(() => [...placeholdersIn(draft().subject, 'subject'), ...placeholdersIn(draft().body, 'body')]);
  /** Each variable once, with where it first appears. */
  const missingVariables = createMemo(() => {
    const firstByName = new Map<string, Placeholder>();
    for (const found of placeholders()) if (!firstByName.has(found.name)) firstByName.set(found.name, found);
    return [...firstByName.values()];
  });

  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setBlocked(undefined);
    unsaved.changed();
  };

  const applyTemplate = async (templateId: string) => {
    setPendingTemplate(undefined);
    setLoadingTemplate(true);
    setTemplateError(undefined);
    const response = await apiClient()
      .query(PreviewTemplateQuery, { templateId, ticketId: props.ticketId }, { requestPolicy: 'network-only' })
      .toPromise();
    setLoadingTemplate(false);
    const preview = response.data?.previewTemplate;
    if (preview?.__typename !== 'QueryPreviewTemplateSuccess') {
      setTemplateError(
        preview && 'messageFr' in preview
          ? bilingual(preview)
          : response.error
            ? requestFailureMessage(response.error)
            : t('errors.unexpected'),
      );
      showChosenTemplate();
      return;
    }
    edit({ templateId, subject: preview.data.subject ?? '', body: preview.data.body });
    bodyField?.focus();
  };

  /** Picking a template over text the office already wrote asks first. */
  const chooseTemplate = (templateId: string) => {
    if (!templateId) return edit({ templateId: undefined });
    if (draft().body.trim() !== '') setPendingTemplate(templateId);
    else void applyTemplate(templateId);
  };

  /** The drop-down shows the template the text comes from, not one that was picked and not applied. */
  const showChosenTemplate = () => {
    if (templateSelect) templateSelect.value = draft().templateId ?? '';
  };
  const keepText = () => {
    setPendingTemplate(undefined);
    showChosenTemplate();
  };

  const select = (placeholder: Placeholder) => {
    const field = placeholder.field === 'body' ? bodyField : subjectField;
    field?.focus();
    field?.setSelectionRange(placeholder.index, placeholder.index + placeholder.length);
  };

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    if (draft().body.trim() === '') {
      setBlocked(t('reply.emptyBody'));
      bodyField?.focus();
      return;
    }
    const first = placeholders()[0];
    if (first) {
      setBlocked(t('reply.fillPlaceholders'));
      select(first);
      return;
    }
    setLastFailure(undefined);
    const input = {
      ticketId: props.ticketId,
      body: draft().body,
      subject: draft().subject.trim() || null,
      to: to().trim() || null,
      templateId: draft().templateId ?? null,
      idempotencyKey: attempt.current(),
    };
    const sent = await submission.submit(
      () => apiClient().mutation(SendTicketReplyMutation, { input }).toPromise(),
      (data) => data.sendTicketReply,
    );
    if (submission.typedError() || sent) attempt.settle();
    if (!sent) return;
    if (sent.data.status === 'FAILED') {
      // Recorded as failed in the timeline; the text stays here to try again.
      setLastFailure(t('reply.failed', { error: sent.data.error ?? '' }));
      return;
    }
    showToast({ message: () => t('reply.sent', { to: sent.data.toAddresses.join(', ') }), tone: 'success' });
    setDraft({ subject: '', body: '' });
    setTo('');
    unsaved.saved();
  };

  return (
    <Card title={t('reply.title')} headingLevel={2} class="reply-card" data-testid="reply-form">
      <form id={formId} class="stack" onSubmit={send} novalidate>
        <div class="reply-template">
          <label for={`${formId}-template`} class="field-label">
            {t('reply.template')}
          </label>
          <select
            ref={templateSelect}
            id={`${formId}-template`}
            name="template"
            class="input"
            disabled={props.disabled}
            aria-busy={loadingTemplate()}
            onChange={(event) => chooseTemplate(event.currentTarget.value)}
          >
            <option value="" selected={!draft().templateId}>
              {t('reply.noTemplate')}
            </option>
            <For each={languages()}>
              {(language) => (
                <optgroup label={t(language === 'fr' ? 'reply.templatesFr' : 'reply.templatesEn')}>
                  <For each={activeTemplates(language)}>
                    {(template) => (
                      <option value={template.id} selected={draft().templateId === template.id}>
                        {template.name}
                      </option>
                    )}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
        </div>
        <ErrorAlert message={templateError()} />
        <div class="reply-addressing">
          <TextField
            label={t('reply.to')}
            name="to"
            type="email"
            autocomplete="off"
            hint={props.defaultRecipient ? t('reply.toDefault', { address: props.defaultRecipient }) : t('reply.toMissing')}
            required={!props.defaultRecipient}
            value={to()}
            placeholder={props.defaultRecipient}
            disabled={props.disabled}
            error={submission.fieldError('to')}
            onInput={(event) => {
              setTo(event.currentTarget.value);
              unsaved.changed();
            }}
          />
          <TextField
            ref={subjectField}
            label={t('reply.subject')}
            name="subject"
            hint={t('reply.subjectDefault', { number: props.ticketNumber })}
            value={draft().subject}
            disabled={props.disabled}
            error={submission.fieldError('subject')}
            onInput={(event) => edit({ subject: event.currentTarget.value })}
          />
        </div>
        <TextAreaField
          ref={(element) => {
            bodyField = element;
            props.ref?.(element);
          }}
          label={t('reply.body')}
          name="body"
          required
          rows={10}
          value={draft().body}
          disabled={props.disabled}
          error={submission.fieldError('body')}
          onInput={(event) => edit({ body: event.currentTarget.value })}
        />
        <Show when={missingVariables().length > 0}>
          <Alert tone="warning" title={t('reply.placeholdersTitle')}>
            <ul class="plain reply-placeholders" data-testid="reply-placeholders">
              <For each={missingVariables()}>
                {(placeholder) => (
                  <li>
                    <mark class="placeholder">{`{{${placeholder.name}}}`}</mark> {variableLabel(placeholder.name)}{' '}
                    <button type="button" class="link-button" onClick={() => select(placeholder)}>
                      {t('reply.selectPlaceholder')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Alert>
        </Show>
        <ErrorAlert message={blocked() ?? lastFailure() ?? submission.message()} />
        <div class="cluster">
          <Button type="submit" busy={submission.pending()} disabled={props.disabled}>
            {submission.pending() ? t('reply.sending') : t('reply.send')}
          </Button>
        </div>
      </form>
      <Dialog
        open={pendingTemplate() !== undefined}
        title={t('reply.replaceTitle')}
        onClose={keepText}
        actions={
          <>
            <Button variant="secondary" onClick={keepText}>
              {t('reply.keepText')}
            </Button>
            <Button onClick={() => void applyTemplate(pendingTemplate() ?? '')}>{t('reply.replace')}</Button>
          </>
        }
      >
        <p>{t('reply.replaceBody')}</p>
      </Dialog>
    </Card>
  );
}
