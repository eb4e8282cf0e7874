select id,total from orders o where customer_id=42 and status in ('a','b') order by created_at desc limit 20
SELECT p.id, p.sku, p.title, p.price FROM products p WHERE p.category_id = 17 AND p.is_active = 1 ORDER BY p.price ASC LIMIT 24 OFFSET 48
SELECT * FROM carts WHERE session_token = 'f3a9c1d2e4' LIMIT 1
SELECT ci.product_id, ci.qty, p.price FROM cart_items ci INNER JOIN products p ON p.id = ci.product_id WHERE ci.cart_id = 991
INSERT INTO cart_items (cart_id, product_id, qty, added_at) VALUES (991, 12, 1, NOW()) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty)
UPDATE inventory SET reserved = reserved + 2 WHERE product_id = 12 AND warehouse_id = 3 AND available - reserved >= 2
SELECT available, reserved FROM inventory WHERE product_id = 12 AND warehouse_id = 3 FOR UPDATE
INSERT INTO orders (customer_id, status, total, currency, created_at) VALUES (42, 'pending', 129.90, 'EUR', '2024-05-01 10:22:03')
INSERT INTO order_items (order_id, product_id, qty, unit_price) VALUES (5001, 12, 1, 49.90), (5001, 77, 2, 40.00)
UPDATE orders SET status = 'paid', paid_at = NOW() WHERE id = 5001 AND status = 'pending'
SELECT o.id, o.total, o.created_at FROM orders o WHERE o.customer_id = 42 AND o.created_at >= '2024-01-01' ORDER BY o.created_at DESC LIMIT 10
SELECT COUNT(*) FROM orders WHERE status = 'pending' AND created_at < NOW() - INTERVAL 30 MINUTE
SELECT SUM(oi.qty * oi.unit_price) AS revenue FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.paid_at BETWEEN '2024-04-01' AND '2024-04-30'
SELECT id, title FROM products WHERE title LIKE '%wireless%' AND is_active = 1 LIMIT 50
SELECT id, sku FROM products WHERE sku LIKE 'SHOE-%' ORDER BY sku
SELECT * FROM coupons WHERE code = 'SPRING24' AND valid_from <= NOW() AND (valid_until IS NULL OR valid_until > NOW())
DELETE FROM carts WHERE updated_at < '2024-01-01' LIMIT 1000
SELECT c.email, COUNT(o.id) AS orders_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.email HAVING COUNT(o.id) > 5
SELECT p.id, p.title FROM products p WHERE p.id IN (SELECT product_id FROM order_items WHERE order_id = 5001)
SELECT id FROM products WHERE MATCH(title, description) AGAINST ('running shoes' IN NATURAL LANGUAGE MODE) LIMIT 20
REPLACE INTO product_views (customer_id, product_id, viewed_at) VALUES (42, 12, NOW())
SELECT * FROM addresses WHERE customer_id = 42 AND type <> 'billing'
UPDATE customers SET last_login_at = NOW(), login_count = login_count + 1 WHERE id = 42
SELECT AVG(rating), COUNT(*) FROM reviews WHERE product_id = 12 AND approved = 1
SELECT r.rating, r.body, c.name FROM reviews r JOIN customers c ON c.id = r.customer_id WHERE r.product_id = 12 ORDER BY r.created_at DESC LIMIT 10
SELECT DISTINCT category_id FROM products WHERE brand_id = 8
SELECT * FROM shipments WHERE tracking_number = '1Z999AA10123456784'
SELECT o.id FROM orders o WHERE o.customer_id = 42 AND NOT (o.status = 'cancelled')
