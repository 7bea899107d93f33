import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The page links under a list, labelled for screen readers; nothing when there is one page. */
export function ListPagination({
  pages,
  page,
  onChange,
}: {
  pages: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('cases.pagination')}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getItemProps={(n) => ({ 'aria-label': t('cases.page', { page: n }) })}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('cases.previousPage') }
            : control === 'next'
              ? { 'aria-label': t('cases.nextPage') }
              : {}
        }
      />
    </nav>
  );
}
