/**
 * An error the user can cause and fix: bad input, a malformed rule, a wrong flag. It prints as
 * `where: what went wrong: what to do`, and the CLI turns it into exit code 2 without a stack trace.
 */
export class UserError extends Error {
  constructor(
    readonly where: string,
    readonly what: string,
    readonly todo: string,
  ) {
    super(todo ? `${where}: ${what}: ${todo}` : `${where}: ${what}`);
    this.name = 'UserError';
  }
}

/** Several user errors reported together (every bad rule file, not just the first). */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'UserErrors';
  }
}

export function isUserError(error: unknown): error is UserError | UserErrors {
  return error instanceof UserError || error instanceof UserErrors;
}
