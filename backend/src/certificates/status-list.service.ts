import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import type { Env } from '../config/env';
import { CertificateCache } from './certificate-cache';
import { certificateUrls } from './certificate-urls';
import {
  buildStatusListCredential,
  encodeStatusList,
  signEddsaRdfc2022,
  STATUS_LIST_SIZE,
} from './credential';
import { IssuerIdentity } from './issuer-identity';

/** A day; a revocation drops the list at once, so this only bounds idle memory. */
const CACHE_SECONDS = 24 * 3600;

/**
 * The revocation lists every credential points to (W3C Bitstring Status List): list n holds
 * status indices [(n-1)·131072, n·131072), a bit set for each revoked certificate. Signed by the
 * issuer, built on demand and cached until the next revocation in it.
 */
@Injectable()
export class StatusListService {
  private readonly publicUrl: string;

  constructor(
    private readonly ds: DataSource,
    private readonly issuer: IssuerIdentity,
    private readonly cache: CertificateCache,
    config: ConfigService<Env, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async list(n: number): Promise<Record<string, unknown>> {
    if (!Number.isInteger(n) || n < 1) throw new DomainError('NOT_FOUND');
    const from = (n - 1) * STATUS_LIST_SIZE;
    const [{ used }] = await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM certificates WHERE status_index >= $1 AND status_index < $2)
              AS used`,
      [from, from + STATUS_LIST_SIZE],
    );
    if (!used) throw new DomainError('NOT_FOUND');
    const key = this.cache.statusListKey(n);
    const cached = await this.cache.get<Record<string, unknown>>(key);
    if (cached) return cached;

    const revoked: { status_index: number }[] = await this.ds.query(
      `SELECT status_index FROM certificates
        WHERE status = 'revoked' AND status_index >= $1 AND status_index < $2`,
      [from, from + STATUS_LIST_SIZE],
    );
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const unsigned = buildStatusListCredential({
      id: certificateUrls(this.publicUrl, '').statusListUrl(from),
      issuerDid: this.issuer.did,
      validFrom: now,
      encodedList: encodeStatusList(
        revoked.map((r) => r.status_index - from),
        STATUS_LIST_SIZE,
      ),
    });
    const signed = await signEddsaRdfc2022(unsigned, {
      verificationMethod: this.issuer.verificationMethod,
      privateKey: this.issuer.key.privateKey,
      created: now,
    });
    await this.cache.set(key, signed, CACHE_SECONDS);
    return signed;
  }
}
