export declare const ARCH_NAMES: readonly string[];
export interface PackContext {
  arch: number;
  packager: { platform: { buildConfigurationKey: string } };
}
export declare function packTarget(context: PackContext): { os: string; arch: string };
export default function beforePack(
  context: PackContext,
  options?: { root?: string; build?: (platform: string, arch: string) => void },
): Promise<void>;
