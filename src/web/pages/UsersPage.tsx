import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLES_BY_ORGANISATION_TYPE, type Role } from '../../domain/permissions.ts';
import { isApiError } from '../api/client.ts';
import { useCreateUser, useUpdateUser, useUsers } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { AppModal } from '../components/AppModal.tsx';
import { useFormat } from '../components/format.ts';
import { TableSkeleton } from '../components/Loading.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useCan, useSession } from '../components/session.ts';

const MIN_PASSWORD_LENGTH = 12;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles an administrator may give in this organisation (plus any the user already holds). */
function useAssignableRoles(current: readonly Role[] = []): Role[] {
  const me = useSession();
  const allowed = ROLES_BY_ORGANISATION_TYPE[me.organisation.type];
  return ROLES.filter((r) => allowed.includes(r) || current.includes(r));
}

function RoleCheckboxes({
  value,
  onChange,
  error,
  current,
}: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  current?: readonly Role[];
}) {
  const { t } = useTranslation();
  const me = useSession();
  const roles = useAssignableRoles(current);
  return (
    <Checkbox.Group
      label={t('users.roles')}
      description={t('users.rolesHint', { type: t(`organisationTypes.${me.organisation.type}`) })}
      value={value}
      onChange={(next) => onChange(next.filter(isRole))}
      error={error}
      withAsterisk
    >
      <Stack gap="xs" mt="xs">
        {roles.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}.name`)}
            description={t(`roles.${role}.description`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function reset(): void {
    setEmail('');
    setDisplayName('');
    setPassword('');
    setRoles([]);
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
    if (displayName.trim() === '') found.displayName = t('profile.displayNameRequired');
    if (email.trim() === '') found.email = t('login.emailRequired');
    if (password.length < MIN_PASSWORD_LENGTH) found.password = t('users.create.passwordTooShort');
    if (roles.length === 0) found.roles = t('users.rolesRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), password, roles },
      {
        onSuccess: (user) => {
          reset();
          onCreated(user);
        },
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrors());
          focusFirstInvalid(form);
        },
      },
    );
  }

  const shownFields = ['email', 'displayName', 'password', 'roles'];
  return (
    <AppModal opened={opened} onClose={close} title={t('users.create.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && <ProblemAlert error={create.error} shownFields={shownFields} />}
          <TextInput
            label={t('users.create.displayName')}
            name="displayName"
            autoComplete="off"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
            data-autofocus
          />
          <TextInput
            label={t('users.create.email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordField
            label={t('users.create.password')}
            description={t('users.create.passwordHint')}
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <RoleCheckboxes value={roles} onChange={setRoles} error={errors.roles} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function EditRolesModal({
  user,
  onClose,
  onSaved,
}: {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (roles.length === 0) {
      setError(t('users.rolesRequired'));
      return;
    }
    setError(undefined);
    update.mutate({ id: user.id, changes: { roles } }, { onSuccess: (saved) => onSaved(saved) });
  }

  return (
    <AppModal opened onClose={onClose} title={t('users.editRolesOf', { name: user.displayName })} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {update.isError && <ProblemAlert error={update.error} />}
          <RoleCheckboxes value={roles} onChange={setRoles} error={error} current={user.roles} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = useCan('users:manage');
  const format = useFormat();
  const users = useUsers();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function setActive(user: User, active: boolean): void {
    setNotice(null);
    update.mutate(
      { id: user.id, changes: { active } },
      {
        onSuccess: (saved) =>
          setNotice(
            t(active ? 'users.reactivated' : 'users.deactivated', {
              name: saved.displayName || user.displayName,
            }),
          ),
      },
    );
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro', { organisation: me.organisation.name })}
        actions={
          canManage && (
            <Button
              onClick={() => {
                setNotice(null);
                setCreating(true);
              }}
            >
              {t('users.new')}
            </Button>
          )
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
      {update.isError && (
        <Stack mb="md">
          <ProblemAlert error={update.error} />
        </Stack>
      )}

      {users.isPending ? (
        <TableSkeleton />
      ) : users.isError ? (
        <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Text>{t('users.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
            <Table.Caption>
              {t('users.caption')} ·{' '}
              {t('common.total', { count: users.data.total ?? users.data.items.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.email')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => {
                const isMe = user.id === me.user.id;
                return (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={500}>
                      {user.displayName}
                      {isMe && (
                        <Text span size="sm">
                          {' '}
                          ({t('common.you')})
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td className="hw-break">{user.email}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.map((role) => (
                          <Badge key={role} variant="light" radius="sm" tt="none">
                            {t(`roles.${role}.name`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.active ? 'green' : 'gray'} variant="dot" radius="sm" tt="none">
                        {user.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.dateTime(user.lastLoginAt) ?? t('common.never')}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('users.editRolesOf', { name: user.displayName })}
                            onClick={() => {
                              setNotice(null);
                              setEditing(user);
                            }}
                          >
                            {t('users.editRoles')}
                          </Button>
                          {user.active ? (
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              disabled={isMe}
                              loading={update.isPending && update.variables.id === user.id}
                              aria-label={t('users.deactivateUser', { name: user.displayName })}
                              onClick={() => setActive(user, false)}
                            >
                              {t('users.deactivate')}
                            </Button>
                          ) : (
                            <Button
                              size="xs"
                              variant="default"
                              loading={update.isPending && update.variables.id === user.id}
                              aria-label={t('users.reactivateUser', { name: user.displayName })}
                              onClick={() => setActive(user, true)}
                            >
                              {t('users.reactivate')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {canManage && (
        <CreateUserModal
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice(t('users.created', { email: user.email }));
          }}
        />
      )}
      {canManage && editing && (
        <EditRolesModal
          key={editing.id}
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            setNotice(t('users.rolesSaved', { name: user.displayName }));
          }}
        />
      )}
    </>
  );
}
