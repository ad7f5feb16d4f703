/**
 * An argument as it must be typed in a shell to arrive unchanged: left bare when it holds only
 * characters no shell treats specially, else in single quotes (POSIX shells and PowerShell both
 * take those literally; a single quote inside is closed, escaped and reopened).
 */
export function shellArg(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
