import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { createTaskSchema } from "@/lib/validation/tasks";
import { changedFields } from "@/server/audit/changes";

describe("the project schemas shared by forms, actions and the API", () => {
  it("trim text and fill in what a create may leave out", () => {
    expect(createProjectSchema.parse({ name: "  Launch  " })).toEqual({
      name: "Launch",
      description: "",
      status: "active",
    });
  });

  it("name each invalid field with a message a person can act on", () => {
    const result = createProjectSchema.safeParse({
      name: "   ",
      description: "x".repeat(2001),
      status: "archived",
    });
    expect(result.success).toBe(false);
    const { fields } = fieldErrorsOf(result.error as never);
    expect(fields).toEqual({
      name: ["Name is required"],
      description: ["Description must be at most 2000 characters"],
      status: [expect.stringContaining("active")],
    });
  });

  it("refuse unknown fields instead of silently dropping them", () => {
    const result = createProjectSchema.safeParse({ name: "Typo", stauts: "on_hold" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error as never).formErrors[0]).toMatch(/stauts/);
  });

  it("refuse an update that changes nothing", () => {
    expect(updateProjectSchema.safeParse({}).success).toBe(false);
    expect(updateProjectSchema.parse({ status: "completed" })).toEqual({ status: "completed" });
  });

  it("accept Clerk user ids as assignees and refuse anything else", () => {
    expect(createTaskSchema.parse({ title: "Do", assigneeId: "user_2abcDEF" }).assigneeId).toBe(
      "user_2abcDEF",
    );
    expect(createTaskSchema.safeParse({ title: "Do", assigneeId: "org_123" }).success).toBe(false);
    expect(createTaskSchema.parse({ title: "Do" })).toEqual({ title: "Do", assigneeId: null, done: false });
  });
});

describe("audit change sets", () => {
  it("keep only the fields whose value really changed, with before and after", () => {
    const before = { name: "Launch", description: "", status: "active", createdAt: new Date() };
    expect(changedFields(before, { name: "Launch", description: "Soon", status: undefined })).toEqual({
      description: { from: "", to: "Soon" },
    });
  });
});
