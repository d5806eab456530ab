/** Query parameters that carry credentials and must never reach a log line. */
const SECRET_PARAMS = /([?&](?:token|invite)=)[^&#]*/gi;

/** The URL with credential query values replaced, for logging. */
export const redactUrl = (url: string) => url.replace(SECRET_PARAMS, '$1[redacted]');
