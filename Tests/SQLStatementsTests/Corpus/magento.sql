SELECT `e`.*, `price_index`.`price`, `price_index`.`final_price` FROM `catalog_product_entity` AS `e` INNER JOIN `catalog_product_index_price` AS `price_index` ON price_index.entity_id = e.entity_id AND price_index.website_id = '1' AND price_index.customer_group_id = 0 WHERE (e.entity_id IN (2041, 2042, 2043))
SELECT `main_table`.* FROM `sales_order` AS `main_table` WHERE (`main_table`.`customer_id` = '77') ORDER BY created_at DESC LIMIT 20
SELECT `cpev`.`value` FROM `catalog_product_entity_varchar` AS `cpev` WHERE (cpev.attribute_id = '73') AND (cpev.store_id IN (0, 1)) AND (cpev.entity_id = '2041')
SELECT `main_table`.* FROM `quote` AS `main_table` WHERE (customer_id = '77') AND (is_active = '1') AND (store_id IN ('1')) ORDER BY `updated_at` DESC LIMIT 1
UPDATE `quote` SET `items_count` = '3', `items_qty` = '4.0000', `updated_at` = '2024-05-01 10:00:00' WHERE (entity_id = '5123')
INSERT INTO `quote_item` (`quote_id`, `product_id`, `sku`, `qty`, `price`) VALUES ('5123', '2041', 'MH01-XS-Black', '1.0000', '52.0000')
SELECT `stock`.`qty` FROM `cataloginventory_stock_item` AS `stock` WHERE (stock.product_id = '2041') AND (stock.website_id = 0) FOR UPDATE
SELECT `url_rewrite`.* FROM `url_rewrite` WHERE ((`url_rewrite`.`request_path` IN ('men/tops.html', 'men/tops.html/'))) AND ((`url_rewrite`.`store_id` IN ('1')))
SELECT `e`.`entity_id` FROM `catalog_category_entity` AS `e` LEFT JOIN `catalog_category_entity_int` AS `is_active` ON is_active.entity_id = e.entity_id AND is_active.attribute_id = '46' AND is_active.store_id = 0 WHERE (e.path LIKE '1/2/%')
SELECT `o`.`increment_id`, `o`.`grand_total` FROM `sales_order_grid` AS `o` WHERE (`o`.`created_at` >= '2024-04-01 00:00:00') AND (`o`.`created_at` <= '2024-04-30 23:59:59') ORDER BY `o`.`created_at` DESC LIMIT 200
DELETE FROM `catalog_product_index_price_tmp`
SELECT `cms_page`.* FROM `cms_page` INNER JOIN `cms_page_store` AS `store_table` ON cms_page.page_id = store_table.page_id WHERE (cms_page.identifier = 'home') AND (store_table.store_id IN (0, 1)) AND (cms_page.is_active = 1) ORDER BY store_table.store_id DESC LIMIT 1
INSERT INTO `search_query` (`query_text`, `store_id`, `num_results`, `popularity`) VALUES ('jacket', 1, 41, 1) ON DUPLICATE KEY UPDATE `popularity` = `popularity` + 1
