/**
 * A CSV as a file: UTF-8 with a byte-order mark, which Excel needs to read Kazakh letters
 * (the API skips the mark when the file comes back).
 */
export function csvFile(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

/** Offers `blob` as a download named `name`, made in the browser (no round trip). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: release it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
