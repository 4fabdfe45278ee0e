import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"))
  .describe("Email address, case-insensitive");

export const passwordField = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .describe("Password, 10 to 200 characters");

export const signUpBody = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters").describe("Display name"),
    email: emailField,
    password: passwordField,
    referralCode: z
      .string()
      .trim()
      .max(32)
      .transform((code) => code || undefined)
      .optional()
      .describe("The `ref` of the referral link the person arrived by, if any"),
  })
  .strict();
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInCredentials = z.object({ email: emailField, password: z.string().min(1).max(200) });

export const signUpResponse = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() }),
  workspace: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
});
export type SignUpResponse = z.infer<typeof signUpResponse>;
