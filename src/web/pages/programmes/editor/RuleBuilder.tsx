import {
  Box,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../../domain/programmes/definition.ts';
import {
  ADMINISTRATIVE_STATUSES,
  RETURN_TYPES,
  VULNERABILITY_CATEGORIES,
} from '../../../../domain/case-facts.ts';
import { useFormat, type CodeOption } from '../../../components/format.ts';
import {
  addChild,
  newFact,
  newGroup,
  removeNode,
  updateNode,
  withFact,
  type FactNode,
  type GroupKind,
  type GroupNode,
  type RuleNode,
} from '../ruleTree.ts';
import {
  BOOLEAN_FACTS,
  factKind,
  isCountryFact,
  isOneOf,
  LIST_FACTS,
  NUMBER_FACTS,
  NUMBER_RANGES,
  operatorsFor,
  PROCEDURAL_STAGES,
} from '../vocab.ts';
import { useEditor } from './context.tsx';
import { focusWhenShown, ruleAddId, ruleFactId } from './focus.ts';
import { fieldId } from './placement.ts';

const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'none'];

interface BuilderProps {
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  /** Each node's path in the definition, by node id. */
  paths: Record<string, string>;
}

/** The options a list fact's value is chosen from. */
function useValueOptions(fact: Fact, chosen: string[]): CodeOption[] {
  const { t } = useTranslation();
  const format = useFormat();
  const { groupOptions } = useEditor();
  let options: CodeOption[];
  if (isCountryFact(fact)) options = format.countryOptions();
  else if (fact === 'nationalityGroup') options = groupOptions;
  else if (fact === 'administrativeStatus')
    options = ADMINISTRATIVE_STATUSES.map((s) => ({ value: s, label: t(`administrativeStatuses.${s}`) }));
  else if (fact === 'proceduralStage')
    options = PROCEDURAL_STAGES.map((s) => ({ value: s, label: t(`programmes.proceduralStages.${s}`) }));
  else if (fact === 'returnType')
    options = RETURN_TYPES.map((s) => ({ value: s, label: t(`returnTypes.${s}`) }));
  else if (fact === 'vulnerability')
    options = VULNERABILITY_CATEGORIES.map((s) => ({ value: s, label: t(`vulnerabilityCategories.${s}`) }));
  else options = [];
  // A code the definition names but the list does not know stays visible (and removable).
  const known = new Set(options.map((o) => o.value));
  const unknown = chosen.filter((c) => !known.has(c)).map((c) => ({ value: c, label: c }));
  return unknown.length > 0 ? [...options, ...unknown] : options;
}

function FactRow({
  node,
  label,
  path,
  onChange,
  onRemove,
}: {
  node: FactNode;
  label: string;
  path: string;
  onChange: (node: FactNode) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { errorAt, programmeCodes } = useEditor();
  const kind = factKind(node.fact);
  const options = useValueOptions(node.fact, node.codes);
  const legendId = `${fieldId(path)}-legend`;
  const nodeError = errorAt(path);
  const valueError = errorAt(`${path}.value`);
  const opError = errorAt(`${path}.op`);
  const factGroups = [
    { group: t('programmes.rule.factKinds.list'), facts: LIST_FACTS },
    { group: t('programmes.rule.factKinds.number'), facts: NUMBER_FACTS },
    { group: t('programmes.rule.factKinds.boolean'), facts: BOOLEAN_FACTS },
  ];
  const valueLabel = t('programmes.rule.value');
  let valueInput;
  if (kind === 'list' && node.fact === 'previousAssistance') {
    valueInput = (
      <TagsInput
        id={fieldId(`${path}.value`)}
        label={t('programmes.rule.programmeCodes')}
        data={programmeCodes}
        value={node.codes}
        onChange={(codes) => onChange({ ...node, codes })}
        error={valueError}
        maxTags={300}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
    );
  } else if (kind === 'list') {
    valueInput = (
      <MultiSelect
        id={fieldId(`${path}.value`)}
        label={valueLabel}
        placeholder={node.codes.length === 0 ? t('programmes.rule.chooseValues') : undefined}
        searchable
        nothingFoundMessage={
          node.fact === 'nationalityGroup' ? t('programmes.rule.noGroups') : t('common.nothingFound')
        }
        data={options}
        value={node.codes}
        onChange={(codes) => onChange({ ...node, codes })}
        error={valueError}
        maxValues={300}
        comboboxProps={{ withinPortal: true }}
      />
    );
  } else if (kind === 'number') {
    const [min, max] = NUMBER_RANGES[node.fact as keyof typeof NUMBER_RANGES];
    valueInput = (
      <NumberInput
        id={fieldId(`${path}.value`)}
        label={t('programmes.rule.number')}
        value={node.number}
        onChange={(v) => onChange({ ...node, number: typeof v === 'number' ? v : '' })}
        min={min}
        max={max}
        allowDecimal={false}
        clampBehavior="none"
        error={valueError}
        w={140}
      />
    );
  } else {
    valueInput = (
      <NativeSelect
        id={fieldId(`${path}.value`)}
        label={t('programmes.rule.answer')}
        value={node.flag ? 'yes' : 'no'}
        onChange={(e) => onChange({ ...node, flag: e.currentTarget.value === 'yes' })}
        data={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        error={valueError}
        w={110}
      />
    );
  }
  return (
    <Box
      component="fieldset"
      id={fieldId(path)}
      tabIndex={-1}
      aria-labelledby={legendId}
      data-testid="rule-condition"
      m={0}
      p="xs"
      style={{
        border: `1px solid ${nodeError ? 'var(--mantine-color-error)' : 'var(--mantine-color-gray-4)'}`,
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: 0,
      }}
    >
      <Text component="legend" id={legendId} size="xs" fw={600} px={4}>
        {label}
      </Text>
      <Stack gap={6}>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <NativeSelect
            id={ruleFactId(node.id)}
            label={t('programmes.rule.fact')}
            value={node.fact}
            onChange={(e) => {
              const fact = e.currentTarget.value;
              const known = [...LIST_FACTS, ...NUMBER_FACTS, ...BOOLEAN_FACTS] as readonly Fact[];
              if (isOneOf(known, fact)) onChange(withFact(node, fact));
            }}
            data={factGroups.map((g) => ({
              group: g.group,
              items: g.facts.map((f) => ({ value: f, label: t(`programmes.facts.${f}`) })),
            }))}
            w={250}
          />
          {kind === 'boolean' ? null : (
            <NativeSelect
              id={fieldId(`${path}.op`)}
              label={t('programmes.rule.operator')}
              value={node.op}
              onChange={(e) => {
                const op = e.currentTarget.value;
                if (isOneOf(operatorsFor(node.fact), op)) onChange({ ...node, op: op });
              }}
              data={operatorsFor(node.fact).map((op) => ({
                value: op,
                label: t(`programmes.rule.operators.${op}`),
              }))}
              error={opError}
              w={150}
            />
          )}
          <Box style={{ flex: kind === 'list' ? '1 1 220px' : '0 0 auto', minWidth: 0 }}>{valueInput}</Box>
        </Group>
        <Group justify="space-between" gap="xs">
          {nodeError ? (
            <Text size="sm" c="red.9" role="alert">
              {nodeError}
            </Text>
          ) : (
            <span />
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            c="red.9"
            onClick={onRemove}
            aria-label={t('programmes.rule.removeConditionLabel', { label })}
          >
            {t('programmes.rule.removeCondition')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function GroupBox({
  node,
  label,
  depth,
  isRoot,
  parentId,
  props,
}: {
  node: GroupNode;
  label: string;
  depth: number;
  isRoot: boolean;
  /** The group this one sits in (focus goes to its "add" button when this one is removed). */
  parentId?: string;
  props: BuilderProps;
}) {
  const { t } = useTranslation();
  const { errorAt } = useEditor();
  const path = props.paths[node.id] ?? '';
  const legendId = `${fieldId(path || node.id)}-${node.id}-legend`;
  const error = path ? errorAt(path) : undefined;
  const change = (next: RuleNode) => props.onChange(updateNode(props.root, next.id, () => next));
  const numbered = (i: number) => (isRoot ? String(i + 1) : `${label}.${i + 1}`);
  return (
    <Box
      component={isRoot ? 'div' : 'fieldset'}
      id={isRoot ? undefined : fieldId(path)}
      tabIndex={isRoot ? undefined : -1}
      aria-labelledby={isRoot ? undefined : legendId}
      data-testid={isRoot ? 'rule-root' : 'rule-group'}
      m={0}
      p={isRoot ? 0 : 'xs'}
      style={
        isRoot
          ? { minWidth: 0 }
          : {
              border: `1px dashed ${error ? 'var(--mantine-color-error)' : 'var(--mantine-color-gray-5)'}`,
              borderRadius: 'var(--mantine-radius-sm)',
              background: depth % 2 === 1 ? 'var(--mantine-color-gray-0)' : undefined,
              minWidth: 0,
            }
      }
    >
      {!isRoot && (
        <Text component="legend" id={legendId} size="xs" fw={600} px={4}>
          {t('programmes.rule.groupLegend', { label })}
        </Text>
      )}
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('programmes.rule.combine')}
            value={node.kind}
            onChange={(e) => {
              const kind = e.currentTarget.value;
              if (isOneOf(GROUP_KINDS, kind)) change({ ...node, kind });
            }}
            data={GROUP_KINDS.map((k) => ({ value: k, label: t(`programmes.rule.kinds.${k}`) }))}
            w={260}
          />
          {!isRoot && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              c="red.9"
              onClick={() => {
                props.onChange(removeNode(props.root, node.id));
                if (parentId) focusWhenShown(ruleAddId(parentId));
              }}
              aria-label={t('programmes.rule.removeGroupLabel', { label })}
            >
              {t('programmes.rule.removeGroup')}
            </Button>
          )}
        </Group>
        {node.children.length === 0 ? (
          <Text size="sm" c="dimmed">
            {isRoot ? t('programmes.rule.emptyRoot') : t('programmes.rule.emptyGroup')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {node.children.map((child, i) => (
              <li key={child.id}>
                {child.type === 'fact' ? (
                  <FactRow
                    node={child}
                    label={t('programmes.rule.conditionLegend', { label: numbered(i) })}
                    path={props.paths[child.id] ?? ''}
                    onChange={change}
                    onRemove={() => {
                      props.onChange(removeNode(props.root, child.id));
                      focusWhenShown(ruleAddId(node.id));
                    }}
                  />
                ) : (
                  <GroupBox
                    node={child}
                    label={numbered(i)}
                    depth={depth + 1}
                    isRoot={false}
                    parentId={node.id}
                    props={props}
                  />
                )}
              </li>
            ))}
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            id={ruleAddId(node.id)}
            onClick={() => {
              const added = newFact();
              props.onChange(addChild(props.root, node.id, added));
              focusWhenShown(ruleFactId(added.id));
            }}
            aria-label={isRoot ? undefined : t('programmes.rule.addConditionTo', { label })}
          >
            {t('programmes.rule.addCondition')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              const first = newFact();
              props.onChange(addChild(props.root, node.id, newGroup('any', [first])));
              focusWhenShown(ruleFactId(first.id));
            }}
            aria-label={isRoot ? undefined : t('programmes.rule.addGroupTo', { label })}
          >
            {t('programmes.rule.addGroup')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

/**
 * The rule builder: nested "all of / any of / none of" groups of conditions on case facts. Each
 * condition offers the operators and the kind of value its fact takes.
 */
export function RuleBuilder({
  root,
  onChange,
  paths,
  path,
  title,
}: BuilderProps & {
  /** The rule's path in the definition (problems at it are shown here). */
  path: string;
  /** What the rule decides, e.g. "Who is eligible" (the group's accessible name). */
  title: string;
}) {
  const allPaths = { ...paths, [root.id]: paths[root.id] ?? path };
  return (
    <Box
      role="group"
      aria-label={title}
      id={`${fieldId(path)}-rule`}
      tabIndex={-1}
      data-testid="rule-builder"
    >
      <GroupBox node={root} label="" depth={0} isRoot props={{ root, onChange, paths: allPaths }} />
    </Box>
  );
}
