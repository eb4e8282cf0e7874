SELECT `o` . `id` , `o` . `total` FROM `orders` AS `o` WHERE `o` . `customer_id` = ? ORDER BY `o` . `created_at` DESC LIMIT ?
SELECT ID , `total` FROM `orders` `o` WHERE `customer_id` = ? AND STATUS IN (...) ORDER BY `created_at` DESC LIMIT ?
SELECT * FROM `customers` WHERE `email` = ?
SELECT * FROM `customers` WHERE ID IN (...)
SELECT * FROM `orders` WHERE `customer_id` = ? AND `created_at` BETWEEN ? AND ?
SELECT * FROM `orders` WHERE `created_at` >= ? AND `created_at` < ? LIMIT ?, ...
SELECT COUNT ( * ) FROM `orders` WHERE `customer_id` = ?
SELECT STATUS , COUNT ( * ) , SUM ( `total` ) FROM `orders` WHERE `tenant_id` = ? GROUP BY STATUS
SELECT `c` . `name` , `o` . `total` FROM `customers` `c` JOIN `orders` `o` ON `o` . `customer_id` = `c` . `id` WHERE `c` . `id` = ?
SELECT `c` . `name` , `o` . `total` FROM `customers` `c` , `orders` `o` WHERE `o` . `customer_id` = `c` . `id` AND `c` . `email` = ?
SELECT `p` . `title` FROM `order_items` `oi` LEFT JOIN `products` `p` ON `p` . `id` = `oi` . `product_id` WHERE `oi` . `order_id` = ?
SELECT * FROM `products` WHERE `title` LIKE ?
SELECT * FROM `products` WHERE `sku` LIKE ?
SELECT * FROM `products` WHERE MATCH ( `title` , BODY ) AGAINST ( ? IN BOOLEAN MODE )
SELECT * FROM `orders` WHERE ID = ? FOR UPDATE
SELECT * FROM `orders` WHERE ID = ? LOCK IN SHARE MODE
SELECT * FROM `orders` WHERE `customer_id` = ? OR STATUS = ?
SELECT * FROM `orders` WHERE STATUS != ? AND `customer_id` = ?
SELECT * FROM `orders` WHERE STATUS NOT IN (...)
SELECT * FROM `orders` WHERE DATE ( `created_at` ) = ?
SELECT * FROM `orders` WHERE `customer_id` IS NULL
SELECT * FROM `orders` WHERE `customer_id` IN ( SELECT ID FROM `customers` WHERE `tenant_id` = ? )
SELECT * FROM `orders` LIMIT ? OFFSET ?
SELECT ?, ...
SELECT @@`version`
INSERT INTO `orders` ( ID , `customer_id` , `total` ) VALUES (...)
INSERT INTO `orders` ( ID , `customer_id` , `total` ) VALUES (...) /* , ... */
INSERT INTO `orders` ( ID , `customer_id` , `total` ) VALUES (...) ON DUPLICATE KEY UPDATE `total` = VALUES ( `total` )
REPLACE INTO `customers` ( ID , `email` ) VALUES (...)
UPDATE `orders` SET STATUS = ? , `total` = `total` + ? WHERE ID = ?
UPDATE `orders` `o` JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` SET `o` . `status` = ? WHERE `c` . `tenant_id` = ?
DELETE FROM `orders` WHERE `created_at` < ? LIMIT ?
DELETE `o` FROM `orders` `o` JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` WHERE `c` . `status` = ?
INSERT INTO `order_items` ( `order_id` , `product_id` , `qty` ) SELECT ID , ?, ... FROM `orders` WHERE ID = ?
SELECT * FROM `customers` WHERE `email` = (_charset) ? AND NAME = (unknown)
SELECT * FROM `orders` WHERE `total` > - ? AND ID = @?
SELECT * FROM `orders` WHERE `customer_id` <=> ? AND ? = ID
SELECT ID FROM `orders` WHERE STATUS RLIKE ?
SELECT COUNT ( DISTINCTROW `customer_id` ) FROM `orders`
SELECT ID FROM `orders` `o` WHERE EXISTS ( SELECT ? FROM `customers` `c` WHERE `c` . `id` = `o` . `customer_id` )
SELECT ID FROM `orders` UNION SELECT ID FROM `customers`
WITH `x` AS ( SELECT ID FROM `orders` ) SELECT * FROM `x`
SELECT * FROM ( SELECT ID FROM `orders` ) AS `t`
SELECT `o` . `id` FROM `shop` . `orders` `o` WHERE `o` . `id` = ?
SELECT * FROM `orders` WHERE ID IN (?)
SELECT * FROM `orders` WHERE ID IN (...)
SELECT * FROM `orders` `o` STRAIGHT_JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` WHERE `o` . `id` = ?
SELECT NOW ( )
UPDATE `customers` SET NAME = ? WHERE ID = ? AND `tenant_id` = ?
DELETE FROM `customers` WHERE ID = ?
BEGIN
COMMIT
SHOW TABLES
SET @? = ?
SELECT * FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at` DESC , ID LIMIT ?
SELECT `o` . * FROM `orders` `o` RIGHT JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` AND `c` . `tenant_id` = `o` . `tenant_id` WHERE `c` . `id` = ?
SELECT * FROM `orders` WHERE ID IN (...) AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND `customer_id` = ? AND
