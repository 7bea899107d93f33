/**
 * How programmes read on screen: texts in the interface language, badges for status, stage and
 * modality, money, and the words of rules and amounts (see describe.ts) in the interface language.
 */
import { Badge, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComponentStage,
  Condition,
  FactCondition,
  LocalizedText,
  Modality,
  NationalityGroup,
  ProgrammeStatus,
} from '../../../domain/programmes/definition.ts';
import type { PreviewStatus } from '../../api/programmes.ts';
import { useFormat } from '../../components/format.ts';
import { currentLanguage, isLanguage } from '../../i18n/index.ts';
import { describeRule, type AmountWords, type RuleLine, type RuleWords } from './describe.ts';
import { isCountryFact, isOneOf, NUMBER_OPERATORS, PROCEDURAL_STAGES, type NumberOperator } from './vocab.ts';
import {
  ADMINISTRATIVE_STATUSES,
  RETURN_TYPES,
  VULNERABILITY_CATEGORIES,
} from '../../../domain/case-facts.ts';

/** The interface language (one of en, fr, ar). */
export function useLanguage(): string {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : currentLanguage();
}

/** A text of a definition in the interface language, else English, else any. */
export function pickText(text: LocalizedText | Record<string, string> | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

export function useText(): (text: LocalizedText | Record<string, string> | undefined) => string {
  const lang = useLanguage();
  return (text) => pickText(text, lang);
}

const STATUS_COLOURS: Record<ProgrammeStatus, { color: string; variant: 'filled' | 'light' | 'outline' }> = {
  draft: { color: 'gray.7', variant: 'outline' },
  published: { color: 'teal.9', variant: 'filled' },
  closed: { color: 'gray.7', variant: 'filled' },
};

export function ProgrammeStatusBadge({
  status,
  size = 'md',
}: {
  status: ProgrammeStatus;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const style = STATUS_COLOURS[status];
  return (
    <Badge color={style.color} variant={style.variant} radius="sm" tt="none" size={size} data-status={status}>
      {t(`programmes.statuses.${status}`)}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: ComponentStage }) {
  const { t } = useTranslation();
  return (
    <Badge color="blue.9" variant="filled" radius="sm" tt="none">
      {t(`programmes.stages.${stage}`)}
    </Badge>
  );
}

export function ModalityBadge({ modality }: { modality: Modality }) {
  const { t } = useTranslation();
  return (
    <Badge color="grape.9" variant="outline" radius="sm" tt="none">
      {t(`programmes.modalities.${modality}`)}
    </Badge>
  );
}

const PREVIEW_STATUS_STYLE: Record<
  PreviewStatus,
  { color: string; variant: 'filled' | 'light' | 'outline' }
> = {
  eligible: { color: 'teal.9', variant: 'filled' },
  to_check: { color: 'orange.5', variant: 'filled' },
  not_eligible: { color: 'gray.7', variant: 'outline' },
};

/** Eligible / to check / not eligible (colour is never the only signal: the text says it). */
export function PreviewStatusBadge({ status }: { status: PreviewStatus }) {
  const { t } = useTranslation();
  const style = PREVIEW_STATUS_STYLE[status];
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      autoContrast
      radius="sm"
      tt="none"
      data-status={status}
    >
      {t(`programmes.previewStatuses.${status}`)}
    </Badge>
  );
}

/** Money in the interface language (Latin digits, as the engine writes them). */
export function useMoney(): (amount: number, currency: string) => string {
  const lang = useLanguage();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    return (amount: number, currency: string) => {
      let format = formats.get(currency);
      if (!format) {
        try {
          format = new Intl.NumberFormat(`${lang}-u-nu-latn`, {
            style: 'currency',
            currency,
            maximumFractionDigits: 2,
            minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
          });
        } catch {
          format = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
        }
        formats.set(currency, format);
      }
      return format.format(amount);
    };
  }, [lang]);
}

/** "a, b and c" in the interface language. */
export function useListFormat(
  type: 'conjunction' | 'disjunction' = 'conjunction',
): (items: string[]) => string {
  const lang = useLanguage();
  return useMemo(() => {
    try {
      const format = new Intl.ListFormat(lang, { style: 'long', type });
      return (items: string[]) => format.format(items);
    } catch {
      return (items: string[]) => items.join(', ');
    }
  }, [lang, type]);
}

/**
 * The label of one value of a list fact: a country's name, a nationality group's name, or the name of
 * a status, stage, type of return or vulnerability.
 */
export function useValueLabel(groups: readonly Pick<NationalityGroup, 'code' | 'name'>[] = []) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useText();
  return (fact: FactCondition['fact'], code: string): string => {
    if (isCountryFact(fact)) return format.country(code) ?? code;
    if (fact === 'nationalityGroup') {
      const group = groups.find((g) => g.code === code);
      return group ? text(group.name) || code : code;
    }
    if (fact === 'administrativeStatus' && isOneOf(ADMINISTRATIVE_STATUSES, code))
      return t(`administrativeStatuses.${code}`);
    if (fact === 'proceduralStage' && isOneOf(PROCEDURAL_STAGES, code))
      return t(`programmes.proceduralStages.${code}`);
    if (fact === 'returnType' && isOneOf(RETURN_TYPES, code)) return t(`returnTypes.${code}`);
    if (fact === 'vulnerability' && isOneOf(VULNERABILITY_CATEGORIES, code))
      return t(`vulnerabilityCategories.${code}`);
    return code;
  };
}

/** The words of rules in the interface language. */
export function useRuleWords(groups: readonly Pick<NationalityGroup, 'code' | 'name'>[] = []): RuleWords {
  const { t } = useTranslation();
  const valueLabel = useValueLabel(groups);
  const or = useListFormat('disjunction');
  return {
    group: (kind) => t(`programmes.rule.groups.${kind}`),
    condition: (c) => {
      const fact = t(`programmes.facts.${c.fact}`);
      if (Array.isArray(c.value)) {
        const values = or(c.value.map((v) => valueLabel(c.fact, v)));
        return c.op === 'not_in'
          ? t('programmes.rule.sentences.not_in', { fact, values })
          : t('programmes.rule.sentences.in', { fact, values });
      }
      if (typeof c.value === 'boolean') {
        return c.value
          ? t('programmes.rule.sentences.isYes', { fact })
          : t('programmes.rule.sentences.isNo', { fact });
      }
      const op: NumberOperator = isOneOf(NUMBER_OPERATORS, c.op) ? c.op : 'eq';
      return t(`programmes.rule.sentences.${op}`, { fact, value: String(c.value) });
    },
  };
}

/** The words of amounts, in the interface language and the component's currency. */
export function useAmountWords(currency: string): AmountWords {
  const { t } = useTranslation();
  const money = useMoney();
  const and = useListFormat('conjunction');
  const text = useText();
  return {
    money: (amount) => money(amount, currency),
    list: and,
    phrase: (key, params) => t(`programmes.amount.${key}`, params),
    text,
  };
}

function RuleLines({ lines }: { lines: RuleLine[] }) {
  return (
    <List size="sm" spacing={4} withPadding listStyleType="disc">
      {lines.map((line) => (
        <List.Item key={line.path} data-path={line.path}>
          {line.text}
          {line.children.length > 0 && <RuleLines lines={line.children} />}
        </List.Item>
      ))}
    </List>
  );
}

/** A rule as a readable nested list. */
export function RuleText({
  rule,
  path,
  groups,
}: {
  rule: Condition;
  path: string;
  groups?: readonly Pick<NationalityGroup, 'code' | 'name'>[];
}) {
  const words = useRuleWords(groups);
  const line = describeRule(rule, words, path);
  if (line.children.length === 0) return <Text size="sm">{line.text}</Text>;
  return (
    <div data-testid="rule-text">
      <Text size="sm">{line.text}</Text>
      <RuleLines lines={line.children} />
    </div>
  );
}
