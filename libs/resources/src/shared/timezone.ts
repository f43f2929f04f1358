/**
 * The zone of schedules that name none (HSDS makes `timezone` optional): the
 * demo city's. A directory serving another region changes it here.
 */
export const DIRECTORY_TIMEZONE = 'America/Halifax';
