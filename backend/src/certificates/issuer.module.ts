import { Module } from '@nestjs/common';
import { IssuerIdentity } from './issuer-identity';

/** The issuer's key and DID, for the API (verification, DID document) and the worker (signing). */
@Module({ providers: [IssuerIdentity], exports: [IssuerIdentity] })
export class IssuerModule {}
