-- Projects as the REST API shows them (the JSON of lib/validation/projects.ts `projectSchema`),
-- built here once so the Python, Go and Bun services answer the same shape to the byte.
-- Runs after enter-organization.sql, inside the same transaction; the explicit organization filter
-- and row-level security each hold on their own.
-- $1 organization uuid, $2 one project id or NULL, $3 name filter or NULL,
-- $4 cursor (list only the ids before it) or NULL, $5 how many rows.
SELECT p.id::text AS id,
       json_build_object(
         'id', p.id,
         'name', p.name,
         'description', p.description,
         'status', p.status,
         'createdBy', json_build_object(
           'userId', p.created_by,
           -- "First Last", else the e-mail, else null: server/data/people.ts `toPerson` — and only for
           -- someone who is or was a member of this organization (`peopleOfOrganization`).
           'name', CASE WHEN member.is_member THEN coalesce(
             nullif(concat_ws(' ', nullif(u.first_name, ''), nullif(u.last_name, '')), ''),
             nullif(u.email, '')) END),
         'taskCount', counts.total,
         'openTaskCount', counts.open,
         'createdAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
       )::text AS project
FROM projects p
LEFT JOIN users u ON u.clerk_id = p.created_by
CROSS JOIN LATERAL (
  SELECT EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organization_id = p.organization_id
  ) AS is_member
) member
CROSS JOIN LATERAL (
  SELECT count(*) AS total, count(*) FILTER (WHERE NOT t.done) AS open
  FROM tasks t
  WHERE t.organization_id = p.organization_id AND t.project_id = p.id
) counts
WHERE p.organization_id = $1::uuid
  AND ($2::uuid IS NULL OR p.id = $2::uuid)
  AND ($3::text IS NULL OR p.name ILIKE '%' || $3::text || '%')
  AND ($4::uuid IS NULL OR p.id < $4::uuid)
ORDER BY p.id DESC
LIMIT $5::int
