/**
 * The parts of the plan panel: the needs assessment (form and view), what each enrolment component
 * allows, a budget line as a form and as a card (with the duplicate-assistance guard's findings,
 * deliveries and their proofs).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentContentUrl, type CaseDocument } from '../../api/documents.ts';
import {
  NEED_DIMENSIONS,
  NEED_LEVELS,
  PLAN_MODALITIES,
  type NeedLevel,
  type NeedsAssessment,
  type OverlapReport,
  type PlanLine,
  type PlanModality,
  type SharedPersonLike,
} from '../../api/plans.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { useFormat } from '../../components/format.ts';
import { categoryLabel, personLabel, planErrorText, useNumbers } from './gateParts.tsx';
import {
  DESCRIPTION_MAX,
  localAmountOf,
  NOTES_MAX,
  parseAmount,
  parseRate,
  SUPPLIER_MAX,
  type ComponentBudget,
  type Excess,
  type LineDraft,
  type NeedsDraft,
  type ProgrammeBudget,
} from './planDraft.ts';

type Errors = Record<string, string>;

/** Mantine's orange title on its light background is 3.6:1: the title takes the text colour (AA). */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

// Needs ------------------------------------------------------------------------------------------

export function NeedsEditor({
  needs,
  errors,
  onChange,
}: {
  needs: NeedsDraft;
  errors: Errors;
  onChange: (next: NeedsDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-needs-title">
      <Title order={3} size="h4" id="plan-needs-title">
        {t('plan.needs.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('plan.needs.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {NEED_DIMENSIONS.map((d) => (
          <Fieldset key={d} legend={t(`plan.needs.dimensions.${d}`)} data-need={d}>
            <Stack gap="xs">
              <NativeSelect
                label={t('plan.needs.level')}
                value={needs[d].level}
                onChange={(e) =>
                  onChange({ ...needs, [d]: { ...needs[d], level: e.currentTarget.value as NeedLevel | '' } })
                }
                error={planErrorText(t, errors[`needs.${d}.level`])}
                data={[
                  { value: '', label: t('plan.needs.notAssessed') },
                  ...NEED_LEVELS.map((l) => ({ value: l, label: t(`plan.needs.levels.${l}`) })),
                ]}
              />
              <Textarea
                label={t('plan.needs.notes')}
                autosize
                minRows={2}
                maxLength={NOTES_MAX}
                value={needs[d].notes}
                onChange={(e) => onChange({ ...needs, [d]: { ...needs[d], notes: e.currentTarget.value } })}
                error={planErrorText(t, errors[`needs.${d}.notes`])}
                dir="auto"
              />
            </Stack>
          </Fieldset>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function NeedsView({ needs }: { needs: NeedsAssessment }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-needs-title">
      <Title order={3} size="h4" id="plan-needs-title">
        {t('plan.needs.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" component="dl" m={0} data-testid="plan-needs">
        {NEED_DIMENSIONS.map((d) => {
          const need = needs[d];
          return (
            <Detail key={d} term={t(`plan.needs.dimensions.${d}`)}>
              {need ? t(`plan.needs.levels.${need.level}`) : t('plan.needs.notAssessed')}
              {need?.notes && (
                <Text
                  component="span"
                  size="sm"
                  display="block"
                  dir="auto"
                  style={{ whiteSpace: 'pre-wrap' }}
                >
                  {need.notes}
                </Text>
              )}
            </Detail>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

// What the enrolments allow ----------------------------------------------------------------------

function useAllowedText() {
  const { t } = useTranslation();
  const n = useNumbers();
  return (c: Pick<ComponentBudget, 'allowed' | 'upTo' | 'currency'>) =>
    c.allowed === null
      ? t('plan.budget.actualCost')
      : c.upTo
        ? t('plan.budget.upTo', { amount: n.money(c.allowed, c.currency) })
        : n.money(c.allowed, c.currency);
}

export function BudgetTable({
  groups,
  excesses,
  drafting,
}: {
  groups: readonly ProgrammeBudget[];
  excesses: readonly Excess[];
  /** The planned column shows the plan as it is being written. */
  drafting: boolean;
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const allowedText = useAllowedText();
  const components = groups.flatMap((g) => g.components);
  if (components.length === 0) {
    return (
      <Alert color="orange" variant="light" title={t('plan.budget.noneTitle')} styles={READABLE_TITLE}>
        {t('plan.budget.none')}
      </Alert>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder data-testid="plan-budget">
        <Table.Caption>{drafting ? t('plan.budget.captionDraft') : t('plan.budget.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.budget.component')}</Table.Th>
            <Table.Th scope="col">{t('plan.budget.programme')}</Table.Th>
            <Table.Th scope="col">{t('plan.budget.allows')}</Table.Th>
            <Table.Th scope="col">{t('plan.budget.planned')}</Table.Th>
            <Table.Th scope="col">{t('plan.budget.left')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {components.map((c) => {
            const refused = excesses.some(
              (x) => x.enrolmentId === c.enrolmentId && x.componentCode === c.componentCode,
            );
            const over = c.over || refused;
            return (
              <Table.Tr
                key={c.key}
                data-component={c.componentCode}
                data-over={c.over || undefined}
                data-refused={refused || undefined}
                style={over ? { background: 'var(--mantine-color-red-0)' } : undefined}
              >
                <Table.Th scope="row" fw={600}>
                  <span dir="auto">{c.name}</span>
                  {!c.active && (
                    <Badge ms="xs" size="sm" variant="outline" color="gray.8" radius="sm" tt="none">
                      {t('plan.budget.withdrawn')}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>{c.programmeCode}</Table.Td>
                <Table.Td>{allowedText(c)}</Table.Td>
                <Table.Td>{n.money(c.drafted, c.currency)}</Table.Td>
                <Table.Td c={over ? 'red.9' : undefined} fw={over ? 700 : undefined}>
                  {c.left === null
                    ? t('plan.budget.noCeiling')
                    : c.over
                      ? t('plan.budget.over', { amount: n.money(-c.left, c.currency) })
                      : n.money(c.left, c.currency)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Under a line or in the alert of a refused save: "planned 1,500 €, allowed 1,200 €". */
export function ExcessText({ excess, name }: { excess: Excess; name: string }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <>
      {t('plan.budget.excess', {
        component: name,
        programme: excess.programmeCode,
        planned: n.money(excess.planned, excess.currency),
        allowed: n.money(excess.allowed, excess.currency),
      })}
    </>
  );
}

// A line as a form -------------------------------------------------------------------------------

export function LineEditor({
  index,
  line,
  budgets,
  groups,
  persons,
  errors,
  excess,
  onChange,
  onRemove,
}: {
  index: number;
  line: LineDraft;
  budgets: ReadonlyMap<string, ComponentBudget>;
  groups: readonly ProgrammeBudget[];
  persons: readonly SharedPersonLike[];
  errors: Errors;
  excess: Excess | undefined;
  onChange: (next: LineDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const allowedText = useAllowedText();
  const at = (field: string) => planErrorText(t, errors[`lines.${index}.${field}`]);
  const budget = budgets.get(line.component);
  const currency = budget?.currency ?? null;
  const amount = parseAmount(line.amount);
  const rate = parseRate(line.exchangeRate);
  const local = localAmountOf(amount, rate);
  const localCurrency = line.localCurrency.trim().toUpperCase();
  const set = <K extends keyof LineDraft>(field: K, value: LineDraft[K]) =>
    onChange({ ...line, [field]: value });
  const number = index + 1;
  const hidden = line.beneficiaryPersonIds.filter((id) => !persons.some((p) => p.id === id));

  return (
    <Fieldset
      legend={t('plan.line.legend', { number })}
      data-line-index={index}
      data-testid="plan-line-editor"
      style={excess ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
    >
      <Stack gap="xs">
        {excess && budget && (
          <Text size="sm" c="red.9" fw={600} role="note">
            <ExcessText excess={excess} name={budget.name} />
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id={`${line.key}-component`}
            label={t('plan.line.component')}
            required
            value={line.component}
            onChange={(e) => {
              const value = e.currentTarget.value;
              const chosen = budgets.get(value);
              const modality =
                line.modality === '' &&
                chosen?.modality &&
                (PLAN_MODALITIES as readonly string[]).includes(chosen.modality)
                  ? (chosen.modality as PlanModality)
                  : line.modality;
              onChange({ ...line, component: value, modality });
            }}
            error={at('componentCode') ?? at('enrolmentId')}
            description={
              budget
                ? t('plan.line.componentHint', {
                    allowed: allowedText(budget),
                    planned: n.money(budget.drafted, budget.currency),
                  })
                : undefined
            }
            data={[
              { value: '', label: t('person.choose'), disabled: true },
              ...groups.map((g) => ({
                group: g.programmeCode,
                items: g.components.map((c) => ({
                  value: c.key,
                  label: `${c.name} — ${allowedText(c)}`,
                  disabled: !c.active,
                })),
              })),
            ]}
          />
          <NativeSelect
            label={t('plan.line.modality')}
            required
            value={line.modality}
            onChange={(e) => set('modality', e.currentTarget.value as PlanModality | '')}
            error={at('modality')}
            data={[
              { value: '', label: t('person.choose'), disabled: true },
              ...PLAN_MODALITIES.map((m) => ({ value: m, label: t(`plan.modalities.${m}`) })),
            ]}
          />
        </SimpleGrid>
        <TextInput
          label={t('plan.line.description')}
          required
          maxLength={DESCRIPTION_MAX}
          value={line.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={at('description')}
          dir="auto"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={currency ? t('plan.line.amountIn', { currency }) : t('plan.line.amount')}
            required
            inputMode="decimal"
            value={line.amount}
            onChange={(e) => set('amount', e.currentTarget.value)}
            error={at('amount')}
          />
          <TextInput
            label={t('plan.line.localCurrency')}
            description={t('plan.line.localCurrencyHint')}
            maxLength={3}
            value={line.localCurrency}
            onChange={(e) => set('localCurrency', e.currentTarget.value.toUpperCase())}
            error={at('localCurrency')}
            autoComplete="off"
          />
          <TextInput
            label={
              currency && localCurrency.length === 3
                ? t('plan.line.rateOf', { currency, local: localCurrency })
                : t('plan.line.rate')
            }
            inputMode="decimal"
            value={line.exchangeRate}
            onChange={(e) => set('exchangeRate', e.currentTarget.value)}
            error={at('exchangeRate') ?? at('localAmount')}
          />
        </SimpleGrid>
        <Text size="sm" aria-live="polite" data-testid="local-amount">
          {local !== null && /^[A-Z]{3}$/.test(localCurrency)
            ? t('plan.line.localAmount', { amount: n.money(local, localCurrency) })
            : t('plan.line.localAmountNone')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('plan.line.supplier')}
            maxLength={SUPPLIER_MAX}
            value={line.supplier}
            onChange={(e) => set('supplier', e.currentTarget.value)}
            error={at('supplier')}
            dir="auto"
          />
          <TextInput
            type="date"
            label={t('plan.line.dueDate')}
            required
            value={line.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            error={at('dueDate')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('plan.line.beneficiaries')}
          required
          value={line.beneficiaryPersonIds}
          onChange={(ids) =>
            set('beneficiaryPersonIds', [...hidden, ...ids.filter((id) => !hidden.includes(id))])
          }
          error={at('beneficiaryPersonIds')}
        >
          <Group gap="md" mt={4}>
            {persons.map((p) => (
              <Checkbox key={p.id} value={p.id} label={personLabel(t, p)} />
            ))}
          </Group>
          {hidden.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('plan.line.hiddenBeneficiaries', { count: hidden.length })}
            </Text>
          )}
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onRemove}>
            {t('plan.line.remove', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

// A line as a card -------------------------------------------------------------------------------

/** "Assistance for the same need is funded elsewhere": the guard's findings for one line. */
export function OverlapNotice({
  found,
  justification,
  onJustify,
}: {
  found: OverlapReport['items'][number];
  justification: string | null;
  onJustify: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert
      color={found.justified ? 'blue' : 'orange'}
      variant="light"
      title={t('plan.overlap.title')}
      styles={READABLE_TITLE}
      data-testid="plan-overlap"
      data-justified={found.justified || undefined}
    >
      <Stack gap={6}>
        <List size="sm" spacing={4}>
          {found.overlaps.map((o, i) => (
            <List.Item key={`${o.category}-${o.periodFrom}-${i}`}>
              {t('plan.overlap.item', {
                category: categoryLabel(t, o.category),
                from: format.date(o.periodFrom),
                to: format.date(o.periodTo),
                contact: o.contact.name,
              })}
              {o.partner && ` ${t('plan.overlap.partner', { partner: o.partner.name })}`}
            </List.Item>
          ))}
        </List>
        {found.justified ? (
          <Text size="sm">
            <strong>{t('plan.overlap.justified')}</strong>{' '}
            {justification && (
              <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {justification}
              </span>
            )}
          </Text>
        ) : (
          <Text size="sm">{t('plan.overlap.needsJustification')}</Text>
        )}
        {onJustify && (
          <Group>
            <Button size="xs" variant="default" onClick={onJustify}>
              {found.justified ? t('plan.overlap.justifyAgain') : t('plan.overlap.justify')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function LineCard({
  line,
  budgetName,
  persons,
  documents,
  caseId,
  overlap,
  flagged,
  onJustify,
  onDeliver,
}: {
  line: PlanLine;
  budgetName: string;
  persons: readonly SharedPersonLike[];
  documents: readonly CaseDocument[];
  caseId: string;
  overlap: OverlapReport['items'][number] | undefined;
  /** The approval was refused for this line (duplicate assistance). */
  flagged: boolean;
  onJustify: (() => void) | undefined;
  onDeliver: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = useNumbers();
  const number = line.position + 1;
  const beneficiaries = line.beneficiaryPersonIds.map((id) => {
    const p = persons.find((x) => x.id === id);
    return p ? personLabel(t, p) : t('plan.line.otherPerson');
  });
  const approved = line.status === 'approved';
  const share = line.amount > 0 ? Math.min(100, (line.delivered / line.amount) * 100) : 0;
  const titleId = `plan-line-${line.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      aria-labelledby={titleId}
      data-line={line.id}
      data-testid="plan-line"
      data-flagged={flagged || undefined}
      style={flagged ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={4} size="h5" id={titleId} dir="auto">
            {t('plan.line.title', { number, description: line.description })}
          </Title>
          <Text fw={700}>{n.money(line.amount, line.currency)}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" component="dl" m={0}>
          <Detail term={t('plan.line.component')}>
            <span dir="auto">{budgetName}</span> ({line.programmeCode})
          </Detail>
          <Detail term={t('plan.line.modality')}>{t(`plan.modalities.${line.modality}`)}</Detail>
          <Detail term={t('plan.line.localAmountTerm')}>
            {line.localAmount !== null && line.localCurrency
              ? t('plan.line.localAmountValue', {
                  amount: n.money(line.localAmount, line.localCurrency),
                  rate: n.number(line.exchangeRate ?? 0),
                })
              : t('common.notRecorded')}
          </Detail>
          <Detail term={t('plan.line.supplier')}>{line.supplier ?? t('common.notRecorded')}</Detail>
          <Detail term={t('plan.line.dueDate')}>{format.date(line.dueDate)}</Detail>
          <Detail term={t('plan.line.beneficiaries')}>{beneficiaries.join(', ')}</Detail>
          <Detail term={t('plan.line.status')}>{t(`plan.lineStatus.${line.status}`)}</Detail>
        </SimpleGrid>
        {flagged && (
          <Text size="sm" c="red.9" fw={700} role="note">
            {t('plan.overlap.blocking')}
          </Text>
        )}
        {overlap && (
          <OverlapNotice found={overlap} justification={line.justification} onJustify={onJustify} />
        )}
        {approved && (
          <Stack gap={4} data-testid="line-delivery">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" data-testid="line-delivered">
                {t('plan.delivery.progress', {
                  delivered: n.money(line.delivered, line.currency),
                  remaining: n.money(line.remaining, line.currency),
                })}
              </Text>
              {onDeliver && line.remaining > 0 && (
                <Button
                  size="xs"
                  onClick={onDeliver}
                  aria-label={t('plan.delivery.recordFor', { number })}
                  data-testid="record-delivery"
                >
                  {t('plan.delivery.record')}
                </Button>
              )}
            </Group>
            <Progress
              value={share}
              aria-label={t('plan.delivery.progressLabel', { number })}
              color="teal.8"
            />
            {line.deliveries.length > 0 && (
              <List size="sm" spacing={4} data-testid="line-deliveries">
                {line.deliveries.map((d) => (
                  <List.Item key={d.id} data-delivery={d.id}>
                    {t('plan.delivery.item', {
                      date: format.date(d.deliveredOn),
                      kind: t(`plan.delivery.kinds.${d.kind}`),
                      amount: n.money(d.amount, line.currency),
                    })}
                    {d.note && (
                      <Text span size="sm" dir="auto">
                        {' — '}
                        {d.note}
                      </Text>
                    )}
                    {d.documentIds.length === 0 ? (
                      <Text span size="sm" c="red.9" fw={600}>
                        {' — '}
                        {t('plan.delivery.noProof')}
                      </Text>
                    ) : (
                      <>
                        {' — '}
                        {t('plan.delivery.proofs')}{' '}
                        {d.documentIds.map((id, i) => {
                          const doc = documents.find((x) => x.id === id);
                          return (
                            <span key={id}>
                              {i > 0 && ', '}
                              {doc ? (
                                <Anchor
                                  href={documentContentUrl(caseId, id)}
                                  download={doc.filename}
                                  dir="auto"
                                >
                                  {doc.filename}
                                </Anchor>
                              ) : (
                                t('plan.delivery.hiddenProof')
                              )}
                            </span>
                          );
                        })}
                      </>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
