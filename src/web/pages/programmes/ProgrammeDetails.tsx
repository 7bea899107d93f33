import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Component, Interaction, ProgrammeDefinition } from '../../../domain/programmes/definition.ts';
import type { OrganisationRef } from '../../api/programmes.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { useFormat } from '../../components/format.ts';
import { describeAmount } from './describe.ts';
import { ModalityBadge, RuleText, StageBadge, useAmountWords, useListFormat, useText } from './display.tsx';

function Countries({ codes }: { codes: readonly string[] }) {
  const format = useFormat();
  const and = useListFormat();
  return <>{and(codes.map((c) => format.country(c) ?? c))}</>;
}

function ComponentCard({
  component,
  index,
  definition,
}: {
  component: Component;
  index: number;
  definition: ProgrammeDefinition;
}) {
  const { t } = useTranslation();
  const text = useText();
  const words = useAmountWords(component.currency);
  const path = `components.${index}`;
  const lines = describeAmount(component.amount, words, `${path}.amount`);
  const headingId = `component-${index}-name`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-code={component.code}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={headingId} className="hw-break">
            {text(component.name)}
          </Title>
          <Text size="xs" c="dimmed" dir="ltr">
            {component.code}
          </Text>
        </Group>
        <Group gap={4}>
          <StageBadge stage={component.stage} />
          <ModalityBadge modality={component.modality} />
          <Badge color="gray" variant="light" radius="sm" tt="none">
            {t(`programmes.categories.${component.category}`)}
          </Badge>
        </Group>
        {component.description && <Text size="sm">{text(component.description)}</Text>}
        <List size="sm" spacing={4}>
          {lines.map((line) => (
            <List.Item key={line.key}>
              {line.text}
              {line.rule && line.rulePath && (
                <RuleText rule={line.rule} path={line.rulePath} groups={definition.nationalityGroups} />
              )}
            </List.Item>
          ))}
        </List>
        {component.eligibility && (
          <div>
            <Text size="sm" fw={600}>
              {t('programmes.view.componentCondition')}
            </Text>
            <RuleText
              rule={component.eligibility}
              path={`${path}.eligibility`}
              groups={definition.nationalityGroups}
            />
          </div>
        )}
      </Stack>
    </Card>
  );
}

function InteractionText({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation();
  const code = interaction.programmeCode;
  switch (interaction.type) {
    case 'requires':
      return <>{t('programmes.interactions.requiresText', { code })}</>;
    case 'not_combinable':
      return <>{t('programmes.interactions.notCombinableText', { code })}</>;
    case 'offset':
      return interaction.category ? (
        <>
          {t('programmes.interactions.offsetCategoryText', {
            code,
            category: t(`programmes.categories.${interaction.category}`),
          })}
        </>
      ) : (
        <>{t('programmes.interactions.offsetText', { code })}</>
      );
  }
}

/** A programme definition in readable form: overview, eligibility, components, interactions. */
export function ProgrammeDetails({
  definition,
  funder,
  implementingOrganisations,
}: {
  definition: ProgrammeDefinition;
  funder: OrganisationRef;
  /** Names of the implementing organisations (those of the definition shown). */
  implementingOrganisations: OrganisationRef[];
}) {
  const { t } = useTranslation();
  const text = useText();
  const format = useFormat();
  const and = useListFormat();
  const implementers = implementingOrganisations.filter((o) =>
    definition.implementingOrganisationIds.includes(o.id),
  );
  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="programme-overview">
        <Title order={2} size="h3" id="programme-overview">
          {t('programmes.view.overview')}
        </Title>
        <Text maw={760}>{text(definition.summary)}</Text>
        {definition.description && (
          <Text maw={760} size="sm" style={{ whiteSpace: 'pre-line' }}>
            {text(definition.description)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="dl" m={0}>
          <Detail term={t('programmes.view.funder')}>{funder.name}</Detail>
          <Detail term={t('programmes.view.implementedBy')}>
            {implementers.length > 0 ? and(implementers.map((o) => o.name)) : t('programmes.view.notNamed')}
          </Detail>
          <Detail term={t('programmes.view.validity')}>
            {definition.validTo
              ? t('programmes.list.validFromTo', {
                  from: format.date(definition.validFrom),
                  to: format.date(definition.validTo),
                })
              : t('programmes.list.validFrom', { from: format.date(definition.validFrom) })}
          </Detail>
          <Detail term={t('programmes.view.countriesOfReturn')}>
            <Countries codes={definition.countriesOfReturn} />
          </Detail>
          <Detail term={t('programmes.view.hostCountries')}>
            {definition.hostCountries.length > 0 ? (
              <Countries codes={definition.hostCountries} />
            ) : (
              t('programmes.view.anywhere')
            )}
          </Detail>
          <Detail term={t('programmes.view.leadTime')}>
            {definition.leadTimeDays === null
              ? t('programmes.view.noLeadTime')
              : t('programmes.view.leadTimeDays', { days: definition.leadTimeDays })}
          </Detail>
          {definition.contact && (
            <Detail term={t('programmes.view.contact')}>
              <span style={{ whiteSpace: 'pre-line' }}>{text(definition.contact)}</span>
            </Detail>
          )}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="programme-eligibility">
        <Title order={2} size="h3" id="programme-eligibility">
          {t('programmes.view.eligibility')}
        </Title>
        {definition.eligibility ? (
          <RuleText rule={definition.eligibility} path="eligibility" groups={definition.nationalityGroups} />
        ) : (
          <Text size="sm">{t('programmes.view.noRule')}</Text>
        )}
        {definition.nationalityGroups.length > 0 && (
          <div>
            <Title order={3} size="h4" mb={4}>
              {t('programmes.view.nationalityGroups')}
            </Title>
            <List size="sm" spacing={4}>
              {definition.nationalityGroups.map((g) => (
                <List.Item key={g.code}>
                  <Text span fw={600} size="sm">
                    {text(g.name)}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed" dir="ltr">
                    ({g.code})
                  </Text>
                  {': '}
                  <Countries codes={g.countries} />
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="programme-components">
        <Title order={2} size="h3" id="programme-components">
          {t('programmes.view.components')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {definition.components.map((c, i) => (
            <ComponentCard key={c.code} component={c} index={i} definition={definition} />
          ))}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="programme-interactions">
        <Title order={2} size="h3" id="programme-interactions">
          {t('programmes.view.interactions')}
        </Title>
        {definition.interactions.length === 0 ? (
          <Text size="sm">{t('programmes.view.noInteractions')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {definition.interactions.map((x) => (
              <List.Item key={`${x.type}:${x.programmeCode}:${x.category ?? ''}`}>
                <InteractionText interaction={x} />
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
