import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, TOKEN_GRANTABLE_PERMISSIONS, type Permission } from '../../domain/permissions.ts';
import { isApiError } from '../api/client.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../api/queries.ts';
import type { ApiToken, CreatedToken } from '../api/types.ts';
import { AppModal } from '../components/AppModal.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useFormat } from '../components/format.ts';
import { TableSkeleton } from '../components/Loading.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useSession } from '../components/session.ts';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** YYYY-MM-DD of tomorrow (UTC), the earliest expiry date offered. */
function tomorrow(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function reset(): void {
    setName('');
    setPermissions([]);
    setExpiresOn('');
    setErrors({});
    create.reset();
  }

  function close(): void {
    reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('tokens.create.nameRequired');
    if (permissions.length === 0) found.permissions = t('tokens.create.permissionsRequired');
    // The token works until the end of the chosen day, UTC.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59.999Z`) : null;
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) {
      found.expiresAt = t('tokens.create.expiresInPast');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    create.mutate(
      { name: name.trim(), permissions, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
      {
        onSuccess: (token) => {
          reset();
          onCreated(token);
        },
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrors());
          focusFirstInvalid(form);
        },
      },
    );
  }

  return (
    <AppModal opened={opened} onClose={close} title={t('tokens.create.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && (
            <ProblemAlert error={create.error} shownFields={['name', 'permissions', 'expiresAt']} />
          )}
          <TextInput
            label={t('tokens.create.name')}
            description={t('tokens.create.nameHint')}
            name="name"
            autoComplete="off"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Checkbox.Group
            label={t('tokens.create.permissions')}
            description={t('tokens.create.permissionsHint')}
            value={permissions}
            onChange={(next) => setPermissions(next.filter(isPermission))}
            error={errors.permissions}
            withAsterisk
          >
            <Stack gap="xs" mt="xs">
              {TOKEN_GRANTABLE_PERMISSIONS.map((permission) => (
                <Checkbox
                  key={permission}
                  value={permission}
                  label={t(`permissions.${permission}`)}
                  description={permission}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('tokens.create.expiresAt')}
            description={t('tokens.create.expiresHint')}
            name="expiresAt"
            min={tomorrow()}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('tokens.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Shows a new token's secret, once, with a copy button. */
function SecretModal({ token, onClose }: { token: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={t('tokens.secret.title')} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" variant="light" role="alert">
          {t('tokens.secret.warning')}
        </Alert>
        <Stack gap={4}>
          <Text fw={600} size="sm" id="token-secret-label">
            {t('tokens.secret.label')} · {token.name}
          </Text>
          <Code
            block
            className="hw-break"
            aria-labelledby="token-secret-label"
            data-testid="token-secret"
            dir="ltr"
            style={{ whiteSpace: 'pre-wrap', userSelect: 'all' }}
          >
            {token.token}
          </Code>
        </Stack>
        <Group justify="space-between">
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'default'}
                color={copied ? 'green' : undefined}
                onClick={copy}
              >
                {copied ? t('tokens.secret.copied') : t('tokens.secret.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('tokens.secret.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function RevokeModal({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiToken;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <ConfirmDialog
      title={t('tokens.revokeTitle')}
      confirmLabel={t('tokens.revokeConfirm')}
      danger
      pending={revoke.isPending}
      onClose={onClose}
      onConfirm={() => revoke.mutate(token.id, { onSuccess: onRevoked })}
    >
      <Text>{t('tokens.revokeBody', { name: token.name })}</Text>
      {revoke.isError && <ProblemAlert error={revoke.error} />}
    </ConfirmDialog>
  );
}

export function TokensPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = Date.now();

  const statusLabel: Record<TokenStatus, string> = {
    active: t('tokens.statusActive'),
    revoked: t('tokens.statusRevoked'),
    expired: t('tokens.statusExpired'),
  };
  const statusColor: Record<TokenStatus, string> = { active: 'green', revoked: 'red', expired: 'gray' };

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        intro={t('tokens.intro', { organisation: me.organisation.name })}
        actions={
          <Button
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('tokens.new')}
          </Button>
        }
      />

      <div aria-live="polite">
        {notice && (
          <Alert
            color="green"
            variant="light"
            mb="md"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t('common.close')}
          >
            {notice}
          </Alert>
        )}
      </div>

      {tokens.isPending ? (
        <TableSkeleton />
      ) : tokens.isError ? (
        <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <Text>{t('tokens.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="tokens-table">
            <Table.Caption>{t('tokens.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.permissions')}</Table.Th>
                <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((token) => {
                const status = statusOf(token, now);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Th scope="row" fw={500}>
                      {token.name}
                    </Table.Th>
                    <Table.Td>
                      <Code dir="ltr">{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {token.permissions.map((p) => (
                          <Badge
                            key={p}
                            variant="default"
                            radius="sm"
                            tt="none"
                            title={t(`permissions.${p}`)}
                          >
                            {p}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{format.dateTime(token.lastUsedAt) ?? t('common.never')}</Table.Td>
                    <Table.Td>{format.dateTime(token.expiresAt) ?? t('tokens.noExpiry')}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[status]} variant="dot" radius="sm" tt="none">
                        {statusLabel[status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {status === 'active' && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('tokens.revokeToken', { name: token.name })}
                          onClick={() => {
                            setNotice(null);
                            setRevoking(token);
                          }}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <CreateTokenModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      {created && <SecretModal token={created} onClose={() => setCreated(null)} />}
      {revoking && (
        <RevokeModal
          key={revoking.id}
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setNotice(t('tokens.revoked', { name: revoking.name }));
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}
