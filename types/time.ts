import { z } from "zod";

// JavaScript dates reach ±275,760 years; PostgreSQL's timestamps do not. Dates the API accepts
// stay in a range both agree on (and any real billing question fits in).
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const isInTimestampRange = (date: Date) => date.getTime() >= EARLIEST && date.getTime() <= LATEST;

/** An ISO 8601 date-time between 1970 and 9999. */
export const timestamp = () =>
  z.coerce
    .date({ error: "Use an ISO 8601 date" })
    .refine(isInTimestampRange, "Use a date between 1970-01-01 and 9999-12-31");
