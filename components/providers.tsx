"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }),
  );
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>
        {children}
        {/* Top right, below the header: a dialog's buttons sit at its bottom, so a toast never covers them. */}
        <Toaster
          position="top-right"
          offset={{ top: 64, right: 16 }}
          mobileOffset={{ top: 64 }}
          richColors
          closeButton
        />
      </QueryClientProvider>
    </SessionProvider>
  );
}
