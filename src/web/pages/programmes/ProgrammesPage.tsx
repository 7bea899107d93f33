import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useProgrammes, type ProgrammeListQuery, type ProgrammeSummary } from '../../api/programmes.ts';
import { useFormat } from '../../components/format.ts';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { ModalityBadge, ProgrammeStatusBadge, StageBadge, useLanguage } from './display.tsx';
import { matchesSearch } from './inventory.ts';
import { COMPONENT_STAGES, isOneOf, MODALITIES, PROGRAMME_STATUSES } from './vocab.ts';

/** How many countries a row names before "and n more". */
const COUNTRIES_SHOWN = 3;

function deletedName(state: unknown): string | null {
  return typeof state === 'object' &&
    state !== null &&
    'deleted' in state &&
    typeof state.deleted === 'string'
    ? state.deleted
    : null;
}

/** The filters live in the address (?countryOfReturn=&stage=&…), so they survive reloads and back. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage');
  const modality = params.get('modality');
  const status = params.get('status');
  const country = params.get('countryOfReturn');
  const query: ProgrammeListQuery = {
    ...(country && /^[A-Z]{2}$/.test(country) ? { countryOfReturn: country } : {}),
    ...(params.get('funder') ? { funderOrganisationId: params.get('funder') ?? undefined } : {}),
    ...(isOneOf(COMPONENT_STAGES, stage) ? { stage } : {}),
    ...(isOneOf(MODALITIES, modality) ? { modality } : {}),
    ...(isOneOf(PROGRAMME_STATUSES, status) ? { status } : {}),
  };
  const q = params.get('q') ?? '';
  function update(changes: Record<string, string | undefined>): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }
  return { query, q, update };
}

function Countries({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = codes.map((c) => format.country(c) ?? c);
  const shown = names.slice(0, COUNTRIES_SHOWN).join(', ');
  const more = names.length - COUNTRIES_SHOWN;
  if (more <= 0) return <>{shown}</>;
  return (
    <span title={names.join(', ')}>{t('programmes.list.countriesMore', { countries: shown, n: more })}</span>
  );
}

function ProgrammeTable({
  items,
  caption,
  busy,
}: {
  items: ProgrammeSummary[];
  caption: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useLanguage();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="programmes-table" aria-busy={busy}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programmes.list.name')}</Table.Th>
            <Table.Th scope="col">{t('programmes.list.funder')}</Table.Th>
            <Table.Th scope="col">{t('programmes.list.countries')}</Table.Th>
            <Table.Th scope="col">{t('programmes.list.offers')}</Table.Th>
            <Table.Th scope="col">{t('programmes.list.status')}</Table.Th>
            <Table.Th scope="col">{t('programmes.list.validity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-code={p.code} data-countries={p.countriesOfReturn.join(' ')}>
              <Table.Th scope="row" fw={500} maw={320}>
                <Anchor component={Link} to={`/programmes/${p.id}`} className="hw-break">
                  {p.name[lang] ?? p.name.en}
                </Anchor>
                <Text size="xs" c="dimmed" dir="ltr" className="hw-break" style={{ textAlign: 'start' }}>
                  {p.code}
                </Text>
              </Table.Th>
              <Table.Td className="hw-break">{p.funder.name}</Table.Td>
              <Table.Td maw={240}>
                <Countries codes={p.countriesOfReturn} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.stages.map((s) => (
                    <StageBadge key={s} stage={s} />
                  ))}
                  {p.modalities.map((m) => (
                    <ModalityBadge key={m} modality={m} />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <ProgrammeStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.validTo
                  ? t('programmes.list.validFromTo', {
                      from: format.date(p.validFrom),
                      to: format.date(p.validTo),
                    })
                  : t('programmes.list.validFrom', { from: format.date(p.validFrom) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The assistance inventory: every published programme, and the drafts of one's own organisation. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useLanguage();
  const canManage = useCan('programmes:manage');
  const filters = useFilters();
  const list = useProgrammes(filters.query);
  // The funders to choose from: those of the whole inventory (the same list the editor uses).
  const everything = useProgrammes({});
  const [search, setSearch] = useState(filters.q);
  const location = useLocation();
  const [deleted, setDeleted] = useState<string | null>(() => deletedName(location.state));
  useEffect(() => setSearch(filters.q), [filters.q]);

  const funders = useMemo(() => {
    const byId = new Map((everything.data?.items ?? []).map((p) => [p.funder.id, p.funder.name]));
    return [...byId]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [everything.data]);

  const items = (list.data?.items ?? []).filter((p) => matchesSearch(p, filters.q, lang));
  const filtered = Object.keys(filters.query).length > 0 || filters.q.trim() !== '';
  const status = filters.query.status;

  function clearAll(): void {
    setSearch('');
    filters.update({
      q: undefined,
      countryOfReturn: undefined,
      funder: undefined,
      stage: undefined,
      modality: undefined,
      status: undefined,
    });
  }

  return (
    <>
      <PageHeader
        title={t('programmes.list.title')}
        intro={t('programmes.list.intro')}
        actions={
          <>
            <Button component={Link} to="/programmes/compare" variant="default">
              {t('programmes.list.compare')}
            </Button>
            {canManage && (
              <Button component={Link} to="/programmes/new">
                {t('programmes.list.new')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <div aria-live="polite">
          {deleted && (
            <Alert
              color="green"
              variant="light"
              withCloseButton
              onClose={() => setDeleted(null)}
              closeButtonLabel={t('common.close')}
            >
              {t('programmes.list.deleted', { name: deleted })}
            </Alert>
          )}
        </div>
        <form
          role="search"
          aria-label={t('programmes.list.searchLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            filters.update({ q: search || undefined });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              label={t('programmes.list.searchLabel')}
              description={t('programmes.list.searchHint')}
              value={search}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setSearch(value);
                filters.update({ q: value || undefined });
              }}
              style={{ flex: '1 1 320px' }}
              maxLength={100}
            />
          </Group>
        </form>
        <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-labelledby="programme-filters">
          <VisuallyHidden id="programme-filters">{t('programmes.list.filters')}</VisuallyHidden>
          <Select
            label={t('programmes.list.countryOfReturn')}
            placeholder={t('programmes.list.anyCountry')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('programmes.list.clearCountry') }}
            nothingFoundMessage={t('common.nothingFound')}
            data={format.countryOptions()}
            value={filters.query.countryOfReturn ?? null}
            onChange={(code) => filters.update({ countryOfReturn: code ?? undefined })}
            w={230}
            comboboxProps={{ withinPortal: true }}
          />
          <NativeSelect
            label={t('programmes.list.funder')}
            value={filters.query.funderOrganisationId ?? ''}
            onChange={(e) => filters.update({ funder: e.currentTarget.value || undefined })}
            data={[{ value: '', label: t('programmes.list.anyFunder') }, ...funders]}
            w={230}
          />
          <NativeSelect
            label={t('programmes.list.stage')}
            value={filters.query.stage ?? ''}
            onChange={(e) => filters.update({ stage: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('programmes.list.anyStage') },
              ...COMPONENT_STAGES.map((s) => ({ value: s, label: t(`programmes.stages.${s}`) })),
            ]}
            w={190}
          />
          <NativeSelect
            label={t('programmes.list.modality')}
            value={filters.query.modality ?? ''}
            onChange={(e) => filters.update({ modality: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('programmes.list.anyModality') },
              ...MODALITIES.map((m) => ({ value: m, label: t(`programmes.modalities.${m}`) })),
            ]}
            w={170}
          />
          <NativeSelect
            label={t('programmes.list.status')}
            value={status ?? ''}
            onChange={(e) => filters.update({ status: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('programmes.list.anyStatus') },
              ...PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`programmes.statuses.${s}`) })),
            ]}
            w={170}
          />
          {filtered && (
            <Button variant="default" onClick={clearAll}>
              {t('programmes.list.clearFilters')}
            </Button>
          )}
        </Group>

        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Text role="status">
            {filtered ? t('programmes.list.emptyFiltered') : t('programmes.list.empty')}
          </Text>
        ) : (
          <ProgrammeTable
            items={items}
            busy={list.isPlaceholderData}
            caption={t('programmes.list.caption', { n: items.length })}
          />
        )}
      </Stack>
    </>
  );
}
