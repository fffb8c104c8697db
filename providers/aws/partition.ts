/**
 * AWS partitions and the regions each holds. A caller's credentials work in one partition only, so
 * a region of another (a `cn-*` region that an emulator lists to a commercial caller) is never
 * scanned: the partition is read from the caller's identity ARN (`arn:aws-cn:iam::...`).
 */
const PREFIXES: readonly (readonly [prefix: string, partition: string])[] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-iso-', 'aws-iso'],
];

/** The partition a region belongs to (`aws` for every commercial region). */
export function partitionOf(region: string): string {
  return PREFIXES.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

/** The partition of an ARN (`arn:aws-us-gov:iam::...` -> `aws-us-gov`), or undefined when it is no ARN. */
export function partitionOfArn(arn: string | undefined): string | undefined {
  const match = /^arn:([a-z-]+):/.exec(arn ?? '');
  return match?.[1];
}

export const inPartition = (region: string, partition: string): boolean => partitionOf(region) === partition;
