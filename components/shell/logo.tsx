export function Logo({ className }: { className?: string }) {
  return (
    <span className={className}>
      <svg viewBox="0 0 32 32" className="inline-block size-7 align-middle" aria-hidden>
        <rect width="32" height="32" rx="7" className="fill-brand-600" />
        <path
          d="M6 20c4-6 8-6 10 0s6 6 10 0"
          className="stroke-white"
          strokeWidth="2.6"
          fill="none"
          strokeLinecap="round"
        />
        <path
          d="M6 13c4-6 8-6 10 0s6 6 10 0"
          className="stroke-brand-100"
          strokeWidth="2.6"
          fill="none"
          strokeLinecap="round"
        />
      </svg>
      <span className="ml-2 align-middle text-lg font-semibold tracking-tight">Rhei</span>
    </span>
  );
}
