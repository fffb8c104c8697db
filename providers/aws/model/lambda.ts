import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/**
 * Lambda (regional): `lambda:ListFunctions`, then per function `lambda:GetPolicy` and
 * `lambda:ListFunctionUrlConfigs` (the listing carries neither).
 */

export interface FunctionUrl {
  readonly functionUrl: string;
  /** `NONE` (anyone on the internet) or `AWS_IAM` */
  readonly authType: string;
}

/** `aws.lambda.function`; `Resource.id` is the function ARN. */
export interface LambdaFunction {
  readonly functionName: string;
  readonly functionArn: string;
  /** null for container-image functions. */
  readonly runtime: string | null;
  readonly packageType: string;
  readonly lastModified: string | null;
  /** `GetPolicy`; null: no resource policy. */
  readonly policy: Observed<PolicyDocument | null>;
  readonly urls: Observed<readonly FunctionUrl[]>;
}
