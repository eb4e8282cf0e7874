-- Migration 002: catalogue clean-up and renames. Depends on 001 (tracking_url).

ALTER TABLE products DROP COLUMN legacy_sku;

ALTER TABLE products MODIFY COLUMN title VARCHAR(300) NOT NULL COMMENT 'Customer-facing name';

-- Renames a column that an index uses: the index follows the new name.
ALTER TABLE customers CHANGE COLUMN phone phone_e164 VARCHAR(20) NULL COMMENT 'E.164 format';

ALTER TABLE payments CHANGE fx_rate exchange_rate DECIMAL(18,8) NULL AFTER amount;

ALTER TABLE addresses MODIFY line2 VARCHAR(200) NOT NULL DEFAULT '';

ALTER TABLE shipments MODIFY tracking_url VARCHAR(1000) NULL;

ALTER TABLE order_items
  ADD COLUMN returned_qty INT UNSIGNED NOT NULL DEFAULT 0 AFTER quantity,
  ADD INDEX idx_items_returned (returned_qty);

ALTER TABLE product_reviews ADD CONSTRAINT chk_reviews_headline CHECK (CHAR_LENGTH(headline) >= 3);
