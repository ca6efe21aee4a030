import { createSignal, onCleanup, Show, untrack } from 'solid-js';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { DrawnSignature } from '../../offline/db';
import { TextField } from '../../ui/TextField';
import { Button } from '../../ui/Button';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { SyncStateBadge, type ItemSyncState } from './SyncStateBadge';

/** A signature already given: who, when, the drawing, and whether the server has it. */
export function SignedBy(props: { signature: DrawnSignature; state: ItemSyncState; testId: string }) {
  // A given signature never changes.
  const url = URL.createObjectURL(untrack(() => props.signature.image));
  onCleanup(() => URL.revokeObjectURL(url));
  return (
    <div class="signed" data-testid={props.testId}>
      <img class="signed-image" src={url} alt={t('technician.signatureOf', { name: props.signature.signerName })} />
      <p>
        <strong>{t('technician.signedBy', { name: props.signature.signerName, when: formatDateTime(props.signature.signedAt) })}</strong>
      </p>
      <SyncStateBadge state={props.state} />
    </div>
  );
}

/**
 * The customer's name and drawn signature, then one button. `sign` receives both; the
 * caller binds them to the content's hash.
 */
export function SignatureForm(props: {
  defaultName: string;
  padLabel: string;
  submitLabel: string;
  nameField: string;
  sign: (signerName: string, image: Blob) => Promise<void>;
}) {
  const [signerName, setSignerName] = createSignal(props.defaultName);
  const [hasInk, setHasInk] = createSignal(false);
  const [signing, setSigning] = createSignal(false);
  let pad: SignaturePadHandle | undefined;
  const submit = async () => {
    const image = await pad?.toBlob();
    if (!image || signerName().trim() === '') return;
    setSigning(true);
    try {
      await props.sign(signerName().trim(), image);
    } finally {
      setSigning(false);
    }
  };
  return (
    <div class="stack">
      <TextField
        label={t('technician.signerName')}
        name={props.nameField}
        required
        value={signerName()}
        onInput={(event) => setSignerName(event.currentTarget.value)}
        autocomplete="name"
      />
      <SignaturePad label={props.padLabel} onInk={setHasInk} ref={(handle) => (pad = handle)} />
      <Show when={!hasInk()}>
        <p class="muted">{t('technician.signatureMissing')}</p>
      </Show>
      <Button size="lg" block onClick={() => void submit()} disabled={!hasInk() || signerName().trim() === ''} busy={signing()}>
        {props.submitLabel}
      </Button>
    </div>
  );
}
