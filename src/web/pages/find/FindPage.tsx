import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Container,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  VisuallyHidden,
  useDirection,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { SITUATIONS, type Situation } from '../../../domain/programmes/households.ts';
import { usePublicProgrammes, type FindParams, type FoundProgramme } from '../../api/find.ts';
import { COUNTRY_CODES } from '../../components/codes.ts';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import './find.css';
import {
  FINDER_LANGUAGE_NAMES,
  FINDER_LANGUAGES,
  finderDirection,
  finderText,
  formatMoney,
  initialFinderLanguage,
  type FinderKey,
  type FinderLanguage,
} from './finderText.ts';

/**
 * The public programme finder (/find, no login): a person chooses their country of origin, their
 * situation and their household, and sees the programmes they may be eligible for, in their own
 * language (six, two of them right-to-left). Nothing is sent until they press the button, and then
 * only the answers (no cookie, no session call, nothing stored). Prints as a one-page sheet.
 */

type Vulnerable = 'yes' | 'no' | 'unsaid';
const VULNERABLE_CHOICES: readonly Vulnerable[] = ['yes', 'no', 'unsaid'];
const MAX_PERSONS = 20;

/** The answers of one search (the language is added when asking). */
type Search = Omit<FindParams, 'lang'> & { adults: number; minors: number };

type Translate = (key: FinderKey, values?: Readonly<Record<string, string | number>>) => string;

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

function regionNames(language: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    return null;
  }
}

function countryName(names: Intl.DisplayNames | null, code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every country by its name in the language, sorted, and a search that also finds a country by its
 * English name or its code (a person may know the name only in Latin letters).
 */
function useCountries(language: FinderLanguage) {
  return useMemo(() => {
    const names = regionNames(language);
    const english = regionNames('en');
    const collator = new Intl.Collator(language);
    const data: ComboboxItem[] = COUNTRY_CODES.map((code) => ({
      value: code,
      label: countryName(names, code),
    })).sort((a, b) => collator.compare(a.label, b.label));
    const haystack = new Map(
      data.map((o) => [o.value, normalise(`${o.label} ${countryName(english, o.value)} ${o.value}`)]),
    );
    const filter: OptionsFilter = ({ options, search }) => {
      const needle = normalise(search);
      if (!needle) return options;
      return options.filter((o) => 'value' in o && (haystack.get(o.value)?.includes(needle) ?? false));
    };
    return { data, filter, name: (code: string) => countryName(names, code) };
  }, [language]);
}

/** A number of persons with large −/+ buttons on either side (phones). */
function Counter({
  label,
  value,
  onChange,
  error,
  t,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: boolean;
  t: Translate;
}) {
  const id = useId();
  const set = (n: number) => onChange(Math.min(MAX_PERSONS, Math.max(0, n)));
  return (
    <Stack gap={4}>
      <Text component="label" htmlFor={id} fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          size={48}
          variant="default"
          aria-label={t('decrease', { label })}
          disabled={value <= 0}
          onClick={() => set(value - 1)}
        >
          <span aria-hidden="true" className="hw-find-sign">
            −
          </span>
        </ActionIcon>
        <NumberInput
          id={id}
          value={value}
          onChange={(v) => set(typeof v === 'number' ? v : Number.parseInt(v, 10) || 0)}
          min={0}
          max={MAX_PERSONS}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          hideControls
          inputMode="numeric"
          size="md"
          error={error}
          styles={{ input: { textAlign: 'center', minHeight: 48 } }}
          style={{ flex: '1 1 0', minWidth: 0 }}
        />
        <ActionIcon
          size={48}
          variant="default"
          aria-label={t('increase', { label })}
          disabled={value >= MAX_PERSONS}
          onClick={() => set(value + 1)}
        >
          <span aria-hidden="true" className="hw-find-sign">
            +
          </span>
        </ActionIcon>
      </Group>
    </Stack>
  );
}

/** A group of radio buttons as large rows (the whole row is the tap target). */
function Choices<T extends string>({
  name,
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  description?: string;
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className="hw-find-fieldset"
      aria-describedby={describedBy || undefined}
      {...(error ? { 'data-invalid-group': 'true' } : {})}
    >
      <legend className="hw-find-legend">{legend}</legend>
      {description && (
        <Text id={`${id}-description`} size="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <div className="hw-find-choices">
        {options.map((option) => (
          <label key={option.value} className="hw-find-choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <Text id={`${id}-error`} size="sm" c="var(--mantine-color-error)" mt={6}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}

function ProgrammeCard({
  programme,
  language,
  t,
}: {
  programme: FoundProgramme;
  language: FinderLanguage;
  t: Translate;
}) {
  const headingId = useId();
  const money = (amount: number, currency: string) => formatMoney(language, amount, currency);
  const hasActualCost = programme.offers.some((o) => o.actualCost);
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      className="hw-find-programme"
      aria-labelledby={headingId}
      data-status={programme.status}
      data-code={programme.code}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} id={headingId} className="hw-break">
            {programme.name}
          </Title>
          <span className="hw-find-status" data-status={programme.status}>
            {t(`status.${programme.status}`)}
          </span>
        </div>
        <Text>{programme.summary}</Text>

        {programme.offers.length > 0 && (
          <div>
            <Title order={4} className="hw-find-subheading">
              {t('offersHeading')}
            </Title>
            <ul className="hw-find-offers">
              {programme.offers.map((offer, i) => (
                <li key={`${offer.name}-${i}`} className="hw-find-offer">
                  <div className="hw-find-offer-line">
                    <Text component="span" fw={600} className="hw-break">
                      {offer.name}
                    </Text>
                    <Text
                      component="span"
                      fw={700}
                      className="hw-find-amount"
                      data-amount={offer.amount ?? ''}
                    >
                      {offer.actualCost || offer.amount === null
                        ? t('actualCost')
                        : offer.upTo
                          ? t('upTo', { amount: money(offer.amount, offer.currency) })
                          : money(offer.amount, offer.currency)}
                    </Text>
                  </div>
                  <Text size="sm" c="dimmed" className="hw-find-offer-meta">
                    {[
                      t(`category.${offer.category}`),
                      t(`stage.${offer.stage}`),
                      t(`modality.${offer.modality}`),
                    ].join(' · ')}
                  </Text>
                </li>
              ))}
            </ul>
            {programme.totals.map((total) => {
              const upTo = programme.offers.some((o) => o.currency === total.currency && o.upTo);
              return (
                <Text key={total.currency} fw={700} className="hw-find-total" data-total={total.amount}>
                  {t(upTo ? 'totalUpTo' : 'total', { amount: money(total.amount, total.currency) })}
                </Text>
              );
            })}
            {hasActualCost && programme.totals.length > 0 && <Text size="sm">{t('plusActualCost')}</Text>}
          </div>
        )}

        <div>
          <Text size="sm">{t('fundedBy', { name: programme.funder })}</Text>
          {programme.implementedBy.length > 0 && (
            <Text size="sm">
              {t('implementedBy', { names: new Intl.ListFormat(language).format(programme.implementedBy) })}
            </Text>
          )}
        </div>

        {programme.status === 'to_check' && programme.toCheck.length > 0 && (
          <div>
            <Title order={4} className="hw-find-subheading">
              {t('toCheckHeading')}
            </Title>
            <List size="sm" spacing={4} className="hw-find-tocheck">
              {programme.toCheck.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        )}

        <div>
          <Title order={4} className="hw-find-subheading">
            {t('contactHeading')}
          </Title>
          <Text size="sm" className="hw-break">
            {programme.contact ?? t('contactFallback')}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}

/** The chosen answers, as a short list (on screen above the results, and on the printed sheet). */
function Answers({
  search,
  t,
  country,
}: {
  search: Search;
  t: Translate;
  country: (code: string) => string;
}) {
  const rows: [string, ReactNode][] = [
    [t('answerCountry'), country(search.countryOfReturn)],
    [t('answerSituation'), search.situation ? t(`situation.${search.situation}`) : '—'],
    [t('answerAdults'), search.adults],
    [t('answerMinors'), search.minors],
  ];
  if (search.vulnerable !== undefined) {
    rows.push([t('answerVulnerable'), t(search.vulnerable ? 'vulnerable.yes' : 'vulnerable.no')]);
  }
  return (
    <div>
      <Title order={3} className="hw-find-subheading hw-find-answers-heading">
        {t('answersHeading')}
      </Title>
      <dl className="hw-find-answers" data-testid="find-answers">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function FindPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [language, setLanguage] = useState<FinderLanguage>(() =>
    initialFinderLanguage(
      searchParams.get('lang'),
      typeof navigator === 'undefined' ? [] : navigator.languages,
    ),
  );
  const t: Translate = (key, values) => finderText(language, key, values);
  const countries = useCountries(language);
  const { setDirection } = useDirection();

  const [country, setCountry] = useState<string | null>(null);
  const [situation, setSituation] = useState<Situation | null>(null);
  const [adults, setAdults] = useState(1);
  const [minors, setMinors] = useState(0);
  const [vulnerable, setVulnerable] = useState<Vulnerable>('unsaid');
  const [errors, setErrors] = useState<{ country?: string; situation?: string; household?: string }>({});
  const [search, setSearch] = useState<Search | null>(null);
  const [submissions, setSubmissions] = useState(0);
  const focusResults = useRef(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const query = usePublicProgrammes(search ? { ...search, lang: language } : null);

  // While on the page: <html lang dir> and the title follow the finder's language; restored on leaving.
  useEffect(() => {
    const html = document.documentElement;
    const before = { lang: html.lang, dir: html.dir, title: document.title };
    return () => {
      html.lang = before.lang;
      setDirection(before.dir === 'rtl' ? 'rtl' : 'ltr');
      document.title = before.title;
    };
  }, [setDirection]);
  const title = finderText(language, 'pageTitle');
  useEffect(() => {
    document.documentElement.lang = language;
    setDirection(finderDirection(language));
    document.title = `${title} · Homeward`;
  }, [language, title, setDirection]);

  // After "Show programmes": focus the results heading once they are there (or failed to come).
  useEffect(() => {
    if (!focusResults.current || query.isFetching || query.isPending) return;
    focusResults.current = false;
    resultsHeading.current?.focus();
  }, [submissions, query.isFetching, query.isPending]);

  function chooseLanguage(next: FinderLanguage): void {
    setLanguage(next);
    const params = new URLSearchParams(searchParams);
    params.set('lang', next);
    setSearchParams(params, { replace: true });
    // Field messages are shown again in the new language on the next press.
    setErrors({});
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const next: typeof errors = {};
    if (!country) next.country = t('countryRequired');
    if (!situation) next.situation = t('situationRequired');
    if (adults + minors < 1) next.household = t('householdRequired');
    setErrors(next);
    if (!country || !situation || next.household) {
      focusFirstInvalid(form);
      return;
    }
    setSearch({
      countryOfReturn: country,
      situation,
      adults,
      minors,
      vulnerable: vulnerable === 'unsaid' ? undefined : vulnerable === 'yes',
    });
    focusResults.current = true;
    setSubmissions((n) => n + 1);
  }

  const programmes = query.data?.programmes ?? [];
  const loading = search !== null && query.isFetching;
  const announcement = !search
    ? ''
    : loading
      ? t('loading')
      : query.isError
        ? t('error')
        : query.isSuccess
          ? programmes.length > 0
            ? t('found', { count: programmes.length })
            : t('noneFound')
          : '';
  const dir = finderDirection(language);

  return (
    <Box className="hw-find" mih="100vh" bg="gray.0" lang={language} dir={dir}>
      <Box component="header" className="hw-find-header hw-find-no-print" bg="white" py="sm">
        <Container size={760} px="md">
          <Group justify="space-between" align="center" gap="sm" wrap="wrap">
            <Text fw={700} size="lg" component="p">
              {t('brand')}
            </Text>
            <Group gap={6} wrap="wrap" role="group" aria-label={t('languageLabel')}>
              {FINDER_LANGUAGES.map((l) => (
                <Button
                  key={l}
                  lang={l}
                  dir={finderDirection(l)}
                  size="sm"
                  mih={44}
                  px="sm"
                  variant={l === language ? 'filled' : 'default'}
                  aria-pressed={l === language}
                  onClick={() => chooseLanguage(l)}
                >
                  {FINDER_LANGUAGE_NAMES[l]}
                </Button>
              ))}
            </Group>
          </Group>
        </Container>
      </Box>

      <Container component="main" size={760} px="md" py="lg">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1}>{title}</Title>
            <Text className="hw-find-no-print">{t('intro')}</Text>
            <Alert variant="light" color="blue" className="hw-find-no-print" data-testid="privacy">
              {t('privacy')}
            </Alert>
          </Stack>

          <Paper
            component="form"
            withBorder
            radius="md"
            p="md"
            className="hw-find-form hw-find-no-print"
            aria-labelledby="find-form-heading"
            noValidate
            onSubmit={onSubmit}
          >
            <Stack gap="lg">
              <Title order={2} id="find-form-heading">
                {t('formHeading')}
              </Title>
              <Select
                label={t('countryLabel')}
                description={t('countryDescription')}
                placeholder={t('countryPlaceholder')}
                nothingFoundMessage={t('countryNothingFound')}
                data={countries.data}
                filter={countries.filter}
                searchable
                openOnFocus={false}
                required
                size="md"
                maxDropdownHeight={280}
                value={country}
                onChange={(value) => {
                  setCountry(value);
                  if (value) setErrors((e) => ({ ...e, country: undefined }));
                }}
                error={errors.country}
                autoComplete="off"
              />
              <Choices<Situation>
                name="situation"
                legend={t('situationLabel')}
                options={SITUATIONS.map((s) => ({ value: s, label: t(`situation.${s}`) }))}
                value={situation}
                onChange={(value) => {
                  setSituation(value);
                  setErrors((e) => ({ ...e, situation: undefined }));
                }}
                error={errors.situation}
              />
              <fieldset
                className="hw-find-fieldset"
                aria-describedby={
                  errors.household
                    ? 'find-household-description find-household-error'
                    : 'find-household-description'
                }
              >
                <legend className="hw-find-legend">{t('householdLabel')}</legend>
                <Text id="find-household-description" size="sm" c="dimmed" mb="xs">
                  {t('householdDescription')}
                </Text>
                <div className="hw-find-counters">
                  <Counter
                    label={t('adultsLabel')}
                    value={adults}
                    onChange={(n) => {
                      setAdults(n);
                      setErrors((e) => ({ ...e, household: undefined }));
                    }}
                    error={Boolean(errors.household)}
                    t={t}
                  />
                  <Counter
                    label={t('minorsLabel')}
                    value={minors}
                    onChange={(n) => {
                      setMinors(n);
                      setErrors((e) => ({ ...e, household: undefined }));
                    }}
                    t={t}
                  />
                </div>
                {errors.household && (
                  <Text id="find-household-error" size="sm" c="var(--mantine-color-error)" mt={6}>
                    {errors.household}
                  </Text>
                )}
              </fieldset>
              <Choices<Vulnerable>
                name="vulnerable"
                legend={t('vulnerableLabel')}
                description={t('vulnerableDescription')}
                options={VULNERABLE_CHOICES.map((v) => ({ value: v, label: t(`vulnerable.${v}`) }))}
                value={vulnerable}
                onChange={setVulnerable}
              />
              <Group>
                <Button type="submit" size="lg" loading={loading} className="hw-find-submit">
                  {t('submit')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <VisuallyHidden role="status" aria-live="polite" data-testid="find-announcement">
            {announcement}
          </VisuallyHidden>

          {search && (
            <Box
              component="section"
              aria-labelledby="find-results-heading"
              aria-busy={loading}
              className="hw-find-results"
              data-testid="find-results"
            >
              <Stack gap="md">
                <Group justify="space-between" align="center" gap="sm" wrap="wrap">
                  <Title
                    order={2}
                    id="find-results-heading"
                    ref={resultsHeading}
                    tabIndex={-1}
                    className="hw-find-results-heading"
                  >
                    {t('resultsHeading')}
                  </Title>
                  {query.isSuccess && programmes.length > 0 && (
                    <Button
                      variant="default"
                      size="md"
                      mih={44}
                      className="hw-find-no-print"
                      onClick={() => window.print()}
                    >
                      {t('print')}
                    </Button>
                  )}
                </Group>
                <Answers search={search} t={t} country={countries.name} />

                {loading ? (
                  <Group gap="sm" py="md" aria-hidden="true">
                    <Loader size="sm" />
                    <Text>{t('loading')}</Text>
                  </Group>
                ) : query.isError ? (
                  <Alert color="red" variant="light" role="alert" title={t('error')}>
                    <Button
                      mt="xs"
                      variant="white"
                      color="red"
                      mih={44}
                      onClick={() => {
                        focusResults.current = true;
                        void query.refetch();
                      }}
                    >
                      {t('retry')}
                    </Button>
                  </Alert>
                ) : query.isSuccess && programmes.length === 0 ? (
                  <Alert color="gray" variant="light" title={t('noneFound')} data-testid="find-none">
                    {t('noneFoundHint')}
                  </Alert>
                ) : query.isSuccess ? (
                  <>
                    <Text fw={600}>{t('found', { count: programmes.length })}</Text>
                    <Text size="sm" c="dimmed">
                      {t('disclaimer')}
                    </Text>
                    <div className="hw-find-list">
                      {programmes.map((programme) => (
                        <ProgrammeCard key={programme.code} programme={programme} language={language} t={t} />
                      ))}
                    </div>
                  </>
                ) : null}
              </Stack>
            </Box>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
