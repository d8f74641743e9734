import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the entities cannot say: the trigram index behind catalog search, the three programs of
 * the ladder, and triggers that keep a published version frozen, so an edit during an exam
 * window changes nothing for the teachers inside it.
 */
export class CatalogSearchAndFreeze1795546600000 implements MigrationInterface {
  name = 'CatalogSearchAndFreeze1795546600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "courses_search_text_trgm_idx" ON "courses" USING gin ("search_text" gin_trgm_ops)`,
    );

    await q.query(
      `INSERT INTO "programs" ("level", "position", "title", "description") VALUES ($1, 1, $2, $3), ($4, 2, $5, $6), ($7, 3, $8, $9)`,
      [
        'acquire',
        JSON.stringify({ kk: 'Игеру', ru: 'Освоение', en: 'Acquire' }),
        JSON.stringify({
          kk: 'Базалық деңгей: ЖИ негіздерін түсіну, дайын құралдарды қолдану, деректердің құпиялылығын сақтау. Жаппай ашық онлайн-курс, қорытынды тест нәтижесі бойынша куәлік беріледі.',
          ru: 'Базовый уровень: понимать основы ИИ, пользоваться готовыми инструментами, соблюдать конфиденциальность данных. Массовый открытый онлайн-курс; свидетельство выдаётся по результату итогового теста.',
          en: 'Basic level: understand the principles of AI, use ready-made tools, keep data private. A MOOC; a certificate of attendance is awarded on the final test result.',
        }),
        'deepen',
        JSON.stringify({ kk: 'Тереңдету', ru: 'Углубление', en: 'Deepen' }),
        JSON.stringify({
          kk: 'Жоғары деңгей: ЖИ-ді саралап оқытуға кіріктіру, алгоритмдерді сыни бағалау, оқушыларды цифрлық қауіпсіздікке үйрету. Топпен өтетін біліктілікті арттыру курстары; сертификат бағалау нәтижесі бойынша беріледі.',
          ru: 'Продвинутый уровень: встраивать ИИ в дифференцированное обучение, критически оценивать алгоритмы, учить учеников цифровой безопасности. Курсы повышения квалификации в группах; сертификат выдаётся по результату оценивания.',
          en: 'Advanced level: integrate AI into differentiated lessons, evaluate algorithms critically, teach pupils digital safety. Cohort courses; a certificate is awarded on the assessment result.',
        }),
        'create',
        JSON.stringify({ kk: 'Құру', ru: 'Создание', en: 'Create' }),
        JSON.stringify({
          kk: 'Кәсіби деңгей: өз ЖИ шешімдерін құру немесе модельдерді жергілікті жағдайға бейімдеу, әріптестерге тәлімгер болу. Информатика мұғалімдеріне арналған бейінді білім беру бағдарламасы; сертификат жобаны бағалау нәтижесі бойынша беріледі.',
          ru: 'Профессиональный уровень: создавать собственные решения на основе ИИ или адаптировать модели к местным условиям, наставлять коллег. Профильная образовательная программа для учителей информатики; сертификат выдаётся по результату оценки проекта.',
          en: 'Professional level: build own AI solutions or adapt models to local conditions, mentor colleagues. A profile program for informatics teachers; a certificate is awarded on the assessed project.',
        }),
      ],
    );

    // A published version's document, and the modules, lessons and assessments materialised
    // from it, never change. Deleting them (with their course) stays possible.
    await q.query(`
      CREATE FUNCTION course_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND (
             NEW.document IS DISTINCT FROM OLD.document
          OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
          OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.course_id IS DISTINCT FROM OLD.course_id) THEN
          RAISE EXCEPTION 'published course version % is frozen', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER course_versions_frozen BEFORE UPDATE ON "course_versions"
      FOR EACH ROW EXECUTE FUNCTION course_version_refuse_change()`);
    await q.query(`
      CREATE FUNCTION published_content_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% of a published version is frozen', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['course_modules', 'lessons', 'course_assessments']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen BEFORE UPDATE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION published_content_refuse_update()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['course_modules', 'lessons', 'course_assessments']) {
      await q.query(`DROP TRIGGER ${table}_frozen ON "${table}"`);
    }
    await q.query(`DROP FUNCTION published_content_refuse_update()`);
    await q.query(`DROP TRIGGER course_versions_frozen ON "course_versions"`);
    await q.query(`DROP FUNCTION course_version_refuse_change()`);
    await q.query(`DELETE FROM "programs"`);
    await q.query(`DROP INDEX "courses_search_text_trgm_idx"`);
    // pg_trgm stays: other objects may have come to use it.
  }
}
