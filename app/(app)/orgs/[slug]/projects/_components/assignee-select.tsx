import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import type { Person } from "@/lib/validation/people";

/** Who a task is for: the organization's members, or nobody. */
export function AssigneeSelect({
  id,
  members,
  defaultValue,
  describedBy,
}: {
  id: string;
  members: Person[];
  defaultValue: string | undefined;
  describedBy?: string;
}) {
  return (
    <NativeSelect
      id={id}
      name="assigneeId"
      defaultValue={defaultValue}
      aria-invalid={Boolean(describedBy)}
      aria-describedby={describedBy}
    >
      <NativeSelectOption value="">Unassigned</NativeSelectOption>
      {members.map((member) => (
        <NativeSelectOption key={member.userId} value={member.userId}>
          {member.name ?? member.userId}
        </NativeSelectOption>
      ))}
    </NativeSelect>
  );
}
