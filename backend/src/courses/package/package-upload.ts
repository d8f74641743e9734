import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { DomainError } from '../../common/errors/domain-error';
import { COURSE_FILE } from './package-loader';

/** Bounds on what an upload may unpack to: a real package is a few hundred files, a few MB. */
export const PACKAGE_LIMITS = { files: 2000, bytes: 64 * 1024 * 1024 };

const refuse = (reason: { kk: string; ru: string; en: string }) =>
  new DomainError('PACKAGE_UNREADABLE', { reason });

/**
 * Unpacks an uploaded .zip of a course package into a fresh temporary folder and returns the
 * package's own folder in it (the zip may hold the files at its root or in one top folder, as
 * "Compress folder" makes it). Refuses what is not a zip, paths leaving the folder, and archives
 * that would unpack beyond the limits, before writing anything.
 */
export async function unpackPackage(
  zip: Buffer,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  let declared = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), {
      filter: (f) => {
        count += 1;
        declared += f.originalSize;
        if (count > PACKAGE_LIMITS.files || declared > PACKAGE_LIMITS.bytes) {
          throw new DomainError('PAYLOAD_TOO_LARGE');
        }
        return !f.name.endsWith('/');
      },
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw refuse({
      kk: 'ZIP архиві оқылмады',
      ru: 'архив ZIP не читается',
      en: 'not a readable ZIP',
    });
  }
  const names = Object.keys(files).filter((n) => !isJunk(n));
  for (const name of names) {
    const clean = path.posix.normalize(name.replace(/\\/g, '/'));
    if (clean.startsWith('../') || clean.startsWith('/') || /^[a-zA-Z]:/.test(clean)) {
      throw refuse({
        kk: `«${name}» жолы архивтен тыс шығады`,
        ru: `путь «${name}» выходит за пределы архива`,
        en: `the path "${name}" leads outside the archive`,
      });
    }
  }
  const roots = names
    .filter((n) => n === COURSE_FILE || /^[^/]+\/course\.yaml$/.test(n))
    .map((n) => path.posix.dirname(n));
  if (roots.length !== 1) {
    throw refuse(
      roots.length === 0
        ? {
            kk: 'course.yaml табылмады',
            ru: 'не найден course.yaml',
            en: 'course.yaml was not found',
          }
        : {
            kk: 'бір архивте бірнеше курс бар; әр курсты бөлек жіберіңіз',
            ru: 'в архиве несколько курсов; отправьте каждый отдельно',
            en: 'the archive holds several courses; upload each one on its own',
          },
    );
  }
  const prefix = roots[0] === '.' ? '' : `${roots[0]}/`;
  const base = await mkdtemp(path.join(tmpdir(), 'qadam-package-'));
  const cleanup = () => rm(base, { recursive: true, force: true });
  try {
    // The folder takes the course's slug: how an archiver named it is incidental to an upload,
    // while the loader checks the two agree (as they must in courses/).
    const slug = /^slug:\s*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?\s*$/m.exec(
      Buffer.from(files[`${prefix}${COURSE_FILE}`]).toString('utf8'),
    )?.[1];
    const dir = path.join(base, slug ?? 'package');
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const target = path.join(dir, path.posix.normalize(name.slice(prefix.length)));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, files[name]);
    }
    return { dir, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** What archivers add by themselves (macOS resource forks, Finder and Explorer files). */
function isJunk(name: string): boolean {
  return (
    name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name) || /(^|\/)Thumbs\.db$/.test(name)
  );
}
