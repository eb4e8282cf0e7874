SELECT * FROM t WHERE name = 'it''s' AND note = 'say \'hi\'' -- trailing comment
SELECT id FROM `weird``name` WHERE `col``x` = 1
/*!40101 SELECT id FROM versioned WHERE a = 1 */
SELECT id FROM t /* a comment */ WHERE a = X'DEADBEEF' AND b = _utf8mb4'ü' # hash comment
select ID from T where A=1
SELECT id FROM t WHERE a = -5 AND b > -1.5e3 AND c = @threshold AND d = :name
SELECT id FROM t WHERE 42 = a AND 'x' < b
SELECT id FROM t WHERE (a, b) IN ((1, 2), (3, 4))
SELECT id FROM t WHERE a = 1 AND (b = 2 OR c = 3)
SELECT id FROM t WHERE a <=> NULL
SELECT id FROM t WHERE a IS NOT NULL AND b NOT BETWEEN 1 AND 5
SELECT id FROM t WHERE LOWER(email) = 'a@b.c'
SELECT id FROM t WHERE a = 1;
SELECT id FROM t WHERE a = (SELECT MAX(a) FROM t)
SELECT (SELECT COUNT(*) FROM u WHERE u.t_id = t.id) AS n FROM t
SELECT 1
DESCRIBE orders
EXPLAIN SELECT * FROM orders WHERE id = 1
CREATE TABLE x (id INT PRIMARY KEY)
ALTER TABLE orders ADD COLUMN note TEXT
DROP TABLE IF EXISTS tmp_orders
TRUNCATE orders
KILL 1234
FLUSH PRIVILEGES
ANALYZE TABLE orders
USE shop
SAVEPOINT sp1
PREPARE stmt FROM 'SELECT * FROM orders WHERE id = ?'
EXECUTE stmt USING @id
SELECT * FROM orders WHERE note = 'unterminated
this is not sql at all
SELECT a FROM t WHERE b = 1 ORDER BY a DESC LIMIT 18446744073709551615
(SELECT id FROM t WHERE a = 1)
SELECT id FROM t1 NATURAL JOIN t2 WHERE t1.a = 5
DELETE FROM t1, t2 USING t1 INNER JOIN t2 ON t1.id = t2.t1_id WHERE t1.expired = 1
UPDATE t SET a = (SELECT b FROM u LIMIT 1) WHERE id = 1
SELECT id FROM t FORCE INDEX (idx_a) WHERE a = 1
SELECT e.name, m.name FROM employees e LEFT JOIN employees m ON m.id = e.manager_id WHERE e.dept_id = 4
SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END AS label, b FROM t WHERE c = 1
SELECT id FROM t WHERE created_at > DATE_SUB(NOW(), INTERVAL 7 DAY)
SELECT id FROM t WHERE tags->>'$.color' = 'red'
SELECT id FROM t WHERE a = 1 GROUP BY id WITH ROLLUP
