'use strict';
// One place for the e2e stack's address and database, read by the config and the stack script.
module.exports = {
  E2E_PORT: Number(process.env.E2E_PORT ?? 3100),
  E2E_DB: process.env.E2E_DB ?? 'qadam_e2e',
};
