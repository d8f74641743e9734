// Plain contract types shared by the API and its clients (the Angular app, scripts).
// Types only: this library compiles to nothing, so the browser never pulls backend code.
export * from './common';
export * from './accounts';
export * from './reference';
export * from './audit';
export * from './catalog';
export * from './assessments';
export * from './certificates';
export * from './competencies';
