import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './database-options';

/** For the TypeORM CLI only (`npm run db:generate`, on the compiled output). */
export default new DataSource(dataSourceOptions(loadEnv()));
