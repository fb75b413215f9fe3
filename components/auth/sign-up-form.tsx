"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type SignUpInput, signUpSchema } from "@/lib/users/schemas";

export function SignUpForm({ action }: { action: (input: SignUpInput) => Promise<ActionResult<{ email: string }>> }) {
  const router = useRouter();
  const { form, submit } = useActionForm({
    schema: signUpSchema,
    defaultValues: { name: "", email: "", password: "" },
    action,
    onSuccess: async () => {
      const { email, password } = form.getValues();
      const result = await signIn("credentials", { email, password, redirect: false });
      router.replace(result?.ok ? "/" : "/sign-in");
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create an account</h1>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      <Field label="Name" error={errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" hint="At least 10 characters" error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-sm text-slate-500">
        Have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
