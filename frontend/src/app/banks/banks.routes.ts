import type { CanDeactivateFn, Routes } from '@angular/router';
import { BankPage } from './bank-page';
import { BanksPage } from './banks-page';
import { ImportPage } from './import-page';
import { ItemEditorPage } from './item-editor-page';

/** Leaving the item editor with unsaved changes asks first. */
export const leaveEditor: CanDeactivateFn<ItemEditorPage> = (page) => page.canLeave();

/** Mounted at /staff/banks, behind the author/admin guard. `import` before `:id`. */
export const routes: Routes = [
  { path: '', component: BanksPage },
  { path: 'import', component: ImportPage },
  { path: ':id', component: BankPage },
  { path: ':id/items/:itemId', component: ItemEditorPage, canDeactivate: [leaveEditor] },
];
