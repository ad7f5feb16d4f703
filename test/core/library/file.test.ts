import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FactCheckLibrary } from '../../../electron/core/library/library';
import { LIBRARY_APPLICATION_ID, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION } from '../../../electron/core/library/schema';
import { createTestContext, tempDir } from '../../helpers/workspace';

describe('library file', () => {
  it('is created with its own application id and version and reopens', () => {
    const file = path.join(tempDir(), 'desk.claimbench-library');
    FactCheckLibrary.open(file, { create: true }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(LIBRARY_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    db.close();
    const lib = FactCheckLibrary.open(file);
    expect(lib.count()).toBe(0);
    lib.close();
  });

  it('refuses a missing file, a non-SQLite file, a workspace and a library from a newer version, unchanged', () => {
    const dir = tempDir();
    expect(() => FactCheckLibrary.open(path.join(dir, 'none.claimbench-library'))).toThrow(/does not exist/);
    const text = path.join(dir, 'text.claimbench-library');
    fs.writeFileSync(text, 'hello, not a database at all');
    expect(() => FactCheckLibrary.open(text)).toThrow(/not a SQLite database/);
    expect(fs.readFileSync(text, 'utf8')).toBe('hello, not a database at all');

    const ctx = createTestContext();
    ctx.workspace.close();
    const before = fs.readFileSync(ctx.file);
    expect(() => FactCheckLibrary.open(ctx.file)).toThrow(/not a Claimbench fact-check library/);
    expect(fs.readFileSync(ctx.file).equals(before)).toBe(true);

    const newer = path.join(dir, 'newer.claimbench-library');
    FactCheckLibrary.open(newer, { create: true }).close();
    const db = new Database(newer);
    db.pragma(`user_version = ${LIBRARY_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => FactCheckLibrary.open(newer)).toThrow(/newer version of Claimbench/);
  });

  it('refuses a library carrying a trigger or a view of its own, by name, before reading its data', () => {
    const dir = tempDir();
    for (const [name, sql] of [
      ['trigger', "CREATE TRIGGER rewrite AFTER INSERT ON reviews BEGIN UPDATE reviews SET verdict = 'true'; END"],
      ['view', 'CREATE VIEW spin AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n'],
    ] as const) {
      const file = path.join(dir, `${name}.claimbench-library`);
      FactCheckLibrary.open(file, { create: true }).close();
      const db = new Database(file);
      db.exec(sql);
      db.close();
      const before = fs.readFileSync(file);
      expect(() => FactCheckLibrary.open(file)).toThrow(
        new RegExp(`was refused: it carries a ${name} of its own, "${name === 'view' ? 'spin' : 'rewrite'}"`),
      );
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });
});

describe('library format 2', () => {
  it('re-rates fact-checks an earlier version filed as misleading though their rating was "Mostly true" or "Half true"', () => {
    const file = path.join(tempDir(), 'old.claimbench-library');
    const db = new Database(file);
    db.exec(LIBRARY_MIGRATIONS[0]!.up);
    db.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    db.pragma('user_version = 1');
    const insert = db.prepare(
      `INSERT INTO reviews (url, claim_reviewed, rating_text, verdict, language, claim_terms, headline_terms, imported_at)
       VALUES (?, ?, ?, ?, 'en', 'x', '', '2026-01-01')`,
    );
    insert.run('https://desk.example/1', 'Mostly', 'Mostly true', 'misleading');
    insert.run('https://desk.example/2', 'Partly', 'Partly-true.', 'misleading');
    insert.run('https://desk.example/3', 'Out of context', 'Missing context', 'misleading');
    insert.run('https://desk.example/4', 'Half', 'Half True', 'misleading');
    db.close();
    FactCheckLibrary.open(file).close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT rating_text, verdict FROM reviews ORDER BY url').raw().all()).toEqual([
      ['Mostly true', 'true'],
      ['Partly-true.', 'mixed'],
      ['Missing context', 'misleading'],
      ['Half True', 'mixed'],
    ]);
    expect(reopened.pragma('user_version', { simple: true })).toBe(3);
    reopened.close();
  });
});
