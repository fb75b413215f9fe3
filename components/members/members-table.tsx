"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type RoleName, roles } from "@/lib/authz/permissions";
import { formatDate } from "@/lib/ui/format";

export interface MemberRow {
  role: RoleName;
  createdAt: Date;
  user: { id: string; email: string; name: string };
}

const column = createColumnHelper<MemberRow>();

export function MembersTable({
  canManage,
  currentUserId,
  changeRole,
  remove,
  ...list
}: ListProps<MemberRow> & {
  canManage: boolean;
  currentUserId: string;
  changeRole: (userId: string, role: RoleName) => Promise<ActionResult<{ email: string; role: string }>>;
  remove: (userId: string) => Promise<ActionResult<{ email: string }>>;
}) {
  const router = useRouter();
  const columns = [
    column.accessor((m) => m.user.name, { id: "name", header: "Name" }),
    column.accessor((m) => m.user.email, {
      id: "email",
      header: "Email",
      cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
    }),
    column.accessor("role", {
      header: "Role",
      cell: (c) => {
        const m = c.row.original;
        if (!canManage) return <Badge tone={m.role === "admin" ? "blue" : "neutral"}>{m.role}</Badge>;
        return (
          <NativeSelect
            aria-label={`Role of ${m.user.email}`}
            className="h-8 w-32"
            defaultValue={m.role}
            onChange={async (e) => {
              const select = e.currentTarget;
              const result = await changeRole(m.user.id, select.value as RoleName);
              if (result.ok) toast.success(`${result.data.email} is now ${result.data.role}`);
              else {
                toast.error(result.error);
                select.value = m.role;
              }
              router.refresh();
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </NativeSelect>
        );
      },
    }),
    column.accessor("createdAt", { header: "Member since", cell: (c) => formatDate(c.getValue()) }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) => {
        const m = c.row.original;
        const self = m.user.id === currentUserId;
        if (!canManage && !self) return null;
        return (
          <ConfirmDialog
            title={self ? "Leave this company?" : `Remove ${m.user.email}?`}
            confirmLabel={self ? "Leave" : "Remove"}
            trigger={
              <Button variant="ghost" size="sm">
                {self ? "Leave" : "Remove"}
              </Button>
            }
            onConfirm={async () => {
              const result = await remove(m.user.id);
              if (!result.ok) {
                toast.error(result.error);
                return false;
              }
              toast.success(self ? "You left the company" : `${result.data.email} removed`);
              if (self) router.push("/");
              else router.refresh();
            }}
          >
            <p>
              {self ? "You" : m.user.email} will lose access to this company's systems, data and audit log. Their
              account stays.
            </p>
          </ConfirmDialog>
        );
      },
    }),
  ];
  return (
    <DataTable
      label="Members"
      columns={columns}
      sortable={["name", "email", "role", "createdAt"]}
      getRowId={(m) => m.user.id}
      searchPlaceholder="Filter by name or email"
      empty={<EmptyState title="No members" />}
      {...list}
    />
  );
}
