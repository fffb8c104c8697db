/** The caller's static credentials the AWS fake accepts (its own module: a benchmark's scan process needs them without the fake). */
export const BASE_ACCESS_KEY = 'AKIAFAKEDUTYSCAN0001';
export const BASE_CREDENTIALS = { accessKeyId: BASE_ACCESS_KEY, secretAccessKey: 'fake-secret-key' } as const;
