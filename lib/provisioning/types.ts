// The reconciler's vocabulary, shared by the pure planner and the code around it.
import type { AclBinding } from "../kafka/acl-binding";
import type { TopicSettings } from "./layout";

export type ResourceType = "topic" | "credential" | "acls";
export type ProvisioningStatus = "pending" | "ready" | "error" | "drift";

export interface ResourceRef {
  type: ResourceType;
  /** Topic name, or the client's username for credential and acls. */
  key: string;
  companyId: string;
  systemId: string | null;
  clientId: string | null;
  /** The stream app whose principal this is (credential, acls); null or absent otherwise. */
  streamAppId?: string | null;
}

export type CredentialWanted =
  | { present: true; secretVersion: number }
  | { present: false }
  /** A stream app's: its password derives from RHEI_STREAM_APP_SECRET and the version, so Rhei can always set it. */
  | { present: true; derived: true; credentialVersion: number };

/** What the database wants for one resource. `desired` is what a state row stores. */
export type DesiredResource = ResourceRef &
  (
    | { type: "topic"; desired: TopicSettings }
    | {
        type: "credential";
        desired: CredentialWanted;
        /** The sealed SCRAM material of the current secret is still waiting to be set. */
        pendingMaterial: boolean;
        /** Which secret version the cluster holds, as the database last recorded it. */
        provisionedSecretVersion: number | null;
      }
    | { type: "acls"; desired: { bindings: AclBinding[] } }
  );

/** A ProvisioningState row as the planner needs it. */
export interface StateRow extends ResourceRef {
  id: string;
  desired: unknown;
  status: ProvisioningStatus;
}

export interface ObservedTopic {
  partitions: number;
  replicationFactor: number;
  /** Effective values of the configs Rhei manages. */
  configs: Record<string, string>;
}

/** The part of the cluster that concerns Rhei's resources. */
export interface ObservedCluster {
  topics: Map<string, ObservedTopic>;
  /** Keyed by Kafka principal (`User:<name>`). */
  aclsByPrincipal: Map<string, AclBinding[]>;
  scramUsers: Set<string>;
}

export type KafkaAction =
  | { kind: "create-topic"; topic: string; settings: TopicSettings }
  | { kind: "delete-topic"; topic: string }
  | { kind: "create-partitions"; topic: string; count: number }
  | { kind: "alter-topic-configs"; topic: string; set: Record<string, string> }
  | { kind: "create-acls"; bindings: AclBinding[] }
  | { kind: "delete-acls"; bindings: AclBinding[] }
  | { kind: "set-credential"; username: string; clientId: string; secretVersion: number }
  | { kind: "set-app-credential"; username: string; appId: string; credentialVersion: number }
  | { kind: "delete-credential"; username: string; clientId: string | null };

/**
 * What to do about one resource. `outcome`: in-sync (nothing to do), apply (make the cluster match), drift (the
 * cluster was changed outside Rhei: repaired now, shown as drift until a later pass finds it in sync), error
 * (nothing Rhei can do by itself), forget (the resource is no longer wanted: remove it, then its row).
 */
export interface ResourcePlan {
  ref: ResourceRef;
  rowId: string | null;
  /** What the row should store as desired; null when the resource is to be forgotten. */
  desired: unknown;
  /** What the cluster showed, as stored in the row. */
  observed: unknown;
  /** What the cluster will hold once the actions succeed. */
  observedAfter: unknown;
  outcome: "in-sync" | "apply" | "drift" | "error" | "forget";
  actions: KafkaAction[];
  /** Status once every action succeeded. */
  statusOnSuccess: ProvisioningStatus | "forgotten";
  /** Why (drift, error): shown to the user and written to the audit log. */
  message?: string;
  /** A later pass must finish the job (e.g. create a topic once its predecessor is deleted). */
  followUp?: boolean;
}
