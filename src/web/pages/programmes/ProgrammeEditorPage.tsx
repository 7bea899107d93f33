import {
  Alert,
  Anchor,
  Box,
  Button,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError, problemFieldPath } from '../../api/client.ts';
import {
  useCreateProgramme,
  useProgramme,
  useProgrammePreview,
  useProgrammes,
  useUpdateProgramme,
  type PreviewRequest,
  type ProgrammeView,
} from '../../api/programmes.ts';
import { useOrganisationDirectory } from '../../api/queries.ts';
import { localToday } from '../../components/caseDraft.ts';
import { isConflict } from '../../components/ConflictAlert.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { pickText, useLanguage } from './display.tsx';
import { ComponentEditor } from './editor/ComponentEditor.tsx';
import { focusWhenShown } from './editor/focus.ts';
import { EditorContext, useEditor, type EditorContextValue } from './editor/context.tsx';
import { LocalizedInput, ProgrammeTextTabs } from './editor/LocalizedFields.tsx';
import { editorFieldPaths, fieldId, ownerOf, placeProblems, type FieldProblem } from './editor/placement.ts';
import { PreviewPanel } from './editor/PreviewPanel.tsx';
import { RuleBuilder } from './editor/RuleBuilder.tsx';
import {
  definitionToDraft,
  draftToDefinition,
  isCode,
  newComponentDraft,
  newGroupDraft,
  newInteractionDraft,
  newProgrammeDraft,
  type GroupDraft,
  type InteractionDraft,
  type NumberValue,
  type ProgrammeDraft,
} from './programmeDraft.ts';
import type { DraftIssue } from './ruleTree.ts';
import { COMPONENT_CATEGORIES, INTERACTION_TYPES, isOneOf } from './vocab.ts';

/** How long the preview waits after the last change before asking the server. */
export const PREVIEW_DELAY_MS = 400;

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

function toNumber(value: number | string): NumberValue {
  return typeof value === 'number' ? value : '';
}

function ImplementingOrganisations({
  value,
  onChange,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const { errorAt } = useEditor();
  const options = (directory.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const known = new Set(options.map((o) => o.value));
  return (
    <MultiSelect
      id={fieldId('implementingOrganisationIds')}
      label={t('programmes.editor.implementers')}
      description={t('programmes.editor.implementersHint')}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={[...options, ...value.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))]}
      value={value}
      onChange={onChange}
      maxValues={20}
      error={errorAt('implementingOrganisationIds')}
      disabled={directory.isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function GroupEditor({
  group,
  index,
  onChange,
  onRemove,
}: {
  group: GroupDraft;
  index: number;
  onChange: (group: GroupDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errorAt } = useEditor();
  const path = `nationalityGroups.${index}`;
  const legend = t('programmes.editor.groupLegend', { number: index + 1 });
  return (
    <Box
      component="fieldset"
      id={fieldId(path)}
      tabIndex={-1}
      m={0}
      p="sm"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: 0,
      }}
    >
      <Text component="legend" fw={600} size="sm" px={4}>
        {legend}
      </Text>
      <Stack gap="xs">
        <TextInput
          id={fieldId(`${path}.code`)}
          label={t('programmes.editor.groupCode')}
          description={t('programmes.editor.groupCodeHint')}
          required
          value={group.code}
          onChange={(e) => onChange({ ...group, code: e.currentTarget.value })}
          error={errorAt(`${path}.code`)}
          maxLength={64}
          dir="ltr"
        />
        <LocalizedInput
          label={t('programmes.editor.groupName')}
          path={`${path}.name`}
          value={group.name}
          onChange={(name) => onChange({ ...group, name })}
          required
        />
        <MultiSelect
          id={fieldId(`${path}.countries`)}
          label={t('programmes.editor.groupCountries')}
          required
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={format.countryOptions()}
          value={group.countries}
          onChange={(countries) => onChange({ ...group, countries })}
          error={errorAt(`${path}.countries`)}
          maxValues={250}
          comboboxProps={{ withinPortal: true }}
        />
        {errorAt(path) && (
          <Text size="sm" c="red.9" role="alert">
            {errorAt(path)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove}>
            {t('programmes.editor.removeItem', { item: legend })}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function InteractionRow({
  interaction,
  index,
  ownCode,
  onChange,
  onRemove,
}: {
  interaction: InteractionDraft;
  index: number;
  ownCode: string;
  onChange: (interaction: InteractionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { errorAt, programmeCodes } = useEditor();
  const path = `interactions.${index}`;
  const legend = t('programmes.editor.interactionLegend', { number: index + 1 });
  const codes = programmeCodes.filter((c) => c !== ownCode);
  if (interaction.programmeCode !== '' && !codes.includes(interaction.programmeCode))
    codes.push(interaction.programmeCode);
  return (
    <Box
      component="fieldset"
      id={fieldId(path)}
      tabIndex={-1}
      m={0}
      p="xs"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: 0,
      }}
    >
      <Text component="legend" fw={600} size="xs" px={4}>
        {legend}
      </Text>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <NativeSelect
          id={fieldId(`${path}.type`)}
          label={t('programmes.editor.interactionType')}
          value={interaction.type}
          onChange={(e) => {
            const type = e.currentTarget.value;
            if (isOneOf(INTERACTION_TYPES, type))
              onChange({ ...interaction, type, category: type === 'offset' ? interaction.category : '' });
          }}
          data={INTERACTION_TYPES.map((x) => ({ value: x, label: t(`programmes.interactions.types.${x}`) }))}
          error={errorAt(`${path}.type`)}
          w={220}
        />
        <Select
          id={fieldId(`${path}.programmeCode`)}
          label={t('programmes.editor.otherProgramme')}
          required
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={codes}
          value={interaction.programmeCode === '' ? null : interaction.programmeCode}
          onChange={(code) => onChange({ ...interaction, programmeCode: code ?? '' })}
          error={errorAt(`${path}.programmeCode`)}
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
        {interaction.type === 'offset' && (
          <NativeSelect
            id={fieldId(`${path}.category`)}
            label={t('programmes.editor.offsetCategory')}
            value={interaction.category}
            onChange={(e) => {
              const category = e.currentTarget.value;
              onChange({
                ...interaction,
                category: isOneOf(COMPONENT_CATEGORIES, category) ? category : '',
              });
            }}
            data={[
              { value: '', label: t('programmes.editor.anyCategory') },
              ...COMPONENT_CATEGORIES.map((k) => ({ value: k, label: t(`programmes.categories.${k}`) })),
            ]}
            error={errorAt(`${path}.category`)}
            w={220}
          />
        )}
      </Group>
      {errorAt(path) && (
        <Text size="sm" c="red.9" role="alert">
          {errorAt(path)}
        </Text>
      )}
      <Group justify="flex-end" mt={4}>
        <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove}>
          {t('programmes.editor.removeItem', { item: legend })}
        </Button>
      </Group>
    </Box>
  );
}

/** A local issue in the interface language. */
function useIssueText(): (issue: DraftIssue) => string {
  const { t } = useTranslation();
  return (issue) => {
    if (issue.key === 'wholeNumberRange') {
      return t('programmes.issues.wholeNumberRange', {
        min: issue.params?.min ?? 0,
        max: issue.params?.max ?? 0,
      });
    }
    if (issue.key === 'amountRange')
      return t('programmes.issues.amountRange', { max: issue.params?.max ?? 0 });
    return t(`programmes.issues.${issue.key}`);
  };
}

const TEXT_PATH = /^(name|summary|description|contact)\.([a-z]{2,3})(?:\.|$)/;

/** Moves focus to the field of a problem (opening the tab of its language if need be). */
function useGoTo(known: ReadonlySet<string>, onTextLanguage: (lang: string) => void): (path: string) => void {
  return (path) => {
    const owner = ownerOf(path, known) ?? path;
    const text = TEXT_PATH.exec(owner);
    if (text?.[2]) onTextLanguage(text[2]);
    const focus = (tries: number) => {
      const byId = (id: string) => document.getElementById(id);
      const element =
        byId(fieldId(path)) ??
        byId(`${fieldId(path)}-rule`) ??
        byId(fieldId(owner)) ??
        byId(`${fieldId(owner)}-rule`);
      if (element) {
        element.scrollIntoView({ block: 'center' });
        element.focus({ preventScroll: true });
      } else if (tries > 0) {
        requestAnimationFrame(() => focus(tries - 1));
      }
    };
    requestAnimationFrame(() => focus(5));
  };
}

function Editor({
  programme,
  onReload,
}: {
  programme: ProgrammeView | null;
  onReload: () => Promise<ProgrammeView | undefined>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const lang = useLanguage();
  const issueText = useIssueText();
  const canReadDirectory = useCan('cases:read');
  const wide = useMediaQuery('(min-width: 75em)') ?? false;
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const save = programme ? update : create;
  const inventory = useProgrammes({});
  const [base, setBase] = useState<ProgrammeView | null>(programme);
  const [draft, setDraft] = useState<ProgrammeDraft>(() =>
    programme ? definitionToDraft(programme.code, programme.definition) : newProgrammeDraft(localToday()),
  );
  const [textLanguage, setTextLanguage] = useState('en');
  /** After a save was tried, what is missing shows next to its field too (not only in the preview). */
  const [tried, setTried] = useState(false);
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const [reloading, setReloading] = useState(false);

  const built = useMemo(() => draftToDefinition(draft), [draft]);
  const codeIssue: DraftIssue | null =
    programme === null
      ? draft.code.trim() === ''
        ? { path: 'code', key: 'required' }
        : !isCode(draft.code.trim())
          ? { path: 'code', key: 'codeFormat' }
          : null
      : null;
  const issues = codeIssue ? [codeIssue, ...built.issues] : built.issues;
  const localProblems: FieldProblem[] = issues.map((i) => ({ path: i.path, message: issueText(i) }));
  const known = useMemo(() => editorFieldPaths(draft, built.rulePaths), [draft, built.rulePaths]);

  // The preview: the definition as it is now, sent 400 ms after the last change, when it is complete.
  const requestJson =
    built.issues.length === 0
      ? JSON.stringify({
          ...(isCode(draft.code.trim()) ? { code: draft.code.trim() } : {}),
          definition: built.definition,
          lang,
        } satisfies PreviewRequest)
      : null;
  const [debouncedJson] = useDebouncedValue(requestJson, PREVIEW_DELAY_MS);
  const request = useMemo(
    () => (debouncedJson ? (JSON.parse(debouncedJson) as PreviewRequest) : null),
    [debouncedJson],
  );
  const preview = useProgrammePreview(request);
  const updating = requestJson !== null && (requestJson !== debouncedJson || preview.isFetching);
  const previewProblems: FieldProblem[] = requestJson !== null ? (preview.data?.problems ?? []) : [];

  const shown = [...(tried ? localProblems : []), ...previewProblems, ...saveProblems];
  const placed = placeProblems(shown, known);
  const goTo = useGoTo(known, setTextLanguage);

  const programmeCodes = useMemo(
    () => [...new Set((inventory.data?.items ?? []).map((p) => p.code))].sort(),
    [inventory.data],
  );
  const context: EditorContextValue = {
    errorAt: (path) => placed.get(path)?.join(' '),
    groupOptions: draft.nationalityGroups
      .filter((g) => g.code.trim() !== '')
      .map((g) => ({
        value: g.code.trim(),
        label: `${pickText(g.name, lang) || g.code} (${g.code.trim()})`,
      })),
    programmeCodes,
  };

  function change(patch: Partial<ProgrammeDraft>): void {
    setDraft((d) => ({ ...d, ...patch }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTried(true);
    setSaveProblems([]);
    if (issues.length > 0) return goTo(issues[0]!.path);
    const onError = (error: unknown) => {
      if (isConflict(error)) return;
      if (isApiError(error)) {
        const list = (error.problem.errors ?? []).map((e) => ({
          path: problemFieldPath(e.path),
          message: e.message,
        }));
        setSaveProblems(list);
        const first = list.find((p) => p.path !== '');
        if (first) goTo(first.path);
      }
    };
    if (!programme || !base) {
      create.mutate(
        { code: draft.code.trim(), status: 'draft', ...built.definition },
        {
          onSuccess: (saved) => void navigate(`/programmes/${saved.id}`, { state: { saved: 'created' } }),
          onError,
        },
      );
    } else {
      update.mutate(
        {
          id: base.id,
          version: base.version,
          change: {
            ...built.definition,
            ...(draft.effectiveFrom ? { effectiveFrom: draft.effectiveFrom } : {}),
          },
        },
        {
          onSuccess: (saved) => void navigate(`/programmes/${saved.id}`, { state: { saved: 'saved' } }),
          onError,
        },
      );
    }
  }

  async function reload(): Promise<void> {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        setBase(fresh);
        setDraft(definitionToDraft(fresh.code, fresh.definition));
        setSaveProblems([]);
        update.reset();
        requestAnimationFrame(() => document.getElementById('page-title')?.focus());
      }
    } finally {
      setReloading(false);
    }
  }

  const placedElsewhere = (save.error && isApiError(save.error) ? (save.error.problem.errors ?? []) : [])
    .map((e) => problemFieldPath(e.path))
    .filter((p) => ownerOf(p, known) !== null);
  const name = pickText(draft.name, lang).trim();

  const form = (
    <form onSubmit={onSubmit} noValidate aria-labelledby="page-title">
      <Stack gap="lg">
        <Section id="section-identity" title={t('programmes.editor.identity')}>
          {programme ? (
            <Text size="sm">
              {t('programmes.editor.codeFixed')}{' '}
              <Text span fw={600} dir="ltr">
                {programme.code}
              </Text>
            </Text>
          ) : (
            <TextInput
              id={fieldId('code')}
              label={t('programmes.editor.code')}
              description={t('programmes.editor.codeHint')}
              required
              value={draft.code}
              onChange={(e) => change({ code: e.currentTarget.value })}
              error={placed.get('code')?.join(' ')}
              maxLength={64}
              dir="ltr"
              maw={360}
            />
          )}
          <ProgrammeTextTabs
            texts={draft}
            language={textLanguage}
            onLanguage={setTextLanguage}
            onChange={(key, l, value) => setDraft((d) => ({ ...d, [key]: { ...d[key], [l]: value } }))}
          />
          {canReadDirectory && (
            <ImplementingOrganisations
              value={draft.implementingOrganisationIds}
              onChange={(implementingOrganisationIds) => change({ implementingOrganisationIds })}
            />
          )}
        </Section>

        <Section id="section-coverage" title={t('programmes.editor.coverage')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              id={fieldId('validFrom')}
              type="date"
              label={t('programmes.editor.validFrom')}
              required
              value={draft.validFrom}
              onChange={(e) => change({ validFrom: e.currentTarget.value })}
              error={context.errorAt('validFrom')}
            />
            <TextInput
              id={fieldId('validTo')}
              type="date"
              label={t('programmes.editor.validTo')}
              description={t('programmes.editor.validToHint')}
              value={draft.validTo}
              onChange={(e) => change({ validTo: e.currentTarget.value })}
              error={context.errorAt('validTo')}
            />
          </SimpleGrid>
          {programme && (
            <TextInput
              id={fieldId('effectiveFrom')}
              type="date"
              label={t('programmes.editor.effectiveFrom')}
              description={t('programmes.editor.effectiveFromHint')}
              value={draft.effectiveFrom}
              onChange={(e) => change({ effectiveFrom: e.currentTarget.value })}
              error={context.errorAt('effectiveFrom')}
              maw={360}
            />
          )}
          <MultiSelect
            id={fieldId('countriesOfReturn')}
            label={t('programmes.editor.countriesOfReturn')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={format.countryOptions()}
            value={draft.countriesOfReturn}
            onChange={(countriesOfReturn) => change({ countriesOfReturn })}
            error={context.errorAt('countriesOfReturn')}
            maxValues={250}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            id={fieldId('hostCountries')}
            label={t('programmes.editor.hostCountries')}
            description={t('programmes.editor.hostCountriesHint')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={format.countryOptions()}
            value={draft.hostCountries}
            onChange={(hostCountries) => change({ hostCountries })}
            error={context.errorAt('hostCountries')}
            maxValues={50}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            id={fieldId('leadTimeDays')}
            label={t('programmes.editor.leadTime')}
            description={t('programmes.editor.leadTimeHint')}
            value={draft.leadTimeDays}
            onChange={(v) => change({ leadTimeDays: toNumber(v) })}
            min={0}
            max={365}
            allowDecimal={false}
            clampBehavior="none"
            error={context.errorAt('leadTimeDays')}
            maw={240}
          />
        </Section>

        <Section
          id="section-groups"
          title={t('programmes.editor.groups')}
          intro={t('programmes.editor.groupsIntro')}
        >
          {draft.nationalityGroups.map((g, i) => (
            <GroupEditor
              key={g.key}
              group={g}
              index={i}
              onChange={(next) =>
                change({
                  nationalityGroups: draft.nationalityGroups.map((x) => (x.key === g.key ? next : x)),
                })
              }
              onRemove={() => {
                change({ nationalityGroups: draft.nationalityGroups.filter((x) => x.key !== g.key) });
                focusWhenShown('add-group');
              }}
            />
          ))}
          <div>
            <Button
              id="add-group"
              variant="light"
              size="compact-sm"
              onClick={() => {
                change({
                  nationalityGroups: [...draft.nationalityGroups, newGroupDraft(draft.nationalityGroups)],
                });
                focusWhenShown(fieldId(`nationalityGroups.${draft.nationalityGroups.length}.code`));
              }}
            >
              {t('programmes.editor.addGroup')}
            </Button>
          </div>
        </Section>

        <Section
          id="section-eligibility"
          title={t('programmes.editor.eligibility')}
          intro={t('programmes.editor.eligibilityIntro')}
        >
          <RuleBuilder
            root={draft.eligibility}
            onChange={(eligibility) => change({ eligibility })}
            paths={built.rulePaths}
            path="eligibility"
            title={t('programmes.editor.eligibilityRule')}
          />
        </Section>

        <Section
          id="section-components"
          title={t('programmes.editor.components')}
          intro={t('programmes.editor.componentsIntro')}
        >
          {context.errorAt('components') && (
            <Text size="sm" c="red.9" role="alert">
              {context.errorAt('components')}
            </Text>
          )}
          {draft.components.map((c, i) => (
            <ComponentEditor
              key={c.key}
              component={c}
              index={i}
              rulePaths={built.rulePaths}
              canRemove={draft.components.length > 1}
              onChange={(next) =>
                change({ components: draft.components.map((x) => (x.key === c.key ? next : x)) })
              }
              onRemove={() => {
                change({ components: draft.components.filter((x) => x.key !== c.key) });
                focusWhenShown('add-component');
              }}
            />
          ))}
          <div>
            <Button
              id="add-component"
              variant="light"
              onClick={() => {
                const added = newComponentDraft(draft.components);
                change({ components: [...draft.components, added] });
                focusWhenShown(fieldId(`components.${draft.components.length}.code`));
              }}
            >
              {t('programmes.editor.addComponent')}
            </Button>
          </div>
        </Section>

        <Section
          id="section-interactions"
          title={t('programmes.editor.interactions')}
          intro={t('programmes.editor.interactionsIntro')}
        >
          {draft.interactions.map((x, i) => (
            <InteractionRow
              key={x.key}
              interaction={x}
              index={i}
              ownCode={programme?.code ?? draft.code.trim()}
              onChange={(next) =>
                change({ interactions: draft.interactions.map((y) => (y.key === x.key ? next : y)) })
              }
              onRemove={() => {
                change({ interactions: draft.interactions.filter((y) => y.key !== x.key) });
                focusWhenShown('add-interaction');
              }}
            />
          ))}
          <div>
            <Button
              id="add-interaction"
              variant="light"
              size="compact-sm"
              onClick={() => {
                change({ interactions: [...draft.interactions, newInteractionDraft()] });
                focusWhenShown(fieldId(`interactions.${draft.interactions.length}.type`));
              }}
            >
              {t('programmes.editor.addInteraction')}
            </Button>
          </div>
        </Section>

        <Stack gap="sm">
          {save.isError &&
            (isConflict(save.error) ? (
              <Alert color="red" variant="light" title={t('programmes.editor.conflictTitle')} role="alert">
                {t('programmes.editor.conflictBody')}
                <div>
                  <Button
                    mt="sm"
                    size="xs"
                    variant="white"
                    color="red"
                    onClick={() => void reload()}
                    loading={reloading}
                  >
                    {t('programmes.editor.conflictReload')}
                  </Button>
                </div>
              </Alert>
            ) : (
              <ProblemAlert error={save.error} shownFields={placedElsewhere} />
            ))}
          {tried && issues.length > 0 && (
            <Alert color="red" variant="light" role="alert" title={t('programmes.editor.notYet')}>
              {t('programmes.editor.notYetBody', { n: issues.length })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {programme ? t('programmes.editor.saveVersion') : t('programmes.editor.create')}
            </Button>
            <Anchor component={Link} to={programme ? `/programmes/${programme.id}` : '/programmes'}>
              {t('common.cancel')}
            </Anchor>
          </Group>
          {programme && programme.status !== 'draft' && (
            <Text size="sm" c="dimmed">
              {t('programmes.editor.publishedNote')}
            </Text>
          )}
        </Stack>
      </Stack>
    </form>
  );

  const panel = (
    <PreviewPanel
      issues={localProblems}
      preview={preview.data}
      updating={updating}
      error={preview.isError ? preview.error : null}
      onGoTo={goTo}
    />
  );

  return (
    <EditorContext.Provider value={context}>
      <PageHeader
        title={
          programme
            ? t('programmes.editor.editTitle', { name: name || programme.code })
            : t('programmes.editor.newTitle')
        }
        intro={t('programmes.editor.intro')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>{form}</Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {wide ? (
            <Box
              style={{ position: 'sticky', top: 80, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={t('programmes.preview.title')}
            >
              {panel}
            </Box>
          ) : (
            panel
          )}
        </Grid.Col>
      </Grid>
    </EditorContext.Provider>
  );
}

/** The programme editor: a new programme (/programmes/new) or a new version of one (/programmes/{id}/edit). */
export function ProgrammeEditorPage() {
  const { id } = useParams();
  if (id === undefined) return <Editor programme={null} onReload={() => Promise.resolve(undefined)} />;
  return <ExistingProgrammeEditor id={id} key={id} />;
}

function ExistingProgrammeEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useProgramme(id);
  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('programmes.editor.editTitle', { name: '…' })} />
        <LoadingBlock />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('programmes.view.title')} />
        {isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('programmes.view.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  if (!query.data.canManage) {
    return (
      <>
        <PageHeader title={t('programmes.view.title')} />
        <Text>{t('programmes.editor.notYours')}</Text>
      </>
    );
  }
  return <Editor programme={query.data} onReload={async () => (await query.refetch()).data} />;
}
