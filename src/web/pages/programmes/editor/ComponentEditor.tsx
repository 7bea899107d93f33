import {
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  newInstalmentDraft,
  newVariantDraft,
  type Amounts,
  type ComponentDraft,
  type InstalmentDraft,
  type NumberValue,
  type VariantDraft,
} from '../programmeDraft.ts';
import { addChild, newFact, type GroupNode } from '../ruleTree.ts';
import { useText } from '../display.tsx';
import {
  COMPONENT_CATEGORIES,
  COMPONENT_STAGES,
  CURRENCIES,
  INSTALMENT_DUE,
  isOneOf,
  MODALITIES,
} from '../vocab.ts';
import { useEditor } from './context.tsx';
import { focusWhenShown, ruleAddId, ruleFactId } from './focus.ts';
import { LocalizedInput } from './LocalizedFields.tsx';
import { fieldId } from './placement.ts';
import { RuleBuilder } from './RuleBuilder.tsx';

const MAX_MONEY = 10_000_000;

function toNumber(value: number | string): NumberValue {
  return typeof value === 'number' ? value : '';
}

function MoneyInput({
  label,
  path,
  value,
  onChange,
  currency,
}: {
  label: string;
  path: string;
  value: NumberValue;
  onChange: (value: NumberValue) => void;
  currency: string;
}) {
  const { errorAt } = useEditor();
  return (
    <NumberInput
      id={fieldId(path)}
      label={label}
      value={value}
      onChange={(v) => onChange(toNumber(v))}
      min={0}
      max={MAX_MONEY}
      decimalScale={2}
      clampBehavior="none"
      hideControls
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden="true">
          {currency}
        </Text>
      }
      rightSectionWidth={44}
      error={errorAt(path)}
    />
  );
}

function AmountInputs({
  amounts,
  path,
  currency,
  onChange,
}: {
  amounts: Amounts;
  path: string;
  currency: string;
  onChange: (changes: Partial<Amounts>) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
      <MoneyInput
        label={t('programmes.editor.perAdult')}
        path={`${path}.perAdult`}
        value={amounts.perAdult}
        currency={currency}
        onChange={(perAdult) => onChange({ perAdult })}
      />
      <MoneyInput
        label={t('programmes.editor.perMinor')}
        path={`${path}.perMinor`}
        value={amounts.perMinor}
        currency={currency}
        onChange={(perMinor) => onChange({ perMinor })}
      />
      <MoneyInput
        label={t('programmes.editor.perHousehold')}
        path={`${path}.perHousehold`}
        value={amounts.perHousehold}
        currency={currency}
        onChange={(perHousehold) => onChange({ perHousehold })}
      />
    </SimpleGrid>
  );
}

function Fieldset({
  legend,
  path,
  children,
  actions,
  showError = true,
}: {
  legend: string;
  path: string;
  children: ReactNode;
  actions?: ReactNode;
  /** Whether problems at `path` show here (not when a part inside shows them, e.g. a rule). */
  showError?: boolean;
}) {
  const { errorAt } = useEditor();
  const error = showError ? errorAt(path) : undefined;
  return (
    <Box
      component="fieldset"
      id={showError ? fieldId(path) : undefined}
      tabIndex={showError ? -1 : undefined}
      m={0}
      p="sm"
      style={{
        border: `1px solid ${error ? 'var(--mantine-color-error)' : 'var(--mantine-color-gray-3)'}`,
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: 0,
      }}
    >
      <Text component="legend" fw={600} size="sm" px={4}>
        {legend}
      </Text>
      <Stack gap="xs">
        {children}
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        {actions}
      </Stack>
    </Box>
  );
}

function VariantEditor({
  variant,
  index,
  path,
  currency,
  rulePaths,
  onChange,
  onRemove,
}: {
  variant: VariantDraft;
  index: number;
  path: string;
  currency: string;
  rulePaths: Record<string, string>;
  onChange: (variant: VariantDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const label = t('programmes.editor.variantLegend', { number: index + 1 });
  return (
    <Fieldset
      legend={label}
      path={path}
      actions={
        <Group justify="flex-end">
          <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove}>
            {t('programmes.editor.removeItem', { item: label })}
          </Button>
        </Group>
      }
    >
      <LocalizedInput
        label={t('programmes.editor.variantLabel')}
        path={`${path}.label`}
        value={variant.label}
        onChange={(labelText) => onChange({ ...variant, label: labelText })}
        required
      />
      <Text size="sm" fw={600}>
        {t('programmes.editor.variantWhen')}
      </Text>
      <RuleBuilder
        root={variant.when}
        onChange={(when) => onChange({ ...variant, when })}
        paths={rulePaths}
        path={`${path}.when`}
        title={t('programmes.editor.variantWhenLabel', { variant: label })}
      />
      <Text size="sm" fw={600}>
        {t('programmes.editor.variantAmounts')}
      </Text>
      <AmountInputs
        amounts={variant}
        path={path}
        currency={currency}
        onChange={(changes) => onChange({ ...variant, ...changes })}
      />
    </Fieldset>
  );
}

function InstalmentRow({
  instalment,
  index,
  path,
  onChange,
  onRemove,
}: {
  instalment: InstalmentDraft;
  index: number;
  path: string;
  onChange: (instalment: InstalmentDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { errorAt } = useEditor();
  const label = t('programmes.editor.instalmentLegend', { number: index + 1 });
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
      <Text component="legend" size="xs" fw={600} px={4}>
        {label}
      </Text>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NumberInput
          id={fieldId(`${path}.percent`)}
          label={t('programmes.editor.percent')}
          value={instalment.percent}
          onChange={(v) => onChange({ ...instalment, percent: toNumber(v) })}
          min={0}
          max={100}
          decimalScale={2}
          clampBehavior="none"
          hideControls
          rightSection={
            <Text size="xs" aria-hidden="true">
              %
            </Text>
          }
          error={errorAt(`${path}.percent`)}
          w={110}
        />
        <NativeSelect
          id={fieldId(`${path}.due`)}
          label={t('programmes.editor.due')}
          value={instalment.due}
          onChange={(e) => {
            const due = e.currentTarget.value;
            if (isOneOf(INSTALMENT_DUE, due)) {
              onChange({
                ...instalment,
                due,
                monthsAfterArrival: due === 'after_arrival' ? instalment.monthsAfterArrival : '',
              });
            }
          }}
          data={INSTALMENT_DUE.map((d) => ({ value: d, label: t(`programmes.dues.${d}`) }))}
          error={errorAt(`${path}.due`)}
          w={190}
        />
        {instalment.due === 'after_arrival' && (
          <NumberInput
            id={fieldId(`${path}.monthsAfterArrival`)}
            label={t('programmes.editor.monthsAfterArrival')}
            value={instalment.monthsAfterArrival}
            onChange={(v) => onChange({ ...instalment, monthsAfterArrival: toNumber(v) })}
            min={0}
            max={60}
            allowDecimal={false}
            clampBehavior="none"
            error={errorAt(`${path}.monthsAfterArrival`)}
            w={150}
          />
        )}
        <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove} mb={6}>
          {t('programmes.editor.removeItem', { item: label })}
        </Button>
      </Group>
    </Box>
  );
}

/** One component of the programme: what it is, its amount rule, variants, instalments, condition. */
export function ComponentEditor({
  component,
  index,
  rulePaths,
  onChange,
  onRemove,
  canRemove,
}: {
  component: ComponentDraft;
  index: number;
  rulePaths: Record<string, string>;
  onChange: (component: ComponentDraft) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const { t } = useTranslation();
  const text = useText();
  const { errorAt } = useEditor();
  const path = `components.${index}`;
  const c = component;
  const set = (changes: Partial<ComponentDraft>) => onChange({ ...c, ...changes });
  const headingId = `${fieldId(path)}-heading`;
  const name = text(c.name).trim() || c.code;
  const title = t('programmes.editor.componentTitle', { number: index + 1, name });
  const percentTotal = c.instalments.reduce((sum, i) => sum + (i.percent === '' ? 0 : i.percent), 0);
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      id={fieldId(path)}
      tabIndex={-1}
      data-testid="component-editor"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={headingId} className="hw-break">
            {title}
          </Title>
          {canRemove && (
            <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove}>
              {t('programmes.editor.removeItem', { item: title })}
            </Button>
          )}
        </Group>
        {errorAt(path) && (
          <Text size="sm" c="red.9" role="alert">
            {errorAt(path)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            id={fieldId(`${path}.code`)}
            label={t('programmes.editor.componentCode')}
            description={t('programmes.editor.componentCodeHint')}
            required
            value={c.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={errorAt(`${path}.code`)}
            maxLength={64}
            dir="ltr"
          />
          <NativeSelect
            id={fieldId(`${path}.stage`)}
            label={t('programmes.editor.stage')}
            value={c.stage}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(COMPONENT_STAGES, v)) set({ stage: v });
            }}
            data={COMPONENT_STAGES.map((s) => ({ value: s, label: t(`programmes.stages.${s}`) }))}
          />
          <NativeSelect
            id={fieldId(`${path}.modality`)}
            label={t('programmes.editor.modality')}
            value={c.modality}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(MODALITIES, v)) set({ modality: v });
            }}
            data={MODALITIES.map((m) => ({ value: m, label: t(`programmes.modalities.${m}`) }))}
          />
          <NativeSelect
            id={fieldId(`${path}.category`)}
            label={t('programmes.editor.category')}
            value={c.category}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(COMPONENT_CATEGORIES, v)) set({ category: v });
            }}
            data={COMPONENT_CATEGORIES.map((k) => ({ value: k, label: t(`programmes.categories.${k}`) }))}
          />
          <NativeSelect
            id={fieldId(`${path}.currency`)}
            label={t('programmes.editor.currency')}
            value={c.currency}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(CURRENCIES, v)) set({ currency: v });
            }}
            data={[...CURRENCIES]}
          />
        </SimpleGrid>
        <LocalizedInput
          label={t('programmes.editor.componentName')}
          path={`${path}.name`}
          value={c.name}
          onChange={(value) => set({ name: value })}
          required
        />
        <LocalizedInput
          label={t('programmes.editor.componentDescription')}
          path={`${path}.description`}
          value={c.description}
          onChange={(value) => set({ description: value })}
          multiline
        />

        <Fieldset legend={t('programmes.editor.amount')} path={`${path}.amount`}>
          <AmountInputs
            amounts={c}
            path={`${path}.amount`}
            currency={c.currency}
            onChange={(changes) => set(changes)}
          />
          <Group gap="lg">
            <Checkbox
              id={fieldId(`${path}.amount.upTo`)}
              label={t('programmes.editor.upTo')}
              checked={c.upTo}
              onChange={(e) => set({ upTo: e.currentTarget.checked })}
              error={errorAt(`${path}.amount.upTo`)}
            />
            <Checkbox
              id={fieldId(`${path}.amount.actualCost`)}
              label={t('programmes.editor.actualCost')}
              checked={c.actualCost}
              onChange={(e) => set({ actualCost: e.currentTarget.checked })}
              error={errorAt(`${path}.amount.actualCost`)}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <MoneyInput
              label={t('programmes.editor.cap')}
              path={`${path}.amount.cap`}
              value={c.cap}
              currency={c.currency}
              onChange={(cap) => set({ cap })}
            />
            <MoneyInput
              label={t('programmes.editor.topUpPerPerson')}
              path={`${path}.amount.vulnerabilityTopUp.perVulnerablePerson`}
              value={c.topUpPerPerson}
              currency={c.currency}
              onChange={(topUpPerPerson) => set({ topUpPerPerson })}
            />
            <MoneyInput
              label={t('programmes.editor.topUpPerHousehold')}
              path={`${path}.amount.vulnerabilityTopUp.perHousehold`}
              value={c.topUpPerHousehold}
              currency={c.currency}
              onChange={(topUpPerHousehold) => set({ topUpPerHousehold })}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('programmes.editor.variants')} path={`${path}.amount.variants`}>
          <Text size="sm" c="dimmed">
            {t('programmes.editor.variantsHint')}
          </Text>
          {c.variants.map((v, i) => (
            <VariantEditor
              key={v.key}
              variant={v}
              index={i}
              path={`${path}.amount.variants.${i}`}
              currency={c.currency}
              rulePaths={rulePaths}
              onChange={(next) => set({ variants: c.variants.map((x) => (x.key === v.key ? next : x)) })}
              onRemove={() => {
                set({ variants: c.variants.filter((x) => x.key !== v.key) });
                focusWhenShown(`${fieldId(path)}-add-variant`);
              }}
            />
          ))}
          <div>
            <Button
              id={`${fieldId(path)}-add-variant`}
              size="compact-sm"
              variant="light"
              onClick={() => {
                const variant = newVariantDraft();
                const when: GroupNode = addChild(variant.when, variant.when.id, newFact('proceduralStage'));
                set({ variants: [...c.variants, { ...variant, when }] });
                focusWhenShown(fieldId(`${path}.amount.variants.${c.variants.length}.label.en`));
              }}
            >
              {t('programmes.editor.addVariant')}
            </Button>
          </div>
        </Fieldset>

        <Fieldset legend={t('programmes.editor.instalments')} path={`${path}.amount.instalments`}>
          {c.instalments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.editor.noInstalments')}
            </Text>
          ) : (
            <Text size="sm" c={Math.abs(percentTotal - 100) < 0.001 ? 'dimmed' : 'red.9'}>
              {t('programmes.editor.instalmentsTotal', { percent: Math.round(percentTotal * 100) / 100 })}
            </Text>
          )}
          {c.instalments.map((inst, i) => (
            <InstalmentRow
              key={inst.key}
              instalment={inst}
              index={i}
              path={`${path}.amount.instalments.${i}`}
              onChange={(next) =>
                set({ instalments: c.instalments.map((x) => (x.key === inst.key ? next : x)) })
              }
              onRemove={() => {
                set({ instalments: c.instalments.filter((x) => x.key !== inst.key) });
                focusWhenShown(`${fieldId(path)}-add-instalment`);
              }}
            />
          ))}
          <div>
            <Button
              id={`${fieldId(path)}-add-instalment`}
              size="compact-sm"
              variant="light"
              onClick={() => {
                set({ instalments: [...c.instalments, newInstalmentDraft(c.instalments)] });
                focusWhenShown(fieldId(`${path}.amount.instalments.${c.instalments.length}.percent`));
              }}
            >
              {t('programmes.editor.addInstalment')}
            </Button>
          </div>
        </Fieldset>

        <Fieldset
          legend={t('programmes.editor.componentCondition')}
          path={`${path}.eligibility`}
          showError={false}
        >
          {c.eligibility.children.length === 0 ? (
            <>
              <Text size="sm" c="dimmed">
                {t('programmes.editor.noComponentCondition')}
              </Text>
              <div>
                <Button
                  id={ruleAddId(c.eligibility.id)}
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    const added = newFact();
                    set({ eligibility: addChild(c.eligibility, c.eligibility.id, added) });
                    focusWhenShown(ruleFactId(added.id));
                  }}
                >
                  {t('programmes.editor.addComponentCondition')}
                </Button>
              </div>
            </>
          ) : (
            <RuleBuilder
              root={c.eligibility}
              onChange={(eligibility) => set({ eligibility })}
              paths={rulePaths}
              path={`${path}.eligibility`}
              title={t('programmes.editor.componentConditionLabel', { component: title })}
            />
          )}
        </Fieldset>
      </Stack>
    </Card>
  );
}
