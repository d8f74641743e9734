import { STATUS_LIST_SIZE } from './credential';

/** The public addresses of a certificate, all under PUBLIC_URL. */
export function certificateUrls(publicUrl: string, id: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    verifyUrl: `${base}/verify/${id}`,
    pdfUrl: `${base}/api/certificates/${id}/pdf`,
    credentialUrl: `${base}${credentialPath(id)}`,
    /** The revocation list holding a status index (lists are numbered from 1). */
    statusListUrl: (index: number) => `${base}/api/credentials/status/${statusListOf(index)}`,
  };
}

export function statusListOf(index: number): number {
  return Math.floor(index / STATUS_LIST_SIZE) + 1;
}

export function credentialPath(id: string): string {
  return `/api/certificates/${id}/credential`;
}
