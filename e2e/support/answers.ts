import { expect, type Page } from '@playwright/test';
import { Client } from 'pg';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { E2E_DB } = require('./stack-env');

/** An item's definition, key included, as the stack's database holds it (test-only knowledge). */
interface Definition {
  type: string;
  options?: { id: string; correct?: boolean; fraction?: number }[];
  answer?: boolean;
  pairs?: { left: { id: string }; right: { id: string } }[];
  sequence?: { id: string }[];
  answers?: { text?: string; value?: number; fraction?: number }[];
}

export async function definitions(itemIds: string[]): Promise<Map<string, Definition>> {
  const db = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${E2E_DB}` });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; definition: Definition }>(
      'SELECT id, definition FROM item_versions WHERE id = ANY($1::uuid[])',
      [itemIds],
    );
    return new Map(rows.map((r) => [r.id, r.definition]));
  } finally {
    await db.end();
  }
}

/** Gives the right answer to the item shown, through the player's own controls. */
export async function answerRightly(page: Page, itemId: string, def: Definition): Promise<void> {
  const item = page.locator('q-item-input').first();
  switch (def.type) {
    case 'single': {
      const right = def.options!.find((o) => o.correct || o.fraction === 1)!;
      await item.locator(`input[type=radio][value="${right.id}"]`).check();
      return;
    }
    case 'multiple':
      for (const o of def.options!.filter((o) => o.correct))
        await item.locator(`input[type=checkbox][value="${o.id}"]`).check();
      return;
    case 'true_false':
      await item
        .locator('input[type=radio]')
        .nth(def.answer ? 0 : 1)
        .check();
      return;
    case 'matching':
      for (const p of def.pairs!)
        await item.locator(`select[data-stem="${p.left.id}"]`).selectOption(p.right.id);
      return;
    case 'ordering': {
      const want = def.sequence!.map((s) => s.id);
      const order = () =>
        item.locator('.order li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
      // Bubble each piece up to its place with the player's own "up" buttons.
      for (let target = 0; target < want.length; target++) {
        for (let at = (await order()).indexOf(want[target]); at > target; at--) {
          await item.locator(`.order li[data-id="${want[target]}"] button`).first().click();
          await expect.poll(async () => (await order()).indexOf(want[target])).toBe(at - 1);
        }
      }
      return;
    }
    case 'short_answer':
      await item.locator('input[type=text]').fill(def.answers!.find((a) => a.text !== '*')!.text!);
      return;
    case 'numeric':
      await item.locator('input[type=text]').fill(String(def.answers![0].value));
      return;
    default:
      throw new Error(`no right answer for ${def.type} (${itemId})`);
  }
}
