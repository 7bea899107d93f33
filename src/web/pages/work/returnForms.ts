/**
 * The drafts, checks and request bodies of the forms for returns registered after the fact: a
 * household that already returned (retroactive intake), a group return announced as places, and the
 * real household of one place. Pure, unit-tested beside this file.
 */
import {
  isIsoDate,
  toNewPerson,
  validateHousehold,
  type FieldErrors,
  type PersonDraft,
} from '../../components/caseDraft.ts';
import type { ConvertPlace, NewGroupBooking } from '../../api/groupBookings.ts';
import { MAX_PLACES } from '../../api/groupBookings.ts';
import type { NewRetroactiveCase } from '../../api/retroactive.ts';
import type { AdministrativeStatus, ReturnType } from '../../api/types.ts';

/** Why a field of these forms is refused (translated under `work.forms.problems`). */
export const FORM_PROBLEMS = [
  'required',
  'invalidDate',
  'future',
  'beforeDeparture',
  'beforeOperation',
  'sameCountry',
  'places',
  'tooLong',
] as const;
export type FormProblem = (typeof FORM_PROBLEMS)[number];

export interface FormCheck {
  /** The household's errors, by path (`persons.0.givenNames`), as the case form has them. */
  persons: FieldErrors;
  fields: Record<string, FormProblem>;
}

export function hasProblems(check: FormCheck): boolean {
  return Object.keys(check.persons).length > 0 || Object.keys(check.fields).length > 0;
}

function checkDay(
  fields: Record<string, FormProblem>,
  name: string,
  value: string,
  today: string,
  required: boolean,
): boolean {
  if (value === '') {
    if (required) fields[name] = 'required';
    return false;
  }
  if (!isIsoDate(value)) {
    fields[name] = 'invalidDate';
    return false;
  }
  if (value > today) {
    fields[name] = 'future';
    return false;
  }
  return true;
}

// A household that already returned --------------------------------------------------------------

export interface ReturnedDraft {
  persons: PersonDraft[];
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  administrativeStatus: AdministrativeStatus | '';
  fundingOrganisationId: string;
  departedOn: string;
  arrivedOn: string;
  programmeId: string;
}

export function validateReturned(d: ReturnedDraft, today: string): FormCheck {
  const fields: Record<string, FormProblem> = {};
  if (d.hostCountry === '') fields.hostCountry = 'required';
  if (d.returnCountry === '') fields.returnCountry = 'required';
  else if (d.returnCountry === d.hostCountry) fields.returnCountry = 'sameCountry';
  if (d.fundingOrganisationId === '') fields.fundingOrganisationId = 'required';
  const departed = checkDay(fields, 'departedOn', d.departedOn, today, true);
  const arrived = checkDay(fields, 'arrivedOn', d.arrivedOn, today, true);
  if (departed && arrived && d.arrivedOn < d.departedOn) fields.arrivedOn = 'beforeDeparture';
  return { persons: validateHousehold(d.persons, today), fields };
}

export function toNewRetroactiveCase(d: ReturnedDraft): NewRetroactiveCase {
  return {
    hostCountry: d.hostCountry,
    returnCountry: d.returnCountry,
    returnType: d.returnType,
    ...(d.administrativeStatus ? { administrativeStatus: d.administrativeStatus } : {}),
    persons: d.persons.map(toNewPerson),
    fundingOrganisationId: d.fundingOrganisationId,
    departedOn: d.departedOn,
    arrivedOn: d.arrivedOn,
    ...(d.programmeId ? { programmeId: d.programmeId } : {}),
  };
}

// A group return announced as places -------------------------------------------------------------

export interface BookingDraft {
  partnerOrganisationId: string;
  operationReference: string;
  operationDate: string;
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  places: string;
  notes: string;
  programmeId: string;
}

export function validateBooking(d: BookingDraft): Record<string, FormProblem> {
  const fields: Record<string, FormProblem> = {};
  if (d.partnerOrganisationId === '') fields.partnerOrganisationId = 'required';
  const ref = d.operationReference.trim();
  if (ref === '') fields.operationReference = 'required';
  else if (ref.length > 100) fields.operationReference = 'tooLong';
  if (d.operationDate === '') fields.operationDate = 'required';
  else if (!isIsoDate(d.operationDate)) fields.operationDate = 'invalidDate';
  if (d.hostCountry === '') fields.hostCountry = 'required';
  if (d.returnCountry === '') fields.returnCountry = 'required';
  else if (d.returnCountry === d.hostCountry) fields.returnCountry = 'sameCountry';
  const places = Number(d.places);
  if (!/^\d+$/.test(d.places.trim()) || places < 1 || places > MAX_PLACES) fields.places = 'places';
  if (d.notes.trim().length > 4000) fields.notes = 'tooLong';
  return fields;
}

export function toNewGroupBooking(d: BookingDraft): NewGroupBooking {
  const notes = d.notes.trim();
  return {
    partnerOrganisationId: d.partnerOrganisationId,
    operationReference: d.operationReference.trim(),
    operationDate: d.operationDate,
    hostCountry: d.hostCountry,
    returnCountry: d.returnCountry,
    returnType: d.returnType,
    places: Number(d.places.trim()),
    ...(notes ? { notes } : {}),
    ...(d.programmeId ? { programmeId: d.programmeId } : {}),
  };
}

// The real household of one place ----------------------------------------------------------------

export interface ConvertDraft {
  persons: PersonDraft[];
  administrativeStatus: AdministrativeStatus | '';
  arrivedOn: string;
}

export function validateConvert(d: ConvertDraft, operationDate: string, today: string): FormCheck {
  const fields: Record<string, FormProblem> = {};
  if (checkDay(fields, 'arrivedOn', d.arrivedOn, today, false) && d.arrivedOn < operationDate) {
    fields.arrivedOn = 'beforeOperation';
  }
  return { persons: validateHousehold(d.persons, today), fields };
}

export function toConvertPlace(d: ConvertDraft): ConvertPlace {
  return {
    persons: d.persons.map(toNewPerson),
    ...(d.administrativeStatus ? { administrativeStatus: d.administrativeStatus } : {}),
    ...(d.arrivedOn ? { arrivedOn: d.arrivedOn } : {}),
  };
}

/** A place can be converted once the operation has taken place (its day has come). */
export function placeConvertible(operationDate: string, today: string): boolean {
  return operationDate <= today;
}
