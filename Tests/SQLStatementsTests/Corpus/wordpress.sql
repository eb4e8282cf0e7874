SELECT option_name, option_value FROM wp_options WHERE autoload = 'yes'
SELECT option_value FROM wp_options WHERE option_name = 'siteurl' LIMIT 1
SELECT wp_posts.* FROM wp_posts WHERE 1=1 AND wp_posts.post_type = 'post' AND ((wp_posts.post_status = 'publish')) ORDER BY wp_posts.post_date DESC LIMIT 0, 10
SELECT SQL_CALC_FOUND_ROWS wp_posts.ID FROM wp_posts WHERE 1=1 AND wp_posts.post_type = 'post' AND (wp_posts.post_status = 'publish') ORDER BY wp_posts.post_date DESC LIMIT 0, 10
SELECT FOUND_ROWS()
SELECT post_id, meta_key, meta_value FROM wp_postmeta WHERE post_id IN (101,102,103) ORDER BY meta_id ASC
SELECT wp_posts.ID FROM wp_posts INNER JOIN wp_postmeta ON ( wp_posts.ID = wp_postmeta.post_id ) WHERE 1=1 AND ( ( wp_postmeta.meta_key = '_price' AND CAST(wp_postmeta.meta_value AS SIGNED) > '10' ) ) AND wp_posts.post_type = 'product' AND (wp_posts.post_status = 'publish') GROUP BY wp_posts.ID ORDER BY wp_posts.post_date DESC LIMIT 0, 12
SELECT t.*, tt.* FROM wp_terms AS t INNER JOIN wp_term_taxonomy AS tt ON t.term_id = tt.term_id INNER JOIN wp_term_relationships AS tr ON tr.term_taxonomy_id = tt.term_taxonomy_id WHERE tt.taxonomy IN ('category', 'post_tag') AND tr.object_id IN (101) ORDER BY t.name ASC
SELECT user_id, meta_key, meta_value FROM wp_usermeta WHERE user_id IN (1)
SELECT * FROM wp_users WHERE user_login = 'admin' LIMIT 1
UPDATE `wp_options` SET `option_value` = '1714557600' WHERE `option_name` = '_transient_timeout_feed'
INSERT INTO `wp_postmeta` (`post_id`, `meta_key`, `meta_value`) VALUES (101, '_edit_lock', '1714557600:1')
DELETE FROM wp_options WHERE option_name LIKE '\_transient\_%' AND option_name NOT LIKE '\_transient\_timeout\_%'
SELECT comment_ID FROM wp_comments WHERE comment_post_ID = 101 AND comment_approved = '1' ORDER BY comment_date_gmt ASC
SELECT COUNT(*) FROM wp_comments WHERE comment_approved = '0'
SELECT * FROM wp_posts WHERE (post_title LIKE '%migration%' OR post_content LIKE '%migration%') AND post_status = 'publish'
INSERT INTO `wp_options` (`option_name`, `option_value`, `autoload`) VALUES ('cron', 'a:0:{}', 'yes') ON DUPLICATE KEY UPDATE `option_name` = VALUES(`option_name`), `option_value` = VALUES(`option_value`), `autoload` = VALUES(`autoload`)
SELECT /*+ MAX_EXECUTION_TIME(1000) */ ID FROM wp_posts WHERE post_name = 'hello-world' AND post_type = 'post'
SHOW FULL COLUMNS FROM `wp_posts`
