import { createSignal, For, Show } from 'solid-js';
import { foldForSearch } from '../../../../api/resolvers/customerSearchText.ts';
import { t } from '../../i18n';
import { formatMoney } from '../../i18n/format';
import type { LocalCatalogItem } from '../../offline/db';
import { createLocalQuery } from '../../offline/localQuery';
import { TextField } from '../../ui/TextField';
import { useOffline } from './offlineContext';

const shownMatches = 6;

/** The price catalogue kept on the device, searched by label or code (case and accents ignored); a tap picks an item. */
export function CatalogPicker(props: { name: string; onPick: (item: LocalCatalogItem) => void }) {
  const { db } = useOffline();
  const [search, setSearch] = createSignal('');
  const catalog = createLocalQuery(() => db.catalog.orderBy('label').toArray());
  const matches = () => {
    const words = foldForSearch(search()).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return (catalog()?.value ?? [])
      .filter((item) => {
        const text = foldForSearch(`${item.label} ${item.code}`);
        return words.every((word) => text.includes(word));
      })
      .slice(0, shownMatches);
  };
  return (
    <div class="catalog-picker">
      <TextField
        label={t('technician.catalogSearch')}
        name={props.name}
        type="search"
        value={search()}
        onInput={(event) => setSearch(event.currentTarget.value)}
        autocomplete="off"
      />
      <Show when={search().trim() !== '' && matches().length === 0}>
        <p class="muted">{t('technician.catalogNoMatch')}</p>
      </Show>
      <ul class="plain catalog-matches">
        <For each={matches()}>
          {(item) => (
            <li>
              <button
                type="button"
                class="catalog-match"
                onClick={() => {
                  props.onPick(item);
                  setSearch('');
                }}
              >
                <span class="catalog-match-label">{item.label}</span>
                <span class="muted">
                  {formatMoney(item.unitPriceCents)} / {item.unit}
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
