-- Migration 001: loyalty tiers, coupons on orders, shipment tracking.

ALTER TABLE customers
  ADD COLUMN loyalty_tier ENUM('bronze','silver','gold') NOT NULL DEFAULT 'bronze' AFTER email,
  ADD COLUMN loyalty_points INT UNSIGNED NOT NULL DEFAULT 0;

ALTER TABLE orders ADD COLUMN coupon_id INT UNSIGNED NULL AFTER customer_id;

ALTER TABLE orders
  ADD CONSTRAINT fk_orders_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE shipments
  ADD COLUMN tracking_url VARCHAR(500) NULL AFTER tracking_number,
  ADD INDEX idx_shipments_tracking (carrier, tracking_number),
  ADD UNIQUE KEY uq_shipments_order_carrier (order_id, carrier);

ALTER TABLE exchange_rates ADD COLUMN provider_id TINYINT UNSIGNED NOT NULL DEFAULT 1 FIRST;

ALTER TABLE warehouses ADD CONSTRAINT uq_warehouses_name UNIQUE (tenant_id, name);
