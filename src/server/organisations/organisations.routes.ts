import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ORGANISATION_TYPES } from '../../domain/permissions.ts';
import type { AppContext } from '../context.ts';
import { COMMON_ERRORS, IdParams } from '../http/common.schemas.ts';
import { ProblemBody } from '../http/problem.schemas.ts';
import * as service from './organisations.service.ts';

export const OrganisationView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    country: z.string().length(2),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });

export const DirectoryEntry = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    country: z.string().length(2),
  })
  .meta({ id: 'OrganisationDirectoryEntry' });

export const NewOrganisation = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  type: z.enum(ORGANISATION_TYPES),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .transform((c) => c.toUpperCase()),
});

const OrganisationPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
});

export function organisationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Organisations: all of them for a platform administrator, otherwise your own',
          response: { 200: z.object({ items: z.array(OrganisationView) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.listOrganisations(ctx, req.actor),
    );
    app.get(
      '/organisations/directory',
      {
        schema: {
          tags: ['organisations'],
          summary:
            'Active organisations (name, type, country), to name the recipient of a consent or a referral',
          response: { 200: z.object({ items: z.array(DirectoryEntry) }), ...COMMON_ERRORS },
        },
      },
      (req) => service.organisationDirectory(ctx, req.actor),
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Create an organisation (platform administrator)',
          body: NewOrganisation,
          response: { 201: OrganisationView, 409: ProblemBody, ...COMMON_ERRORS },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.createOrganisation(ctx, req.actor, req.body)),
    );
    app.get(
      '/organisations/:id',
      {
        schema: {
          tags: ['organisations'],
          summary: 'One organisation',
          params: IdParams,
          response: { 200: OrganisationView, ...COMMON_ERRORS },
        },
      },
      (req) => service.getOrganisation(ctx, req.actor, req.params.id),
    );
    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Rename or (de)activate an organisation (platform administrator)',
          params: IdParams,
          body: OrganisationPatch,
          response: { 200: OrganisationView, 409: ProblemBody, ...COMMON_ERRORS },
        },
      },
      (req) => service.updateOrganisation(ctx, req.actor, req.params.id, req.body),
    );
  };
}
