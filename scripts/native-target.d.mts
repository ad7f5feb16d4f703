export declare const NATIVE_DIR: string;
export declare const NATIVE_FILE: string;
export type TargetOs = 'mac' | 'win' | 'linux';
export declare const OS_OF_PLATFORM: Readonly<Record<string, TargetOs>>;
export declare const PLATFORM_OF_OS: Readonly<Record<TargetOs, NodeJS.Platform>>;
export declare const SUPPORTED_ARCHS: readonly string[];
export declare function osOfPlatform(platform: string): TargetOs;
export declare function targetKey(os: string, arch: string): string;
export declare function nativeBinaryPath(root: string, os: string, arch: string): string;
export declare function binaryTarget(bytes: Uint8Array): { os: TargetOs; arch: string } | undefined;
export declare function nativeRefusal(
  root: string,
  os: string,
  arch: string,
  readFile?: (file: string) => Uint8Array,
): string | undefined;
export declare function buildPlan(
  target: { platform: string; arch: string },
  host: { platform: string; arch: string },
): { mayCompile: boolean; mayLoadToVerify: boolean };
