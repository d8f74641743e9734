import { TestBed } from '@angular/core/testing';
import type { AttemptItemView, ItemResponse } from '@qadam/contracts';
import { ItemInput } from './item-input';

const opts = [
  { id: 'a', text: 'Бірінші' },
  { id: 'b', text: 'Екінші' },
  { id: 'c', text: 'Үшінші' },
];

/** Renders one item with a response and collects what it emits, in the API's shape. */
async function render(item: Partial<AttemptItemView>, response?: ItemResponse) {
  const fixture = TestBed.createComponent(ItemInput);
  fixture.componentRef.setInput('item', {
    id: 'i1',
    prompt: 'Сұрақ',
    points: 1,
    section: 's',
    ...item,
  } as AttemptItemView);
  fixture.componentRef.setInput('response', response);
  const emitted: ItemResponse[] = [];
  fixture.componentInstance.changed.subscribe((r) => emitted.push(r));
  await fixture.whenStable();
  return { el: fixture.nativeElement as HTMLElement, emitted };
}

describe('ItemInput', () => {
  it('single: the option id', async () => {
    const { el, emitted } = await render({ type: 'single', options: opts });
    el.querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click();
    expect(emitted).toEqual(['b']);
  });

  it('multiple: the ids chosen, and null when none is left', async () => {
    const { el, emitted } = await render({ type: 'multiple', options: opts }, ['a']);
    const boxes = el.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
    expect(boxes[0].checked).toBe(true);
    boxes[2].click();
    boxes[0].click();
    expect(emitted).toEqual([['a', 'c'], null]);
  });

  it('true/false: a boolean', async () => {
    const { el, emitted } = await render({ type: 'true_false' });
    el.querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click();
    expect(emitted).toEqual([false]);
  });

  it('matching: stem to option, keeping the other pairs', async () => {
    const { el, emitted } = await render(
      {
        type: 'matching',
        options: opts,
        stems: [
          { id: 's1', text: 'Сол 1' },
          { id: 's2', text: 'Сол 2' },
        ],
      },
      { s1: 'a' },
    );
    const selects = el.querySelectorAll<HTMLSelectElement>('select');
    expect(selects[0].value).toBe('a');
    selects[1].value = 'c';
    selects[1].dispatchEvent(new Event('change'));
    expect(emitted).toEqual([{ s1: 'a', s2: 'c' }]);
  });

  it('ordering: the ids in the new order after a move', async () => {
    const { el, emitted } = await render({ type: 'ordering', options: opts });
    const down = el
      .querySelectorAll<HTMLButtonElement>('.order li')[0]
      .querySelectorAll('button')[1];
    down.click();
    expect(emitted).toEqual([['b', 'a', 'c']]);
    expect(el.querySelector<HTMLButtonElement>('.order li button')!.disabled).toBe(true);
  });

  it('essay: the text, with a character count against the limit', async () => {
    const { el, emitted } = await render({ type: 'essay', maxLength: 500 }, 'Жоспар');
    expect(el.textContent).toContain('6 / 500');
    const area = el.querySelector('textarea')!;
    area.value = 'Жоспар дайын';
    area.dispatchEvent(new Event('input'));
    expect(emitted).toEqual(['Жоспар дайын']);
  });
});
