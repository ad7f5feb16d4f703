/**
 * A display name: no folders, no control or bidirectional-override characters (which can make
 * `gpj.exe` read as `exe.jpg`), no leading dots, bounded length.
 */
export function cleanAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/**
 * A file name, never a path: exactly what the attachment code itself would store (no separators,
 * no control characters, no leading dots), so a teammate's file cannot smuggle `../` past it.
 */
export function isSafeFileName(name: string): boolean {
  return name === '' || cleanAttachmentName(name) === name;
}
