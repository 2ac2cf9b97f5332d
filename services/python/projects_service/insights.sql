-- A project's task insights, for the app's "insights" card: tasks by assignee (open / done) and
-- tasks created per week (weeks start on Monday, UTC). Runs inside the tenant transaction.
-- $1 organization uuid, $2 project uuid. No row when the project is not the organization's.
SELECT json_build_object(
  'projectId', p.id,
  'byAssignee', coalesce((
    SELECT json_agg(json_build_object('assignee', a.assignee, 'open', a.open, 'done', a.done)
                    ORDER BY a.assignee IS NULL, a.open DESC, a.sort_name)
    FROM (
      SELECT CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object(
               'userId', u.clerk_id,
               -- A name only for someone who is or was a member of this organization.
               'name', CASE WHEN EXISTS (
                   SELECT 1 FROM memberships m
                   WHERE m.user_id = u.id AND m.organization_id = p.organization_id)
                 THEN coalesce(
                   nullif(concat_ws(' ', nullif(u.first_name, ''), nullif(u.last_name, '')), ''),
                   nullif(u.email, '')) END) END AS assignee,
             count(*) FILTER (WHERE NOT t.done) AS open,
             count(*) FILTER (WHERE t.done) AS done,
             min(coalesce(u.first_name, u.email, u.clerk_id)) AS sort_name
      FROM tasks t
      LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.organization_id = p.organization_id AND t.project_id = p.id
      GROUP BY u.id
    ) a), '[]'::json),
  'createdByWeek', coalesce((
    SELECT json_agg(json_build_object('week', w.week, 'created', w.created) ORDER BY w.week)
    FROM (
      SELECT to_char(date_trunc('week', t.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*) AS created
      FROM tasks t
      WHERE t.organization_id = p.organization_id AND t.project_id = p.id
      GROUP BY 1
    ) w), '[]'::json)
)::text AS insights
FROM projects p
WHERE p.organization_id = $1::uuid AND p.id = $2::uuid
