import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  useEnrol,
  type CaseEligibility,
  type PackageLine,
  type ProgrammeResult,
} from '../../api/eligibility.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../components/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PackageTable } from './EligibilityPackage.tsx';
import { sumByCurrency } from './EligibilityFormat.ts';
import { useMoney, useUiLanguage } from './EligibilityParts.tsx';

/** What enrolling freezes: the programme's lines of the package (after offsets). */
export function linesToFreeze(result: ProgrammeResult, data: CaseEligibility): PackageLine[] {
  const lines = data.package.lines.filter((l) => l.programmeCode === result.code);
  if (lines.length > 0) return lines;
  // Not (yet) in the package: its own eligible components, as they would be frozen.
  return result.components
    .filter((c) => c.eligible)
    .map((c) => ({
      programmeCode: result.code,
      componentCode: c.code,
      name: c.name,
      stage: c.stage,
      modality: c.modality,
      category: c.category,
      currency: c.currency,
      amountBefore: c.amount,
      amount: c.amount,
      upTo: c.upTo,
      actualCost: c.actualCost,
      reductions: [],
    }));
}

/** Asks to confirm an enrolment, showing the amounts that will be frozen for the case. */
export function EnrolDialog({
  caseId,
  result,
  data,
  onClose,
  onEnrolled,
}: {
  caseId: string;
  result: ProgrammeResult;
  data: CaseEligibility;
  onClose: () => void;
  onEnrolled: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = useMoney();
  const language = useUiLanguage();
  const enrol = useEnrol();
  const lines = linesToFreeze(result, data);
  return (
    <ConfirmDialog
      title={t('eligibility.enrolDialog.title', { name: result.name })}
      confirmLabel={t('eligibility.enrolDialog.confirm')}
      pending={enrol.isPending}
      onClose={onClose}
      onConfirm={() =>
        enrol.mutate({ caseId, programmeId: result.programmeId, lang: language }, { onSuccess: onEnrolled })
      }
    >
      <Text>
        {t('eligibility.enrolDialog.body', {
          version: result.version,
          language: format.language(language) ?? language,
        })}
      </Text>
      {enrol.isError && <ProblemAlert error={enrol.error} title={t('eligibility.enrolDialog.failed')} />}
      <PackageTable lines={lines} names={[result]} caption={t('eligibility.enrolDialog.caption')} compact />
      <Text fw={700} data-testid="enrol-total">
        {t('eligibility.enrolDialog.total', { total: m.totals(sumByCurrency(lines)) })}
      </Text>
    </ConfirmDialog>
  );
}
