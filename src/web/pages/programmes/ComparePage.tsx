import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SITUATIONS } from '../../../domain/programmes/households.ts';
import { useCompareProgrammes, type HouseholdDescription } from '../../api/eligibility.ts';
import { RETURN_TYPES } from '../../api/types.ts';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { CountrySelect } from '../../components/LegalFields.tsx';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import { CompareChart } from './CompareChart.tsx';
import {
  draftFromQuery,
  hasHousehold,
  paramsFor,
  queryFromParams,
  stagesOffered,
  validateHousehold,
  type HouseholdDraft,
} from './CompareModel.ts';
import { CompareTable } from './CompareTable.tsx';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** "adults: 1 · minors: 0 · national of Iraq · …" in the interface language. */
function useDescribe() {
  const { t } = useTranslation();
  const format = useFormat();
  return (h: HouseholdDescription, hostCountry?: string) =>
    [
      t('compare.describe.adults', { count: h.adults }),
      t('compare.describe.minors', { count: h.minors }),
      t('compare.describe.nationality', { country: format.country(h.nationality) ?? h.nationality }),
      t(`compare.situations.${h.situation}`),
      t(`returnTypes.${h.returnType}`),
      h.vulnerable ? t('compare.describe.vulnerable') : t('compare.describe.notVulnerable'),
      ...(hostCountry
        ? [t('compare.describe.hostCountry', { country: format.country(hostCountry) ?? hostCountry })]
        : []),
    ].join(' · ');
}

/** The household form; applied to the address (and so to the comparison) when submitted. */
function HouseholdForm({
  initial,
  onApply,
  onClear,
}: {
  initial: HouseholdDraft;
  onApply: (draft: HouseholdDraft) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<'adults' | 'minors', string>>>({});
  const set = <K extends keyof HouseholdDraft>(field: K, value: HouseholdDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field === 'adults' || field === 'minors') setErrors((e) => ({ ...e, [field]: undefined }));
  };
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found = validateHousehold(draft);
    const messages = Object.fromEntries(
      Object.keys(found).map((k) => [k, t('compare.form.countInvalid')]),
    ) as Partial<Record<'adults' | 'minors', string>>;
    setErrors(messages);
    if (Object.keys(found).length > 0) return focusFirstInvalid(event.currentTarget);
    onApply(draft);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="compare-household-legend">
      <Fieldset
        legend={<span id="compare-household-legend">{t('compare.form.household')}</span>}
        variant="unstyled"
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('compare.form.householdHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <TextInput
              label={t('compare.form.adults')}
              inputMode="numeric"
              value={draft.adults}
              onChange={(e) => set('adults', e.currentTarget.value)}
              error={errors.adults}
            />
            <TextInput
              label={t('compare.form.minors')}
              inputMode="numeric"
              value={draft.minors}
              onChange={(e) => set('minors', e.currentTarget.value)}
              error={errors.minors}
            />
            <CountrySelect
              label={t('compare.form.nationality')}
              description={t('compare.form.nationalityHint')}
              value={draft.nationality}
              onChange={(code) => set('nationality', code)}
            />
            <CountrySelect
              label={t('compare.form.hostCountry')}
              description={t('compare.form.hostCountryHint')}
              value={draft.hostCountry}
              onChange={(code) => set('hostCountry', code)}
            />
            <NativeSelect
              label={t('compare.form.situation')}
              value={draft.situation}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set('situation', isOneOf(SITUATIONS, v) ? v : '');
              }}
              data={[
                { value: '', label: t('compare.form.notGiven') },
                ...SITUATIONS.map((s) => ({ value: s, label: t(`compare.situations.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('compare.form.returnType')}
              value={draft.returnType}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set('returnType', isOneOf(RETURN_TYPES, v) ? v : '');
              }}
              data={[
                { value: '', label: t('compare.form.notGiven') },
                ...RETURN_TYPES.map((r) => ({ value: r, label: t(`returnTypes.${r}`) })),
              ]}
            />
            <Checkbox
              label={t('compare.form.vulnerable')}
              checked={draft.vulnerable}
              onChange={(e) => set('vulnerable', e.currentTarget.checked)}
              mt={{ base: 0, xs: 30 }}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t('compare.form.apply')}</Button>
            <Button variant="default" onClick={onClear}>
              {t('compare.form.clear')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

export function ComparePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useUiLanguage();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const withHousehold = hasHousehold(query);
  const compare = useCompareProgrammes(query.countryOfReturn ? { ...query, lang: language } : null);
  const describe = useDescribe();
  const data = compare.data?.countryOfReturn === query.countryOfReturn ? compare.data : undefined;
  const country = query.countryOfReturn
    ? (format.country(query.countryOfReturn) ?? query.countryOfReturn)
    : '';
  // The form restarts from the address whenever the household in the address changes.
  const formKey = paramsFor('', draftFromQuery(query)).toString();
  const stages = data ? stagesOffered(data.programmes) : [];

  const go = (next: URLSearchParams) => setParams(next, { replace: true });

  return (
    <>
      <PageHeader title={t('compare.title')} intro={t('compare.intro')} />
      <Stack gap="xl">
        <Paper withBorder p="md">
          <Stack gap="md">
            <CountrySelect
              label={t('compare.form.country')}
              required
              value={query.countryOfReturn}
              onChange={(code) => go(paramsFor(code, draftFromQuery(query)))}
            />
            <HouseholdForm
              key={formKey}
              initial={draftFromQuery(query)}
              onApply={(draft) => go(paramsFor(query.countryOfReturn, draft))}
              onClear={() => go(paramsFor(query.countryOfReturn, null))}
            />
          </Stack>
        </Paper>

        {!query.countryOfReturn ? (
          <Text>{t('compare.chooseCountry')}</Text>
        ) : compare.isError ? (
          <ProblemAlert
            error={compare.error}
            title={t('compare.failed')}
            onRetry={() => void compare.refetch()}
          />
        ) : !data ? (
          <TableSkeleton rows={6} />
        ) : (
          <Stack gap="xl" aria-busy={compare.isFetching}>
            <Stack gap="xs" component="section" aria-labelledby="compare-results">
              <Group gap="sm" align="center">
                <Title order={2} id="compare-results">
                  {t('compare.results', { country, count: data.programmes.length })}
                </Title>
                {compare.isFetching && (
                  <>
                    <Loader size="xs" aria-hidden="true" />
                    <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
                  </>
                )}
              </Group>
              <Text size="sm" data-testid="reference-household">
                {t('compare.referenceDescribed', { household: describe(data.referenceHousehold) })}
              </Text>
              {withHousehold && data.household && (
                <Text size="sm" data-testid="given-household">
                  {t('compare.givenDescribed', { household: describe(data.household, query.hostCountry) })}
                </Text>
              )}
              {data.programmes.length === 0 ? (
                <Text>{t('compare.empty', { country })}</Text>
              ) : (
                <CompareTable
                  programmes={data.programmes}
                  stages={stages}
                  withHousehold={withHousehold && data.household !== null}
                  caption={t('compare.table.caption', { country, date: format.date(data.onDate) })}
                />
              )}
            </Stack>
            {data.programmes.length > 0 && (
              <Stack gap="xs" component="section" aria-labelledby="compare-chart-title">
                <Title order={2} id="compare-chart-title">
                  {t('compare.chart.title')}
                </Title>
                <CompareChart
                  programmes={data.programmes}
                  withHousehold={withHousehold && data.household !== null}
                  headingId="compare-chart-title"
                />
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
