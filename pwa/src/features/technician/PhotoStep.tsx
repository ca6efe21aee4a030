import { createSignal, For, onCleanup, Show, untrack } from 'solid-js';
import { t } from '../../i18n';
import { formatTime } from '../../i18n/format';
import type { LocalPhoto, OutboxEntry, PhotoKind } from '../../offline/db';
import { createLocalQuery } from '../../offline/localQuery';
import { addPhoto } from '../../offline/onSite';
import { Alert } from '../../ui/Alert';
import { useOffline } from './offlineContext';
import { SyncStateBadge, entryStateOf } from './SyncStateBadge';

function PhotoTile(props: { photo: LocalPhoto; entries: OutboxEntry[] }) {
  // A photo's bytes never change once taken.
  const url = URL.createObjectURL(untrack(() => props.photo.image));
  onCleanup(() => URL.revokeObjectURL(url));
  const [unreadable, setUnreadable] = createSignal(false);
  const state = () => {
    const photoId = props.photo.id;
    return entryStateOf(props.entries, (operation) => operation.kind === 'uploadPhoto' && operation.photoId === photoId);
  };
  return (
    <li class="photo-tile">
      <Show when={!unreadable()} fallback={<div class="photo-unreadable">{t('technician.photoUnreadable')}</div>}>
        <img
          src={url}
          alt={t(props.photo.kind === 'BEFORE' ? 'technician.photoBeforeAlt' : 'technician.photoAfterAlt', {
            time: formatTime(props.photo.takenAt),
          })}
          onError={() => setUnreadable(true)}
        />
      </Show>
      <div class="photo-caption">
        <span>
          {t(props.photo.kind === 'BEFORE' ? 'technician.before' : 'technician.after')} · {formatTime(props.photo.takenAt)}
        </span>
        <SyncStateBadge state={state()} />
      </div>
    </li>
  );
}

function TakePhotoButton(props: { kind: PhotoKind; onFile: (kind: PhotoKind, file: File) => void; busy: boolean }) {
  return (
    <label class="button button-secondary button-lg button-block photo-take" aria-busy={props.busy ? 'true' : undefined}>
      {t(props.kind === 'BEFORE' ? 'technician.takeBefore' : 'technician.takeAfter')}
      <input
        type="file"
        accept="image/*"
        capture="environment"
        class="visually-hidden"
        data-photo-kind={props.kind}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) props.onFile(props.kind, file);
        }}
      />
    </label>
  );
}

/** Before and after photos from the phone's camera, shrunk and kept on the device until they are sent. */
export function PhotoStep(props: { appointmentId: string; entries: OutboxEntry[] }) {
  const { db, changed } = useOffline();
  const photos = createLocalQuery(
    (id) => db.photos.where('appointmentId').equals(id).sortBy('takenAt'),
    () => props.appointmentId,
  );
  // Ids are stable strings: a new read of the table keeps each tile (and its image) in place.
  const photoIds = () => (photos()?.value ?? []).map((photo) => photo.id);
  const photoById = (id: string) => photos()?.value.find((photo) => photo.id === id);
  const [saving, setSaving] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();

  const onFile = async (kind: PhotoKind, file: File) => {
    setSaving(true);
    try {
      const decoded = await addPhoto(db, props.appointmentId, kind, file);
      setNotice(decoded ? undefined : t('technician.photoKeptAsIs'));
      changed();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="stack">
      <div class="photo-buttons">
        <TakePhotoButton kind="BEFORE" onFile={onFile} busy={saving()} />
        <TakePhotoButton kind="AFTER" onFile={onFile} busy={saving()} />
      </div>
      <Show when={notice()}>{(message) => <Alert tone="warning">{message()}</Alert>}</Show>
      <Show when={photoIds().length > 0} fallback={<p class="muted">{t('technician.noPhotos')}</p>}>
        <ul class="plain photo-grid" data-testid="photos">
          <For each={photoIds()}>
            {(id) => <Show when={photoById(id)}>{(photo) => <PhotoTile photo={photo()} entries={props.entries} />}</Show>}
          </For>
        </ul>
      </Show>
    </div>
  );
}
