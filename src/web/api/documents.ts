/**
 * Case documents (attachments): the list, the upload with progress, and download addresses. The shapes
 * follow src/server/documents/documents.schemas.ts. An upload sends the raw file as the request body
 * (application/octet-stream) with XMLHttpRequest, whose upload progress fetch does not report.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind } from '../../domain/documents.ts';
import type { AcceptedMediaType } from '../../domain/file-types.ts';
import { API_BASE, api, ApiError, getCsrfToken, type Problem } from './client.ts';

export type { DocumentKind };

/** One document of GET /cases/{id}/documents. */
export interface CaseDocument {
  id: string;
  caseId: string;
  kind: DocumentKind;
  filename: string;
  mediaType: AcceptedMediaType;
  sizeBytes: number;
  sha256: string;
  uploadedByOrganisationId: string;
  createdAt: string;
}

export const documentKeys = {
  list: (caseId: string) => ['cases', 'documents', caseId] as const,
};

function documentsPath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/documents`;
}

/** Where a document's content is downloaded from (the server answers it as an attachment). */
export function documentContentUrl(caseId: string, documentId: string): string {
  return `${API_BASE}${documentsPath(caseId)}/${encodeURIComponent(documentId)}/content`;
}

export function useDocuments(caseId: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.list(caseId),
    queryFn: ({ signal }) => api.get<{ items: CaseDocument[] }>(documentsPath(caseId), { signal }),
    enabled,
  });
}

/** A problem document from an XMLHttpRequest's answer (the same reading as client.ts's). */
export function problemFromResponse(status: number, statusText: string, text: string): Problem {
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null) return { title: statusText || `HTTP ${status}`, status };
  const b = body as Record<string, unknown>;
  const problem: Problem = {
    title: typeof b.title === 'string' && b.title !== '' ? b.title : statusText || `HTTP ${status}`,
    status,
  };
  if (typeof b.type === 'string') problem.type = b.type;
  if (typeof b.detail === 'string' && b.detail !== '') problem.detail = b.detail;
  if (Array.isArray(b.errors)) {
    problem.errors = b.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({
        path: typeof e.path === 'string' ? e.path : '',
        message: typeof e.message === 'string' ? e.message : '',
      }));
  }
  const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);
  const extensions = Object.entries(b).filter(([key]) => !standard.has(key));
  if (extensions.length > 0) problem.extensions = Object.fromEntries(extensions);
  return problem;
}

export interface UploadRequest {
  caseId: string;
  kind: DocumentKind;
  file: File;
  /** Called with the share sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** POST /cases/{id}/documents?kind=&filename= with the raw file. Rejects with ApiError. */
export function uploadDocument({
  caseId,
  kind,
  file,
  onProgress,
  signal,
}: UploadRequest): Promise<CaseDocument> {
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ kind, filename: file.name || 'document' });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${documentsPath(caseId)}?${params.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as CaseDocument);
        } catch {
          reject(new ApiError({ title: 'Unreadable answer', status: xhr.status }));
        }
        return;
      }
      reject(new ApiError(problemFromResponse(xhr.status, xhr.statusText, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError({ title: 'Network error', status: 0 }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    onProgress?.(0);
    xhr.send(file);
  });
}

/** Uploads a document and adds it to the case's list. */
export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: CaseDocument[] }>(documentKeys.list(saved.caseId), (old) =>
        old ? { items: [...old.items.filter((d) => d.id !== saved.id), saved] } : old,
      );
      return queryClient.invalidateQueries({ queryKey: documentKeys.list(saved.caseId) });
    },
  });
}
