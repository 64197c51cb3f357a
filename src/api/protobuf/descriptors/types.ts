/**
 * The shape of Skiff's own protobuf descriptor tables.
 *
 * Kubernetes' generated.proto files are proto2 and not shipped by any npm package, so
 * each message Skiff decodes is described here as data: the field numbers upstream
 * assigns, the JSON name the Go type carries, and how Go's encoders treat a zero value.
 */

/** Scalar field kinds; Kubernetes' protos use no enums (enum-like fields are strings). */
export type ScalarKind = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'double';

/**
 * `message:<Name>` names another entry of the table (or a special message such as
 * `meta.v1.Time`); `map:<keyKind>:<valueKind>` is a repeated entry message {1 key, 2 value}.
 */
export type FieldKind = ScalarKind | `message:${string}` | `map:${string}:${string}`;

export interface FieldDescriptor {
  /** The protobuf field number, as upstream's generated.proto. */
  no: number;
  /** The JSON name of the Go field (which may differ from the proto name: `uid` is `uID` there). */
  json: string;
  kind: FieldKind;
  repeated?: true;
  /**
   * Keep a zero scalar (`""`, `0`, `false`). Go's protobuf marshaller writes every
   * non-pointer scalar, even when zero, while its JSON encoder drops zeros of `omitempty`
   * fields; a zero is kept only where Go's JSON keeps it too: pointer fields (`replicas: 0`,
   * `runAsUser: 0` mean something) and fields without `omitempty`.
   */
  keepZero?: true;
  /** An embedded Go struct tagged `json:",inline"`: its fields belong to the parent object. */
  inline?: true;
  /** Go's `omitzero`: a zero message (an empty Time) is left out rather than rendered as null. */
  omitZero?: true;
}

/** Message name (`core.v1.Pod`, `meta.v1.ObjectMeta`) to its fields. */
export type MessageTable = Record<string, readonly FieldDescriptor[]>;
