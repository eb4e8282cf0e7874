SELECT id, name, plan FROM accounts WHERE id = 1207
SELECT u.id, u.email, u.role FROM users u WHERE u.account_id = 1207 AND u.deleted_at IS NULL ORDER BY u.email LIMIT 100
SELECT * FROM projects WHERE account_id = 1207 AND archived = 0 ORDER BY updated_at DESC LIMIT 25
SELECT t.id, t.title, t.status, t.assignee_id FROM tasks t WHERE t.account_id = 1207 AND t.project_id = 88 AND t.status IN ('open', 'in_progress') ORDER BY t.priority DESC, t.created_at ASC
UPDATE tasks SET status = 'done', completed_at = NOW() WHERE account_id = 1207 AND id = 4410
INSERT INTO audit_log (account_id, actor_id, action, subject_type, subject_id, created_at) VALUES (1207, 9, 'task.completed', 'task', 4410, NOW())
SELECT * FROM audit_log WHERE account_id = 1207 AND created_at BETWEEN '2024-05-01' AND '2024-05-31' ORDER BY created_at DESC LIMIT 200
SELECT COUNT(*) FROM users WHERE account_id = 1207 AND deleted_at IS NULL
SELECT s.id, s.expires_at FROM sessions s WHERE s.token_hash = 'c0ffee' AND s.expires_at > NOW()
DELETE FROM sessions WHERE expires_at < NOW()
SELECT a.id, a.name, sub.status FROM accounts a JOIN subscriptions sub ON sub.account_id = a.id WHERE sub.status = 'past_due' AND sub.current_period_end < NOW()
SELECT feature, enabled FROM feature_flags WHERE account_id = 1207 OR account_id IS NULL
INSERT INTO api_keys SET account_id = 1207, key_hash = 'ab12', created_at = NOW()
SELECT * FROM api_keys WHERE key_hash = 'ab12' AND revoked_at IS NULL LIMIT 1
UPDATE users SET password_hash = '$2y$10$abc', updated_at = NOW() WHERE id = 9 AND account_id = 1207
SELECT m.user_id, m.role FROM memberships m WHERE m.team_id = 31 AND m.role != 'guest'
SELECT invoices.id, invoices.amount_due FROM invoices WHERE invoices.account_id = 1207 AND invoices.status = 'open' ORDER BY invoices.due_date
SELECT t.project_id, COUNT(*) AS open_tasks FROM tasks t WHERE t.account_id = 1207 AND t.status <> 'done' GROUP BY t.project_id
SELECT * FROM webhooks WHERE account_id = 1207 AND JSON_CONTAINS(events, '"task.completed"')
SELECT id FROM tasks WHERE account_id = 1207 AND DATE(due_date) = CURDATE()
CALL refresh_account_usage(1207)
SELECT id, name FROM accounts WHERE name REGEXP '^acme'
SELECT u.* FROM users u WHERE u.email = 'ana@example.com' LOCK IN SHARE MODE
START TRANSACTION
COMMIT
ROLLBACK
SET autocommit = 0
SET NAMES utf8mb4
