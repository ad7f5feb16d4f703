/**
 * Libraries stay open while the core runs (opening one costs a file check and a schema read); one handle per
 * file, shared by every operation, closed when the core stops.
 */
import path from 'node:path';
import { FactCheckLibrary } from './library';

const open = new Map<string, FactCheckLibrary>();

export function libraryAt(file: string, create = false): FactCheckLibrary {
  const key = path.resolve(file);
  let lib = open.get(key);
  if (!lib || !lib.db.open) {
    lib = FactCheckLibrary.open(key, { create });
    open.set(key, lib);
  }
  return lib;
}

export function closeLibrary(file: string): void {
  const key = path.resolve(file);
  open.get(key)?.close();
  open.delete(key);
}

export function closeAllLibraries(): void {
  for (const lib of open.values()) lib.close();
  open.clear();
}
