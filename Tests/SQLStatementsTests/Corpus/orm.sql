SELECT `auth_user`.`id`, `auth_user`.`password`, `auth_user`.`last_login`, `auth_user`.`username`, `auth_user`.`email` FROM `auth_user` WHERE `auth_user`.`username` = 'ana' LIMIT 21
SELECT `blog_entry`.`id`, `blog_entry`.`headline`, `blog_entry`.`pub_date` FROM `blog_entry` WHERE (`blog_entry`.`blog_id` = 3 AND `blog_entry`.`pub_date` >= '2024-01-01 00:00:00') ORDER BY `blog_entry`.`pub_date` DESC LIMIT 21
SELECT `blog_entry`.`id`, `blog_blog`.`name` FROM `blog_entry` INNER JOIN `blog_blog` ON (`blog_entry`.`blog_id` = `blog_blog`.`id`) WHERE `blog_blog`.`name` = 'Cheddar Talk' LIMIT 21
SELECT COUNT(*) AS `__count` FROM `blog_entry` WHERE `blog_entry`.`blog_id` = 3
SELECT (1) AS `a` FROM `django_session` WHERE `django_session`.`session_key` = 'x8f2' LIMIT 1
SELECT `django_session`.`session_key`, `django_session`.`session_data`, `django_session`.`expire_date` FROM `django_session` WHERE (`django_session`.`expire_date` > '2024-05-01 10:00:00.123456' AND `django_session`.`session_key` = 'x8f2') LIMIT 21
UPDATE `django_session` SET `session_data` = 'e30', `expire_date` = '2024-05-15 10:00:00' WHERE `django_session`.`session_key` = 'x8f2'
INSERT INTO `blog_entry` (`blog_id`, `headline`, `body_text`, `pub_date`) VALUES (3, 'Hi', 'Body', '2024-05-01 10:00:00')
DELETE FROM `blog_entry` WHERE `blog_entry`.`id` IN (17, 18)
SELECT `blog_entry`.`id` FROM `blog_entry` WHERE `blog_entry`.`headline` LIKE BINARY '%Lennon%' LIMIT 21
SELECT `blog_entry`.`id` FROM `blog_entry` WHERE `blog_entry`.`headline` LIKE 'Will%' ESCAPE '\\' LIMIT 21
SELECT `users`.* FROM `users` WHERE `users`.`id` = 1 LIMIT 1
SELECT `users`.* FROM `users` WHERE `users`.`email` = 'ana@example.com' LIMIT 1
SELECT `posts`.* FROM `posts` WHERE `posts`.`user_id` = 1 ORDER BY `posts`.`created_at` DESC LIMIT 10 OFFSET 20
SELECT COUNT(*) FROM `posts` WHERE `posts`.`user_id` = 1 AND `posts`.`published` = TRUE
SELECT `comments`.* FROM `comments` WHERE `comments`.`post_id` IN (4, 5, 6)
SELECT 1 AS one FROM `users` WHERE `users`.`email` = BINARY 'ana@example.com' LIMIT 1
INSERT INTO `users` (`email`, `created_at`, `updated_at`) VALUES ('ana@example.com', '2024-05-01 10:00:00.000000', '2024-05-01 10:00:00.000000')
UPDATE `users` SET `users`.`updated_at` = '2024-05-01 10:00:01' WHERE `users`.`id` = 1
DELETE FROM `sessions` WHERE `sessions`.`updated_at` < '2024-04-01 00:00:00'
SELECT `tags`.* FROM `tags` INNER JOIN `taggings` ON `tags`.`id` = `taggings`.`tag_id` WHERE `taggings`.`taggable_id` = 4 AND `taggings`.`taggable_type` = 'Post'
SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."org_id" = 5 ORDER BY "users"."name" ASC LIMIT 21
SELECT "orders"."id" FROM "orders" INNER JOIN "customers" ON "customers"."id" = "orders"."customer_id" WHERE "customers"."country" = 'PT'
SELECT `schema_migrations`.`version` FROM `schema_migrations` ORDER BY `schema_migrations`.`version` ASC
SELECT GET_LOCK('lock_name', 0)
SELECT @@SESSION.transaction_isolation
