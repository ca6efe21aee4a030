import { For, Show } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { OfficeOverviewTiles } from '../office/OfficeOverviewTiles';

const StaffUsersQuery = graphql(`
  query StaffUsers {
    staffUsers {
      id
      name
      email
      role
      active
    }
  }
`);

export default function ManagerHome() {
  usePageTitle(() => t('manager.title'));
  const staff = createLiveQuery({ query: StaffUsersQuery });

  return (
    <div class="stack manager-home" data-testid="home-manager">
      <h1>{t('manager.title')}</h1>
      <OfficeOverviewTiles variant="tiles" headingLevel={2} />
      <Card
        title={t('manager.staff')}
        actions={<LiveStatus updatedAt={staff.updatedAt()} error={staff.result.error} onRetry={staff.refresh} />}
      >
        <Show when={staff.result.data?.staffUsers} fallback={<Loading />}>
          {(users) => (
            <div class="table-scroll">
              <table class="data-table">
                <caption class="visually-hidden">{t('manager.staff')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('manager.staffName')}</th>
                    <th scope="col">{t('manager.staffEmail')}</th>
                    <th scope="col">{t('manager.staffRole')}</th>
                    <th scope="col">{t('manager.staffStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={users()}>
                    {(user) => (
                      <tr>
                        <th scope="row">{user.name}</th>
                        <td>
                          <a href={`mailto:${user.email}`}>{user.email}</a>
                        </td>
                        <td>{t(`role.${user.role}`)}</td>
                        <td>
                          <Badge tone={user.active ? 'success' : 'neutral'}>
                            {user.active ? t('manager.active') : t('manager.inactive')}
                          </Badge>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Show>
      </Card>
    </div>
  );
}
