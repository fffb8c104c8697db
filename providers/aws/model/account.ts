/** Account-level settings. */

export interface AlternateContact {
  readonly name: string;
  readonly title: string;
  readonly emailAddress: string;
  readonly phoneNumber: string;
}

/**
 * `aws.account.security-contact`: one per account (region `global`), from `account:GetAlternateContact`
 * (AlternateContactType=SECURITY); `contact: null` is the `ResourceNotFoundException` answer.
 */
export interface AccountSecurityContact {
  readonly contact: AlternateContact | null;
}

/**
 * `aws.account.region`: one per scanned region, listed in that region's own scope (so a residency
 * check reads the region's other listings through `ctx.related(type, {region: 'same'})`).
 * From discovery (`account:ListRegions` / `ec2:DescribeRegions`).
 */
export interface AccountRegion {
  readonly regionName: string;
  /** ENABLED, ENABLED_BY_DEFAULT (`opt-in-not-required`), ... */
  readonly optStatus: string;
}
