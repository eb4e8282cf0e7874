SELECT p.id, p.author_id, p.body, p.created_at FROM posts p JOIN follows f ON f.followee_id = p.author_id WHERE f.follower_id = 77 ORDER BY p.created_at DESC LIMIT 50
SELECT * FROM posts WHERE author_id = 77 AND created_at < '2024-05-02 00:00:00' ORDER BY created_at DESC LIMIT 20
INSERT INTO posts (author_id, body, visibility, created_at) VALUES (77, 'hello world', 'public', NOW())
INSERT IGNORE INTO follows (follower_id, followee_id, created_at) VALUES (77, 12, NOW())
DELETE FROM follows WHERE follower_id = 77 AND followee_id = 12
SELECT COUNT(*) FROM follows WHERE followee_id = 12
SELECT follower_id FROM follows WHERE followee_id = 12 ORDER BY created_at DESC LIMIT 100
INSERT INTO likes (post_id, user_id, created_at) VALUES (9001, 77, NOW()) ON DUPLICATE KEY UPDATE created_at = created_at
SELECT COUNT(*) AS likes FROM likes WHERE post_id = 9001
UPDATE posts SET like_count = like_count + 1 WHERE id = 9001
SELECT c.id, c.body, u.handle FROM comments c JOIN users u ON u.id = c.user_id WHERE c.post_id = 9001 ORDER BY c.created_at LIMIT 30
SELECT n.* FROM notifications n WHERE n.user_id = 77 AND n.read_at IS NULL ORDER BY n.id DESC LIMIT 20
UPDATE notifications SET read_at = NOW() WHERE user_id = 77 AND id <= 5530
SELECT id, handle, display_name FROM users WHERE handle = 'maria_s'
SELECT id, handle FROM users WHERE handle LIKE 'mar%' ORDER BY handle LIMIT 10
SELECT id, handle FROM users WHERE display_name LIKE '%silva%'
SELECT h.tag, COUNT(*) FROM post_hashtags h WHERE h.created_at > NOW() - INTERVAL 1 HOUR GROUP BY h.tag ORDER BY COUNT(*) DESC LIMIT 10
SELECT m.id, m.body FROM messages m WHERE m.conversation_id = 300 AND m.id > 88120 ORDER BY m.id LIMIT 50
SELECT cp.conversation_id FROM conversation_participants cp WHERE cp.user_id = 77
SELECT * FROM posts WHERE id IN (9001, 9002, 9010, 9044)
SELECT b.blocked_id FROM blocks b WHERE b.blocker_id = 77 UNION SELECT b2.blocker_id FROM blocks b2 WHERE b2.blocked_id = 77
SELECT p.id FROM posts p WHERE p.author_id = 77 AND NOT EXISTS (SELECT 1 FROM hidden_posts h WHERE h.post_id = p.id)
SELECT u.id FROM users u, follows f WHERE f.follower_id = u.id AND f.followee_id = 12 LIMIT 100
