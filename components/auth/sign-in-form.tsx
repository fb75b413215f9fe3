"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/auth/credential-schemas";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const message =
        result?.error === "too-many-attempts"
          ? "Too many failed sign-ins for this email: wait 15 minutes, then try again"
          : result?.status === 401
            ? "Email or password is wrong"
            : "Sign-in failed; try again";
      form.setError("root", { message });
      return;
    }
    router.replace(returnTo);
    router.refresh();
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Sign in</h1>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      <Field label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-500">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
