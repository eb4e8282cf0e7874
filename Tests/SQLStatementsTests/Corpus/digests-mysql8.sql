SELECT `o` . `id` , `o` . `total` FROM `orders` AS `o` WHERE `o` . `customer_id` = ? ORDER BY `o` . `created_at` DESC LIMIT ?
SELECT `id` , `total` FROM `orders` `o` WHERE `customer_id` = ? AND `status` IN (...) ORDER BY `created_at` DESC LIMIT ?
SELECT * FROM `orders` WHERE `created_at` >= ? AND `created_at` < ? LIMIT ?, ?
INSERT INTO `orders` ( `id` , `customer_id` , `total` ) VALUES (...) /* , ... */
INSERT INTO `orders` ( `id` , `customer_id` , `total` ) VALUES (...) AS `new` ON DUPLICATE KEY UPDATE `total` = `new` . `total`
SELECT @@`version_comment` LIMIT ?
SELECT * FROM `customers` WHERE `email` = _utf8mb4 ? AND `status` = ?
SELECT * FROM `orders` WHERE `id` = ? FOR SHARE
SELECT * FROM `orders` WHERE `id` = ? FOR UPDATE SKIP LOCKED
SELECT `c` . `name` , `o` . `total` FROM `customers` `c` JOIN `orders` `o` USING ( `id` ) WHERE `c` . `id` = ?
SELECT * FROM `orders` WHERE `customer_id` = ? AND `status` = ? AND `created_at` > ? AND `total` > ? AND `tenant_id` = ? AND ...
SET NAMES `utf8mb4`
SHOW WARNINGS
TABLE `orders`
