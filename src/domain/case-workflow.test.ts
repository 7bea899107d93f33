import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  CASE_STAGES,
  decideTransition,
  isTerminal,
  PRE_DEPARTURE_STAGES,
  REASON_CODES,
  reasonCodesFor,
  TERMINAL_STAGES,
  TRANSITIONS,
  type CaseStage,
  type TransitionRule,
} from './case-workflow.ts';
import { PERMISSIONS, permissionsForRoles, type Permission, type Role } from './permissions.ts';

const ALL: readonly Permission[] = PERMISSIONS;
const ruleFor = (from: CaseStage, to: CaseStage): TransitionRule | undefined =>
  TRANSITIONS.find((r) => r.from === from && r.to === to);
/** A reason code valid for a move to `to`, never 'other' (which also needs a comment). */
const reasonFor = (to: CaseStage): string => {
  const code = reasonCodesFor(to).find((c) => c !== 'other');
  if (!code) throw new Error(`no reason code applies to ${to}`);
  return code;
};

describe('workflow catalogue', () => {
  it('covers every stage: each one is left by some rule or is terminal, and reached by some rule', () => {
    for (const stage of CASE_STAGES) {
      const leaves = TRANSITIONS.some((r) => r.from === stage);
      expect(leaves || isTerminal(stage), stage).toBe(true);
      expect(leaves && isTerminal(stage), stage).toBe(false);
      if (stage !== 'intake')
        expect(
          TRANSITIONS.some((r) => r.to === stage),
          stage,
        ).toBe(true);
    }
    for (const s of TERMINAL_STAGES) expect(CASE_STAGES).toContain(s);
  });

  it('reaches every stage from intake, and a terminal stage from every stage', () => {
    const reach = (start: CaseStage): Set<CaseStage> => {
      const seen = new Set<CaseStage>([start]);
      const queue = [start];
      for (let s = queue.shift(); s; s = queue.shift()) {
        for (const r of TRANSITIONS) {
          if (r.from !== s || seen.has(r.to)) continue;
          seen.add(r.to);
          queue.push(r.to);
        }
      }
      return seen;
    };
    expect([...reach('intake')].sort()).toEqual([...CASE_STAGES].sort());
    for (const s of CASE_STAGES) expect([...reach(s)].some(isTerminal), s).toBe(true);
  });

  it('uses known stages and permissions, one rule per pair, with a label', () => {
    const pairs = new Set<string>();
    for (const r of TRANSITIONS) {
      expect(CASE_STAGES).toContain(r.from);
      expect(CASE_STAGES).toContain(r.to);
      expect(PERMISSIONS).toContain(r.permission);
      expect(r.label.trim().length).toBeGreaterThan(0);
      expect(r.from).not.toBe(r.to);
      expect(r.to).not.toBe('intake');
      pairs.add(`${r.from}>${r.to}`);
    }
    expect(pairs.size).toBe(TRANSITIONS.length);
  });

  it('has 10–20 reason codes whose stages exist, and one for every move that needs a reason', () => {
    const codes = Object.keys(REASON_CODES);
    expect(codes.length).toBeGreaterThanOrEqual(10);
    expect(codes.length).toBeLessThanOrEqual(20);
    for (const code of codes) {
      const def = REASON_CODES[code];
      expect(def?.label.trim().length).toBeGreaterThan(0);
      expect(def?.appliesTo.length).toBeGreaterThan(0);
      for (const s of def?.appliesTo ?? []) expect(CASE_STAGES).toContain(s);
    }
    for (const r of TRANSITIONS.filter((x) => x.reasonRequired)) {
      expect(reasonCodesFor(r.to).filter((c) => c !== 'other').length, r.to).toBeGreaterThan(0);
    }
    // every stage a reason applies to is the target of some move that requires a reason
    const reasonTargets = new Set(TRANSITIONS.filter((r) => r.reasonRequired).map((r) => r.to));
    for (const code of codes)
      for (const s of REASON_CODES[code]?.appliesTo ?? []) expect(reasonTargets).toContain(s);
  });

  it('requires a reason on every send-back and every side exit', () => {
    for (const r of TRANSITIONS) {
      const backwards = CASE_STAGES.indexOf(r.to) < CASE_STAGES.indexOf(r.from);
      if (backwards || (isTerminal(r.to) && r.to !== 'closed'))
        expect(r.reasonRequired, `${r.from}>${r.to}`).toBe(true);
    }
    expect(ruleFor('monitoring', 'closed')?.reasonRequired).toBe(false);
  });

  it('terminal stages allow nothing, for any permission set', () => {
    for (const t of TERMINAL_STAGES) {
      expect(TRANSITIONS.filter((r) => r.from === t)).toEqual([]);
      expect(allowedTransitions(t, ALL)).toEqual([]);
      for (const to of CASE_STAGES) {
        const d = decideTransition({
          from: t,
          to,
          permissions: ALL,
          reasonCode: reasonCodesFor(to)[0],
          comment: 'x',
        });
        expect(d).toMatchObject({ ok: false, error: 'illegal', allowed: [] });
        if (!d.ok) expect(d.message).toContain('is final');
      }
    }
    expect(TERMINAL_STAGES).toEqual(
      expect.arrayContaining(['closed', 'not_departed', 'withdrawn', 'rejected', 'absconded', 'transferred']),
    );
    expect(TERMINAL_STAGES).toHaveLength(6);
  });

  it('opens withdrawal, absconding and transfer exactly until departure', () => {
    for (const s of CASE_STAGES) {
      for (const exit of ['withdrawn', 'absconded', 'transferred'] as const) {
        const r = ruleFor(s, exit);
        expect(r !== undefined, `${s}>${exit}`).toBe(PRE_DEPARTURE_STAGES.includes(s));
        if (r) expect(r).toMatchObject({ permission: 'cases:write', reasonRequired: true });
      }
    }
  });
});

describe('the journey, with the roles that hold each gate', () => {
  const roles = (...r: Role[]) => permissionsForRoles(r);
  const path: [CaseStage, CaseStage, Role, Permission][] = [
    ['intake', 'counselling', 'counsellor', 'cases:write'],
    ['counselling', 'application', 'counsellor', 'cases:write'],
    ['application', 'submitted', 'counsellor', 'cases:write'],
    ['submitted', 'validated', 'coordinator', 'cases:validate'],
    ['validated', 'pre_departure', 'case_worker', 'referrals:respond'],
    ['pre_departure', 'departed', 'coordinator', 'cases:confirm_departure'],
    ['departed', 'arrived', 'case_worker', 'referrals:respond'],
    ['arrived', 'plan_submitted', 'case_worker', 'plans:write'],
    ['plan_submitted', 'plan_approved', 'programme_manager', 'plans:approve'],
    ['plan_approved', 'in_assistance', 'case_worker', 'plans:write'],
    ['in_assistance', 'final_report', 'case_worker', 'plans:write'],
    ['final_report', 'monitoring', 'programme_manager', 'plans:approve'],
    ['monitoring', 'closed', 'programme_manager', 'plans:approve'],
  ];

  it.each(path)('%s → %s by a %s (%s)', (from, to, role, permission) => {
    expect(decideTransition({ from, to, permissions: roles(role) })).toEqual({
      ok: true,
      rule: expect.objectContaining({ from, to, permission, reasonRequired: false }) as unknown,
    });
    // exactly that permission: with everything else, the move is forbidden
    const d = decideTransition({ from, to, permissions: ALL.filter((p) => p !== permission) });
    expect(d).toMatchObject({ ok: false, error: 'forbidden' });
    expect(decideTransition({ from, to, permissions: [permission] }).ok).toBe(true);
  });

  it('walks the whole path from intake to closed', () => {
    let stage: CaseStage = 'intake';
    for (const [, to, role] of path) {
      const d = decideTransition({ from: stage, to, permissions: roles(role) });
      expect(d.ok, `${stage}>${to}`).toBe(true);
      stage = to;
    }
    expect(stage).toBe('closed');
    expect(isTerminal(stage)).toBe(true);
  });

  it.each([
    ['submitted', 'application', 'coordinator', 'incomplete_file'],
    ['submitted', 'rejected', 'coordinator', 'ineligible'],
    ['validated', 'application', 'partner_coordinator', 'partner_declined'],
    ['pre_departure', 'not_departed', 'coordinator', 'no_travel_document'],
    ['plan_submitted', 'arrived', 'programme_manager', 'plan_over_budget'],
    ['counselling', 'withdrawn', 'counsellor', 'person_changed_mind'],
    ['pre_departure', 'absconded', 'counsellor', 'lost_contact'],
    ['validated', 'transferred', 'counsellor', 'moved_to_other_provider'],
  ] as [CaseStage, CaseStage, Role, string][])(
    '%s → %s by a %s with reason %s',
    (from, to, role, reasonCode) => {
      expect(decideTransition({ from, to, permissions: roles(role), reasonCode })).toMatchObject({
        ok: true,
      });
      expect(decideTransition({ from, to, permissions: roles(role) })).toMatchObject({
        ok: false,
        error: 'reason_required',
      });
    },
  );
});

describe('refusals', () => {
  it('refuses EVERY pair that is not a rule as illegal, listing what the actor may do', () => {
    let checked = 0;
    for (const from of CASE_STAGES) {
      for (const to of CASE_STAGES) {
        if (ruleFor(from, to)) continue;
        for (const permissions of [ALL, [] as Permission[], permissionsForRoles(['counsellor'])]) {
          const d = decideTransition({
            from,
            to,
            permissions,
            reasonCode: reasonCodesFor(to)[0],
            comment: 'c',
          });
          const allowed = allowedTransitions(from, permissions).map((r) => r.to);
          expect(d, `${from}>${to}`).toEqual({
            ok: false,
            error: 'illegal',
            message: expect.any(String) as unknown,
            allowed,
          });
          if (!d.ok) {
            expect(d.message).toContain(`A case in stage ${from} cannot move to ${to}.`);
            if (allowed.length > 0)
              expect(d.message).toContain(`From ${from} you may move to: ${allowed.join(', ')}.`);
          }
        }
        checked++;
      }
    }
    expect(checked).toBe(CASE_STAGES.length * CASE_STAGES.length - TRANSITIONS.length);
  });

  it('writes the message a counsellor can read', () => {
    const d = decideTransition({ from: 'submitted', to: 'departed', permissions: ALL });
    expect(d).toEqual({
      ok: false,
      error: 'illegal',
      message:
        'A case in stage submitted cannot move to departed. ' +
        'From submitted you may move to: validated, application, rejected, withdrawn, absconded, transferred.',
      allowed: ['validated', 'application', 'rejected', 'withdrawn', 'absconded', 'transferred'],
    });
    const none = decideTransition({
      from: 'departed',
      to: 'arrived',
      permissions: permissionsForRoles(['counsellor']),
    });
    expect(none).toMatchObject({ ok: false, error: 'forbidden', allowed: [] });
    if (!none.ok) {
      expect(none.message).toBe(
        'You are not allowed to confirm arrival (moving from departed to arrived needs the permission ' +
          'referrals:respond). From departed your permissions do not allow any move.',
      );
    }
  });

  it('refuses a move without its permission as forbidden, with the actor’s own allowed list', () => {
    for (const r of TRANSITIONS) {
      const permissions = ALL.filter((p) => p !== r.permission);
      const reasonCode = r.reasonRequired ? reasonFor(r.to) : undefined;
      const d = decideTransition({ from: r.from, to: r.to, permissions, reasonCode });
      expect(d, `${r.from}>${r.to}`).toMatchObject({
        ok: false,
        error: 'forbidden',
        allowed: allowedTransitions(r.from, permissions).map((x) => x.to),
      });
      if (!d.ok) {
        expect(d.allowed).not.toContain(r.to);
        expect(d.message).toContain(r.permission);
      }
    }
    // the counsellor cannot validate their own application
    expect(
      decideTransition({
        from: 'submitted',
        to: 'validated',
        permissions: permissionsForRoles(['counsellor']),
      }),
    ).toMatchObject({ ok: false, error: 'forbidden', allowed: ['withdrawn', 'absconded', 'transferred'] });
  });

  it('refuses a missing, blank or comment-less "other" reason as reason_required', () => {
    for (const r of TRANSITIONS.filter((x) => x.reasonRequired)) {
      for (const reasonCode of [undefined, '', '   ']) {
        const d = decideTransition({ from: r.from, to: r.to, permissions: ALL, reasonCode, comment: 'why' });
        expect(d, `${r.from}>${r.to}`).toMatchObject({ ok: false, error: 'reason_required' });
        if (!d.ok) expect(d.message).toContain(reasonFor(r.to));
      }
      const other = { from: r.from, to: r.to, permissions: ALL, reasonCode: 'other' };
      expect(decideTransition(other)).toMatchObject({ ok: false, error: 'reason_required' });
      expect(decideTransition({ ...other, comment: '  ' })).toMatchObject({
        ok: false,
        error: 'reason_required',
      });
      expect(decideTransition({ ...other, comment: 'Explained here.' })).toMatchObject({ ok: true });
      expect(decideTransition({ ...other, reasonCode: ` ${reasonFor(r.to)} ` })).toMatchObject({ ok: true });
    }
  });

  it('refuses an unknown, inapplicable or superfluous reason as unknown_reason', () => {
    const base = { from: 'submitted', to: 'rejected', permissions: ALL } as const;
    for (const reasonCode of [
      'nope',
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'INELIGIBLE',
    ]) {
      expect(decideTransition({ ...base, reasonCode }), reasonCode).toMatchObject({
        ok: false,
        error: 'unknown_reason',
      });
    }
    // a real code for another kind of move
    const d = decideTransition({ ...base, reasonCode: 'moved_to_other_provider' });
    expect(d).toMatchObject({
      ok: false,
      error: 'unknown_reason',
      allowed: expect.arrayContaining(['rejected']) as unknown,
    });
    if (!d.ok) expect(d.message).toContain('ineligible');
    // a reason on a move that takes none
    expect(
      decideTransition({ from: 'intake', to: 'counselling', permissions: ALL, reasonCode: 'ineligible' }),
    ).toMatchObject({ ok: false, error: 'unknown_reason' });
    for (const r of TRANSITIONS.filter((x) => x.reasonRequired)) {
      const wrong = Object.keys(REASON_CODES).find((c) => !REASON_CODES[c]?.appliesTo.includes(r.to));
      expect(wrong).toBeDefined();
      expect(decideTransition({ from: r.from, to: r.to, permissions: ALL, reasonCode: wrong })).toMatchObject(
        {
          ok: false,
          error: 'unknown_reason',
        },
      );
    }
  });

  it('refuses stages that are not in the catalogue, without throwing', () => {
    const bogus = 'archived' as CaseStage;
    expect(decideTransition({ from: bogus, to: 'intake', permissions: ALL })).toMatchObject({
      ok: false,
      error: 'unknown_stage',
      allowed: [],
    });
    expect(decideTransition({ from: 'intake', to: bogus, permissions: ALL })).toMatchObject({
      ok: false,
      error: 'unknown_stage',
      allowed: ['counselling', 'withdrawn', 'absconded', 'transferred'],
    });
    expect(decideTransition({ from: 'toString' as CaseStage, to: 'intake', permissions: ALL })).toMatchObject(
      {
        error: 'unknown_stage',
      },
    );
    expect(allowedTransitions(bogus, ALL)).toEqual([]);
  });

  it('follows the refusal order: illegal, then forbidden, then reason', () => {
    // illegal wins over missing permission
    expect(decideTransition({ from: 'intake', to: 'closed', permissions: [] })).toMatchObject({
      error: 'illegal',
    });
    // forbidden wins over a missing or wrong reason
    expect(decideTransition({ from: 'submitted', to: 'rejected', permissions: [] })).toMatchObject({
      error: 'forbidden',
    });
    expect(
      decideTransition({ from: 'submitted', to: 'rejected', permissions: [], reasonCode: 'nope' }),
    ).toMatchObject({ error: 'forbidden' });
  });
});

describe('random walks (property)', () => {
  const stageArb = fc.constantFrom(...CASE_STAGES);
  const permsArb = fc.subarray([...PERMISSIONS]);
  const reasonArb = fc.option(
    fc.oneof(
      fc.constantFrom(...Object.keys(REASON_CODES)),
      fc.constantFrom('', ' ', 'nope', 'toString'),
      fc.string(),
    ),
    { nil: undefined },
  );
  const commentArb = fc.option(fc.oneof(fc.constant('because'), fc.string({ maxLength: 5 })), {
    nil: undefined,
  });
  const stepArb = fc.record({
    to: stageArb,
    permissions: permsArb,
    reasonCode: reasonArb,
    comment: commentArb,
  });

  it('keeps every invariant over any sequence of requests', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        let stage: CaseStage = 'intake';
        const accepted: CaseStage[] = ['intake'];
        for (const step of steps) {
          const d = decideTransition({ from: stage, ...step });
          const allowed = allowedTransitions(stage, step.permissions);
          if (!d.ok) {
            expect(d.allowed).toEqual(allowed.map((r) => r.to));
            expect(d.message.length).toBeGreaterThan(0);
            continue;
          }
          expect(isTerminal(stage)).toBe(false);
          expect(TRANSITIONS).toContain(d.rule);
          expect(d.rule).toMatchObject({ from: stage, to: step.to });
          expect(step.permissions).toContain(d.rule.permission);
          expect(allowed).toContain(d.rule);
          if (d.rule.reasonRequired) {
            const code = step.reasonCode?.trim() ?? '';
            expect(REASON_CODES[code]?.appliesTo).toContain(step.to);
          }
          stage = d.rule.to;
          accepted.push(stage);
        }
        // invariants over the accepted history
        for (const s of accepted) expect(CASE_STAGES).toContain(s);
        expect(accepted.slice(1)).not.toContain('intake');
        const firstTerminal = accepted.findIndex(isTerminal);
        if (firstTerminal >= 0) expect(firstTerminal).toBe(accepted.length - 1);
        const nd = accepted.indexOf('not_departed');
        if (nd >= 0) expect(nd).toBe(accepted.length - 1);
        const dep = accepted.indexOf('departed');
        if (dep >= 0) {
          const after = accepted.slice(dep + 1);
          for (const s of ['withdrawn', 'absconded', 'transferred', 'not_departed', 'departed'] as const) {
            expect(after).not.toContain(s);
          }
          for (const s of after) expect(PRE_DEPARTURE_STAGES).not.toContain(s);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a request exactly when a rule exists, its permission is held and the reason fits', () => {
    fc.assert(
      fc.property(stageArb, stepArb, (from, step) => {
        const d = decideTransition({ from, ...step });
        const r = ruleFor(from, step.to);
        const code = step.reasonCode?.trim() ?? '';
        const reasonOk = r?.reasonRequired
          ? Object.hasOwn(REASON_CODES, code) &&
            REASON_CODES[code]!.appliesTo.includes(step.to) &&
            (code !== 'other' || (step.comment ?? '').trim() !== '')
          : code === '';
        expect(d.ok).toBe(r !== undefined && step.permissions.includes(r.permission) && reasonOk);
      }),
      { numRuns: 2000 },
    );
  });
});
