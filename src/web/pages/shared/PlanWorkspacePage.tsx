/**
 * A shared case's plan, final report, documents and messages on a page of their own
 * (`/shared/:id/plan`), for every organisation that shares the case. Temporary: the shared case page
 * (`/shared/:id`) will show the same panels as its tabs.
 */
import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSharedCase } from '../../api/referrals.ts';
import { StageBadge } from '../../components/CaseBadges.tsx';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { FinalReportPanel } from './FinalReportPanel.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';

const TABS = ['plan', 'report', 'documents', 'messages'] as const;
type WorkspaceTab = (typeof TABS)[number];

function isTab(value: string | null): value is WorkspaceTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function PlanWorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useSharedCase(id);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: WorkspaceTab = isTab(tabParam) ? tabParam : 'plan';
  const view = query.data;
  const title = view ? t('plan.workspace.title', { reference: view.reference }) : t('plan.title');

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Anchor component={Link} to={`/shared/${encodeURIComponent(id)}`}>
            {t('plan.workspace.back')}
          </Anchor>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('plan.workspace.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : view ? (
        <Stack gap="lg" data-stage={view.stage} data-relation={view.relation}>
          <Group gap="sm" data-testid="workspace-stage">
            <StageBadge stage={view.stage} size="lg" />
          </Group>
          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (value === 'plan' || !isTab(value)) next.delete('tab');
                  else next.set('tab', value);
                  return next;
                },
                { replace: true },
              )
            }
            keepMounted={false}
          >
            <Tabs.List aria-label={t('plan.workspace.tabsLabel')}>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`${name}.tab`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="plan" pt="md">
              <PlanPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="report" pt="md">
              <FinalReportPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <DocumentsPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="messages" pt="md">
              <MessagesPanel caseId={view.id} view={view} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
