import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { pathParts, type ItemKind } from './placement.ts';

/** "Component 2 › Amount rule › Per adult": where a problem is, in the interface language. */
export function usePathLabel(): (path: string) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const top: Record<string, string> = {
      code: t('programmes.editor.code'),
      name: t('programmes.editor.name'),
      summary: t('programmes.editor.summary'),
      description: t('programmes.editor.description'),
      contact: t('programmes.editor.contact'),
      validFrom: t('programmes.editor.validFrom'),
      validTo: t('programmes.editor.validTo'),
      effectiveFrom: t('programmes.editor.effectiveFrom'),
      countriesOfReturn: t('programmes.editor.countriesOfReturn'),
      hostCountries: t('programmes.editor.hostCountries'),
      leadTimeDays: t('programmes.editor.leadTime'),
      implementingOrganisationIds: t('programmes.editor.implementers'),
      nationalityGroups: t('programmes.editor.groups'),
      eligibility: t('programmes.editor.eligibility'),
      interactions: t('programmes.editor.interactions'),
      components: t('programmes.editor.components'),
      value: t('programmes.rule.value'),
      op: t('programmes.rule.operator'),
      fact: t('programmes.rule.fact'),
    };
    const inside: Record<ItemKind, Record<string, string>> = {
      group: {
        code: t('programmes.editor.groupCode'),
        name: t('programmes.editor.groupName'),
        countries: t('programmes.editor.groupCountries'),
      },
      component: {
        code: t('programmes.editor.componentCode'),
        name: t('programmes.editor.componentName'),
        description: t('programmes.editor.componentDescription'),
        stage: t('programmes.editor.stage'),
        modality: t('programmes.editor.modality'),
        category: t('programmes.editor.category'),
        currency: t('programmes.editor.currency'),
        eligibility: t('programmes.editor.componentCondition'),
        amount: t('programmes.editor.amount'),
        perAdult: t('programmes.editor.perAdult'),
        perMinor: t('programmes.editor.perMinor'),
        perHousehold: t('programmes.editor.perHousehold'),
        cap: t('programmes.editor.cap'),
        upTo: t('programmes.editor.upTo'),
        actualCost: t('programmes.editor.actualCost'),
        topUpPerPerson: t('programmes.editor.topUpPerPerson'),
        topUpPerHousehold: t('programmes.editor.topUpPerHousehold'),
        variants: t('programmes.editor.variants'),
        instalments: t('programmes.editor.instalments'),
      },
      variant: {
        label: t('programmes.editor.variantLabel'),
        when: t('programmes.editor.variantWhen'),
        perAdult: t('programmes.editor.perAdult'),
        perMinor: t('programmes.editor.perMinor'),
        perHousehold: t('programmes.editor.perHousehold'),
      },
      instalment: {
        percent: t('programmes.editor.percent'),
        due: t('programmes.editor.due'),
        monthsAfterArrival: t('programmes.editor.monthsAfterArrival'),
      },
      interaction: {
        type: t('programmes.editor.interactionType'),
        programmeCode: t('programmes.editor.otherProgramme'),
        category: t('programmes.editor.offsetCategory'),
      },
    };
    const item = (kind: ItemKind, number: number): string => {
      switch (kind) {
        case 'group':
          return t('programmes.editor.groupLegend', { number });
        case 'component':
          return t('programmes.editor.componentNumber', { number });
        case 'interaction':
          return t('programmes.editor.interactionLegend', { number });
        case 'variant':
          return t('programmes.editor.variantLegend', { number });
        case 'instalment':
          return t('programmes.editor.instalmentLegend', { number });
      }
    };
    return (path: string) => {
      const words: string[] = [];
      for (const part of pathParts(path)) {
        if (part.type === 'item') words.push(item(part.kind, part.number));
        else if (part.type === 'language' && words.length > 0)
          words[words.length - 1] = `${words[words.length - 1]} (${format.language(part.code) ?? part.code})`;
        else if (part.type === 'field')
          words.push(
            (part.within ? inside[part.within][part.name] : undefined) ?? top[part.name] ?? part.name,
          );
      }
      return words.join(' › ');
    };
  }, [t, format]);
}
