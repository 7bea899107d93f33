import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { Allowance, Plan, PlanLine, SharedCaseLike } from '../../api/plans.ts';
import type { Permission } from '../../../domain/permissions.ts';
import {
  canEditPlan,
  canEditReport,
  canJustify,
  canRecordDeliveries,
  casePartsOf,
  checkDelivery,
  draftFromPlan,
  duplicateLinesOf,
  emptyLine,
  excessesOf,
  gateHistory,
  groupAllowances,
  localAmountOf,
  parseAmount,
  parseDecimal,
  parseRate,
  planGateButtons,
  planInputFromDraft,
  reportGateButtons,
  reportInputFromDraft,
  sameDraft,
  sumMoney,
  type CasePart,
  type PlanDraft,
  type Reader,
} from './planDraft.ts';

const ENROLMENT = '11111111-1111-4111-8111-111111111111';
const OTHER_ENROLMENT = '22222222-2222-4222-8222-222222222222';
const PRINCIPAL = '33333333-3333-4333-8333-333333333333';

function reader(permissions: Permission[], parts: CasePart[]): Reader {
  return { permissions, parts: new Set(parts) };
}

const focalPoint = reader(['cases:read', 'plans:write', 'referrals:respond'], ['partner']);
const partnerCoordinator = reader(['cases:read', 'plans:validate', 'referrals:respond'], ['partner']);
const funderCoordinator = reader(['cases:read', 'cases:validate', 'plans:approve'], ['funder']);
const programmeManager = reader(['cases:read', 'plans:approve', 'programmes:manage'], ['funder']);
const counsellor = reader(['cases:read', 'cases:write'], ['owner']);

function allowance(
  componentCode: string,
  allowed: number | null,
  planned = 0,
  extra: Partial<Allowance> = {},
) {
  return {
    enrolmentId: ENROLMENT,
    programmeCode: 'TG-IRAQ-REBUILD',
    componentCode,
    name: componentCode,
    category: 'training',
    currency: 'EUR',
    allowed,
    planned,
    active: true,
    ...extra,
  } satisfies Allowance;
}

function validDraft(): PlanDraft {
  return {
    needs: {
      economic: { level: 'high', notes: '  No income since arrival ' },
      social: { level: '', notes: '' },
      psychosocial: { level: 'low', notes: '' },
    },
    lines: [
      {
        ...emptyLine([PRINCIPAL], '2026-12-01'),
        component: `${ENROLMENT}/vocational-training`,
        modality: 'service',
        description: ' Mobile phone repair course ',
        amount: '600',
        localCurrency: 'iqd',
        exchangeRate: '1310.5',
        supplier: 'Basra Training Centre',
      },
    ],
  };
}

describe('numbers typed by a person', () => {
  test('amounts take a point or a comma, at most two decimals', () => {
    expect(parseAmount('1200')).toBe(1200);
    expect(parseAmount('1200.5')).toBe(1200.5);
    expect(parseAmount('1200,50')).toBe(1200.5);
    expect(parseAmount(' 0.01 ')).toBe(0.01);
    expect(parseAmount('1.234')).toBeNull();
    expect(parseAmount('1,200.50')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('10000001')).toBeNull();
  });

  test('Arabic-Indic digits and the Arabic decimal mark are read', () => {
    expect(parseDecimal('١٢٠٠٫٥')).toBe(1200.5);
    expect(parseDecimal('۱۲۰۰')).toBe(1200);
  });

  test('rates are positive with up to six decimals', () => {
    expect(parseRate('1310.5')).toBe(1310.5);
    expect(parseRate('0.000123')).toBe(0.000123);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('1000001')).toBeNull();
  });

  test('the local amount is the amount times the rate, to the cent', () => {
    expect(localAmountOf(600, 1310.5)).toBe(786300);
    expect(localAmountOf(0.1, 3)).toBe(0.3);
    expect(localAmountOf(19.99, 1.1)).toBe(21.99);
    expect(localAmountOf(null, 2)).toBeNull();
    expect(localAmountOf(10, null)).toBeNull();
  });

  test('sums are made in cents', () => {
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney([1200, -600.45])).toBe(599.55);
  });
});

describe('the plan draft', () => {
  test('a valid draft becomes the body of PUT /plan, local amount computed', () => {
    const { input, errors } = planInputFromDraft(validDraft());
    expect(errors).toEqual({});
    expect(input).toEqual({
      needs: {
        economic: { level: 'high', notes: 'No income since arrival' },
        psychosocial: { level: 'low' },
      },
      lines: [
        {
          enrolmentId: ENROLMENT,
          componentCode: 'vocational-training',
          modality: 'service',
          description: 'Mobile phone repair course',
          amount: 600,
          localCurrency: 'IQD',
          exchangeRate: 1310.5,
          localAmount: 786300,
          supplier: 'Basra Training Centre',
          dueDate: '2026-12-01',
          beneficiaryPersonIds: [PRINCIPAL],
        },
      ],
    });
  });

  test('errors are keyed by the server’s paths', () => {
    const draft = validDraft();
    draft.needs.social.notes = 'notes without a level';
    draft.lines.push({ ...emptyLine([]), amount: '12.345', localCurrency: 'EU', exchangeRate: '' });
    draft.lines.push({
      ...emptyLine([PRINCIPAL], 'not a date'),
      component: `${ENROLMENT}/x`,
      modality: 'cash',
      description: 'x',
      amount: '5',
      exchangeRate: '2',
    });
    const { input, errors } = planInputFromDraft(draft);
    expect(input).toBeNull();
    expect(errors).toEqual({
      'needs.social.level': 'levelRequired',
      'lines.1.componentCode': 'componentRequired',
      'lines.1.modality': 'modalityRequired',
      'lines.1.description': 'descriptionRequired',
      'lines.1.amount': 'amountInvalid',
      'lines.1.localCurrency': 'currencyInvalid',
      'lines.1.exchangeRate': 'rateRequired',
      'lines.1.dueDate': 'dateRequired',
      'lines.1.beneficiaryPersonIds': 'beneficiariesRequired',
      'lines.2.localCurrency': 'currencyRequired',
      'lines.2.dueDate': 'dateInvalid',
    });
  });

  test('a saved plan becomes a draft that saves back to the same lines', () => {
    const line: PlanLine = {
      id: '44444444-4444-4444-8444-444444444444',
      position: 0,
      enrolmentId: ENROLMENT,
      programmeCode: 'P',
      componentCode: 'housing',
      category: 'housing',
      modality: 'in_kind',
      description: 'Rent for six months',
      currency: 'EUR',
      amount: 900,
      localCurrency: null,
      exchangeRate: null,
      localAmount: null,
      supplier: null,
      dueDate: '2026-12-10',
      beneficiaryPersonIds: [PRINCIPAL],
      status: 'planned',
      delivered: 0,
      remaining: 900,
      justification: null,
      justifiedAt: null,
      deliveries: [],
    };
    const plan = { needs: { social: { level: 'medium' } }, lines: [line] } as unknown as Plan;
    const draft = draftFromPlan(plan);
    expect(draft.needs.social).toEqual({ level: 'medium', notes: '' });
    expect(draft.needs.economic).toEqual({ level: '', notes: '' });
    expect(draft.lines[0]).toMatchObject({ id: line.id, component: `${ENROLMENT}/housing`, amount: '900' });
    expect(planInputFromDraft(draft).input?.lines[0]).toEqual({
      id: line.id,
      enrolmentId: ENROLMENT,
      componentCode: 'housing',
      modality: 'in_kind',
      description: 'Rent for six months',
      amount: 900,
      dueDate: '2026-12-10',
      beneficiaryPersonIds: [PRINCIPAL],
    });
    expect(sameDraft(draft, draftFromPlan(plan))).toBe(true);
    expect(sameDraft(draft, { ...draft, lines: [{ ...draft.lines[0]!, amount: '901' }] })).toBe(false);
  });
});

describe('what each component allows', () => {
  const enrolments = [
    {
      programmeCode: 'TG-IRAQ-REBUILD',
      programmeVersion: 1,
      lines: [
        {
          componentCode: 'vocational-training',
          name: 'Vocational training',
          category: 'training',
          modality: 'service',
          stage: 'reintegration',
          currency: 'EUR',
          amount: 1200,
          upTo: true,
        },
      ],
    },
  ];

  test('grouped by enrolment, with the draft’s amounts live and what is left', () => {
    const groups = groupAllowances(
      [
        allowance('vocational-training', 1200, 300),
        allowance('ticket', null),
        allowance('start-up', 1000, 0, { enrolmentId: OTHER_ENROLMENT, programmeCode: 'OTHER' }),
      ],
      enrolments,
      [
        { component: `${ENROLMENT}/vocational-training`, amount: '800' },
        { component: `${ENROLMENT}/vocational-training`, amount: '500,50' },
        { component: `${ENROLMENT}/ticket`, amount: '250' },
        { component: '', amount: '99' },
      ],
    );
    expect(groups.map((g) => g.programmeCode)).toEqual(['TG-IRAQ-REBUILD', 'OTHER']);
    const [training, ticket] = groups[0]!.components;
    expect(training).toMatchObject({
      modality: 'service',
      upTo: true,
      planned: 300,
      drafted: 1300.5,
      left: -100.5,
      over: true,
    });
    expect(ticket).toMatchObject({ allowed: null, drafted: 250, left: null, over: false, modality: null });
    expect(groups[1]!.components[0]).toMatchObject({ drafted: 0, left: 1000, over: false });
  });

  test('without a draft, the saved plan counts; withdrawn enrolments drop out unless used', () => {
    const groups = groupAllowances(
      [allowance('vocational-training', 1200, 300), allowance('gone', 500, 0, { active: false })],
      enrolments,
      null,
    );
    expect(groups[0]!.components.map((c) => [c.componentCode, c.drafted, c.left])).toEqual([
      ['vocational-training', 300, 900],
    ]);
    const used = groupAllowances([allowance('gone', 500, 100, { active: false })], [], null);
    expect(used[0]!.components[0]).toMatchObject({ active: false, left: -100, over: true });
  });
});

describe('who gets which gate button', () => {
  test('the focal point writes and submits after arrival, and resubmits a returned plan', () => {
    expect(canEditPlan(focalPoint, 'arrived', 'none')).toBe(true);
    expect(planGateButtons(focalPoint, 'arrived', 'none')).toEqual(['submit']);
    expect(planGateButtons(focalPoint, 'arrived', 'draft')).toEqual(['submit']);
    expect(planGateButtons(focalPoint, 'plan_submitted', 'submitted')).toEqual([]);
    expect(canEditPlan(focalPoint, 'plan_submitted', 'submitted')).toBe(false);
    expect(planGateButtons(focalPoint, 'plan_submitted', 'returned')).toEqual(['submit']);
    expect(planGateButtons(focalPoint, 'arrived', 'returned')).toEqual(['submit']);
    expect(canEditPlan(focalPoint, 'departed', 'none')).toBe(false);
  });

  test('the partner coordinator validates or returns a submitted plan', () => {
    expect(planGateButtons(partnerCoordinator, 'plan_submitted', 'submitted')).toEqual([
      'validate',
      'returnAsPartner',
    ]);
    expect(planGateButtons(partnerCoordinator, 'plan_submitted', 'validated')).toEqual([]);
    expect(canEditPlan(partnerCoordinator, 'arrived', 'draft')).toBe(false);
  });

  test('the funder approves a validated plan, or returns it', () => {
    expect(planGateButtons(funderCoordinator, 'plan_submitted', 'validated')).toEqual([
      'approve',
      'returnAsFunder',
    ]);
    expect(planGateButtons(funderCoordinator, 'plan_submitted', 'submitted')).toEqual(['returnAsFunder']);
    expect(planGateButtons(funderCoordinator, 'plan_approved', 'approved')).toEqual([]);
  });

  test('a permission is exercised only in its part of the case', () => {
    // A coordinator of the partner organisation with plans:approve would still not be the funder.
    expect(planGateButtons(reader(['plans:approve'], ['partner']), 'plan_submitted', 'validated')).toEqual(
      [],
    );
    expect(planGateButtons(counsellor, 'arrived', 'draft')).toEqual([]);
    expect(canRecordDeliveries(counsellor, 'plan_approved')).toBe(false);
  });

  test('a programme manager of the funder justifies until approval', () => {
    expect(canJustify(programmeManager, 'validated')).toBe(true);
    expect(canJustify(programmeManager, 'approved')).toBe(false);
    expect(canJustify(funderCoordinator, 'validated')).toBe(false);
  });

  test('deliveries once the plan is approved', () => {
    expect(canRecordDeliveries(focalPoint, 'plan_approved')).toBe(true);
    expect(canRecordDeliveries(focalPoint, 'in_assistance')).toBe(true);
    expect(canRecordDeliveries(focalPoint, 'final_report')).toBe(false);
  });

  test('the final report follows the same gates', () => {
    expect(canEditReport(focalPoint, 'in_assistance', 'none')).toBe(true);
    expect(reportGateButtons(focalPoint, 'in_assistance', 'draft')).toEqual(['submit']);
    expect(reportGateButtons(focalPoint, 'in_assistance', 'none')).toEqual(['submit']);
    expect(reportGateButtons(focalPoint, 'plan_approved', 'none')).toEqual([]);
    expect(reportGateButtons(partnerCoordinator, 'final_report', 'submitted')).toEqual([
      'validate',
      'returnAsPartner',
    ]);
    expect(reportGateButtons(funderCoordinator, 'final_report', 'validated')).toEqual([
      'approve',
      'returnAsFunder',
    ]);
    expect(reportGateButtons(focalPoint, 'final_report', 'returned')).toEqual(['submit']);
    expect(canEditReport(focalPoint, 'monitoring', 'approved')).toBe(false);
  });

  test('the parts of the reader’s organisation come from the relation and the named funder and partner', () => {
    const view = {
      relation: 'owner',
      funder: { id: 'org-a', name: 'A' },
      partner: { id: 'org-b', name: 'B' },
    } as SharedCaseLike;
    expect([...casePartsOf(view, 'org-a')].sort()).toEqual(['funder', 'owner']);
    expect([...casePartsOf({ ...view, relation: 'partner' }, 'org-b')]).toEqual(['partner']);
    expect([...casePartsOf({ ...view, relation: 'origin' }, 'org-c')]).toEqual([]);
  });
});

describe('the gate history', () => {
  test('oldest first, the return with its reason and who returned', () => {
    expect(
      gateHistory({
        status: 'returned',
        submittedAt: '2026-11-02T10:00:00Z',
        validatedAt: '2026-11-01T10:00:00Z',
        approvedAt: null,
        returnedAt: '2026-11-03T10:00:00Z',
        returnedBy: 'funder',
        returnReasonCode: 'plan_over_budget',
        returnComment: 'Too much for the tools',
      }),
    ).toEqual([
      { kind: 'validated', at: '2026-11-01T10:00:00Z' },
      { kind: 'submitted', at: '2026-11-02T10:00:00Z' },
      {
        kind: 'returned',
        at: '2026-11-03T10:00:00Z',
        by: 'funder',
        reasonCode: 'plan_over_budget',
        comment: 'Too much for the tools',
      },
    ]);
  });
});

describe('refusals read from problem details', () => {
  test('over budget names the component and the amounts', () => {
    const error = new ApiError({
      type: 'https://homeward.example/problems/plan-over-budget',
      title: 'Unprocessable',
      status: 422,
      extensions: {
        excesses: [
          {
            enrolmentId: ENROLMENT,
            programmeCode: 'TG',
            componentCode: 'vocational-training',
            currency: 'EUR',
            allowed: 1200,
            planned: 1500,
          },
          { nonsense: true },
        ],
      },
    });
    expect(excessesOf(error)).toEqual([
      {
        enrolmentId: ENROLMENT,
        programmeCode: 'TG',
        componentCode: 'vocational-training',
        currency: 'EUR',
        allowed: 1200,
        planned: 1500,
      },
    ]);
    expect(duplicateLinesOf(error)).toEqual([]);
    expect(excessesOf(new Error('x'))).toEqual([]);
  });

  test('duplicate assistance names the lines', () => {
    const error = new ApiError({
      type: 'https://homeward.example/problems/duplicate-assistance',
      title: 'Unprocessable',
      status: 422,
      extensions: { overlaps: [{ planLineId: 'line-1', overlaps: [] }, { other: 1 }] },
    });
    expect(duplicateLinesOf(error)).toEqual(['line-1']);
  });
});

describe('a delivery', () => {
  const base = {
    kind: 'delivery' as const,
    deliveredOn: '2026-11-20',
    amount: '300',
    note: '',
    documentIds: [],
  };

  test('fits what is left on the line', () => {
    expect(checkDelivery(base, 300, '2026-11-26')).toEqual({});
    expect(checkDelivery({ ...base, amount: '300.01' }, 300, '2026-11-26')).toEqual({
      amount: 'amountOverRemaining',
    });
    expect(checkDelivery({ ...base, amount: '0' }, 300, '2026-11-26')).toEqual({ amount: 'amountInvalid' });
  });

  test('is not in the future and has at most ten proofs', () => {
    expect(
      checkDelivery(
        { ...base, deliveredOn: '2026-11-27', documentIds: Array.from({ length: 11 }, (_, i) => `d${i}`) },
        300,
        '2026-11-26',
      ),
    ).toEqual({ deliveredOn: 'dateInFuture', documentIds: 'tooManyProofs' });
  });
});

describe('the final report draft', () => {
  test('situation and assessment are required; the rest is sent when given', () => {
    const empty = {
      situation: ' ',
      finalMeetingOn: '',
      finalMeetingNotes: '',
      partnerAssessment: '',
      assessmentRating: '' as const,
    };
    expect(reportInputFromDraft(empty, '2026-11-26')).toEqual({
      input: null,
      errors: { situation: 'situationRequired', partnerAssessment: 'assessmentRequired' },
    });
    expect(
      reportInputFromDraft(
        {
          situation: ' Working in his shop ',
          finalMeetingOn: '2026-11-25',
          finalMeetingNotes: '',
          partnerAssessment: 'Sustainable',
          assessmentRating: 'good',
        },
        '2026-11-26',
      ).input,
    ).toEqual({
      situation: 'Working in his shop',
      finalMeetingOn: '2026-11-25',
      partnerAssessment: 'Sustainable',
      assessmentRating: 'good',
    });
    expect(
      reportInputFromDraft(
        { ...empty, situation: 'a', partnerAssessment: 'b', finalMeetingOn: '2026-12-01' },
        '2026-11-26',
      ).errors,
    ).toEqual({ finalMeetingOn: 'dateInFuture' });
  });
});
