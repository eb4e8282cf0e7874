-- Test schema for MySQLServerTests: a multi-tenant shop (tenants, catalogue, stock, orders).
-- Written for this project to exercise every construct the MySQLSchema parser reads; it is
-- loaded into a real MariaDB server (10.11) and the parser's view is compared with the
-- server's information_schema. Migrations in migrations/ are applied after it, in order.
--
-- Notes on purpose-built oddities:
--   * ENUM values may contain commas; SET members may not (the server rejects them), so the
--     SET columns carry escaped quotes instead.
--   * Some foreign keys and unique keys are left unnamed so the server names them.
--   * A trigger, a view and a stored function sit at the end: the parser must skip them.

SET NAMES utf8mb4;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION' */;

CREATE TABLE tenants (
  id INT(10) UNSIGNED NOT NULL AUTO_INCREMENT,
  slug VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  display_name VARCHAR(200) NOT NULL COMMENT 'Shown in the admin header',
  plan ENUM('free','team','enterprise') NOT NULL DEFAULT 'free',
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_tenants_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='One row per paying organisation';

CREATE TABLE `users` (
  `id` BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `tenant_id` INT UNSIGNED NOT NULL,
  `email` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  `password_hash` BINARY(60) NOT NULL,
  `roles` SET('owner','admin','billing','support') NOT NULL DEFAULT 'support',
  `last_login_at` DATETIME(3) NULL DEFAULT NULL,
  `login_count` MEDIUMINT(8) UNSIGNED NOT NULL DEFAULT 0,
  `mfa_enabled` BIT(1) NOT NULL DEFAULT b'0',
  UNIQUE KEY `uq_users_tenant_email` (`tenant_id`, `email`),
  CONSTRAINT `fk_users_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`)
    ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

/* Categories form a tree: parent_id points back into the same table. */
CREATE TABLE categories (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  parent_id INT UNSIGNED NULL,
  name VARCHAR(120) NOT NULL,
  path VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'Slash-separated ancestor ids',
  sort_order SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY idx_categories_parent (parent_id),
  KEY idx_categories_path (path(191)),
  CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL,
  CONSTRAINT fk_categories_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE=InnoDB;

CREATE TABLE products (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  category_id INT UNSIGNED DEFAULT NULL,
  sku VARCHAR(64) NOT NULL,
  legacy_sku CHAR(12) NULL COMMENT 'Dropped by migration 002',
  title VARCHAR(255) NOT NULL,
  summary TINYTEXT,
  description MEDIUMTEXT,
  list_price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  cost_price DECIMAL(12,4) UNSIGNED NULL,
  weight_grams FLOAT NULL,
  rating_avg DOUBLE NOT NULL DEFAULT 0,
  status ENUM('draft','active','archived') NOT NULL DEFAULT 'draft',
  attributes JSON NULL,
  title_lower VARCHAR(255) AS (LOWER(title)) VIRTUAL,
  price_with_tax DECIMAL(12,2) AS (list_price * 1.2) STORED,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_products_tenant_sku (tenant_id, sku),
  KEY idx_products_category (category_id),
  KEY idx_products_title (title(50)),
  FULLTEXT KEY ft_products_text (title, description),
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id)
    ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT fk_products_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
  CONSTRAINT chk_products_price CHECK (list_price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalogue entries; variants hold the stock';

CREATE TABLE product_variants (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id INT UNSIGNED NOT NULL,
  variant_code VARCHAR(32) NOT NULL,
  color CHAR(7) CHARACTER SET ascii NULL COMMENT 'Hex colour, e.g. #1a2b3c',
  size ENUM('XS','S','M','L','XL','one size, fits all') NULL,
  barcode BIGINT(13) UNSIGNED ZEROFILL NULL,
  stock_policy SET('backorder','preorder','drop-ship') NOT NULL DEFAULT '',
  thumbnail BLOB NULL,
  UNIQUE (variant_code),
  CONSTRAINT fk_variants_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE warehouses (
  id SMALLINT(5) UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  code CHAR(4) NOT NULL,
  name VARCHAR(100) NOT NULL,
  location POINT NOT NULL COMMENT 'WGS84 longitude/latitude',
  timezone VARCHAR(64) NOT NULL DEFAULT 'UTC',
  opens_at TIME NOT NULL DEFAULT '08:00:00',
  closes_at TIME(0) NOT NULL DEFAULT '18:00:00',
  PRIMARY KEY (id),
  UNIQUE KEY uq_warehouses_code (tenant_id, code),
  SPATIAL INDEX sp_warehouses_location (location),
  CONSTRAINT fk_warehouses_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE=InnoDB;

-- Stock per warehouse and variant: a composite primary key that another table references.
CREATE TABLE inventory_levels (
  warehouse_id SMALLINT UNSIGNED NOT NULL,
  variant_id INT UNSIGNED NOT NULL,
  on_hand INT NOT NULL DEFAULT 0,
  reserved INT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  available INT AS (on_hand - reserved) VIRTUAL,
  reorder_point INT(11) UNSIGNED DEFAULT 10,
  counted_at DATETIME(6) NULL,
  PRIMARY KEY (warehouse_id, variant_id),
  KEY idx_inventory_variant (variant_id),
  CONSTRAINT fk_inventory_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE CASCADE,
  CONSTRAINT fk_inventory_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE inventory_movements (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  warehouse_id SMALLINT UNSIGNED NOT NULL,
  variant_id INT UNSIGNED NOT NULL,
  delta INT NOT NULL,
  reason ENUM('receipt','sale','return','adjustment','transfer') NOT NULL,
  note VARCHAR(255) NULL,
  moved_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_movements_level (warehouse_id, variant_id, moved_at DESC),
  CONSTRAINT fk_movements_level FOREIGN KEY (warehouse_id, variant_id)
    REFERENCES inventory_levels (warehouse_id, variant_id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT chk_movements_delta CHECK (delta <> 0)
) ENGINE=InnoDB;

CREATE TABLE customers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  public_id CHAR(36) NOT NULL DEFAULT (UUID()),
  email VARCHAR(255) NOT NULL,
  phone VARCHAR(32) NULL,
  full_name VARCHAR(200) NOT NULL,
  birth_year YEAR NULL,
  marketing_opt_in TINYINT(1) NOT NULL DEFAULT 0,
  locale CHAR(5) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'en_GB',
  notes TEXT NULL,
  created_on DATE NOT NULL DEFAULT (CURRENT_DATE),
  PRIMARY KEY (id),
  UNIQUE KEY uq_customers_public_id (public_id),
  UNIQUE KEY uq_customers_tenant_email (tenant_id, email),
  KEY idx_customers_phone (phone),
  CONSTRAINT fk_customers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE addresses (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  kind ENUM('billing','shipping') NOT NULL DEFAULT 'shipping',
  line1 VARCHAR(200) NOT NULL,
  line2 VARCHAR(200) NULL,
  city VARCHAR(100) NOT NULL,
  postcode VARCHAR(16) NOT NULL,
  country_code CHAR(2) CHARACTER SET ascii NOT NULL,
  is_default BOOLEAN NOT NULL DEFAULT FALSE,
  KEY idx_addresses_customer (customer_id, kind),
  CONSTRAINT fk_addresses_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE coupons (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  discount_type ENUM('percent','fixed','free shipping, any order') NOT NULL,
  discount_value DECIMAL(8,2) NOT NULL,
  max_redemptions INT UNSIGNED NULL,
  valid_from DATETIME NOT NULL,
  valid_until DATETIME NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_coupons_code UNIQUE (tenant_id, code),
  CONSTRAINT fk_coupons_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE,
  CONSTRAINT chk_coupons_window CHECK (valid_until IS NULL OR valid_until > valid_from)
) ENGINE=InnoDB;

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  customer_id INT UNSIGNED NOT NULL,
  order_number VARCHAR(20) NOT NULL,
  status ENUM('pending','paid, awaiting stock','shipped','it''s complicated','on hold (\'manual\')','cancelled')
    NOT NULL DEFAULT 'pending' COMMENT 'Workflow state; see the order lifecycle notes',
  currency CHAR(3) CHARACTER SET ascii NOT NULL DEFAULT 'EUR',
  subtotal DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  tax DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  total DECIMAL(12,2) AS (subtotal + tax) STORED,
  placed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  shipping_address_id INT UNSIGNED NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_orders_number (tenant_id, order_number),
  KEY idx_orders_customer_placed (customer_id, placed_at DESC),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
    ON DELETE RESTRICT ON UPDATE CASCADE,
  FOREIGN KEY (shipping_address_id) REFERENCES addresses (id) ON DELETE SET NULL,
  CONSTRAINT fk_orders_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Customer orders, one row per checkout';

-- Order lines: composite primary key (order, line number).
CREATE TABLE order_items (
  order_id BIGINT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  variant_id INT UNSIGNED NULL,
  description VARCHAR(255) NOT NULL,
  quantity INT UNSIGNED NOT NULL DEFAULT 1,
  unit_price DECIMAL(10,2) NOT NULL,
  discount_pct DECIMAL(5,2) NOT NULL DEFAULT 0.00,
  line_total DECIMAL(12,2) GENERATED ALWAYS AS (quantity * unit_price * (1 - discount_pct / 100)) VIRTUAL,
  gift_options SET('gift-wrap','message card','say "thanks"','don''t show prices','it\'s a surprise')
    NOT NULL DEFAULT '',
  PRIMARY KEY (order_id, line_no),
  KEY idx_items_variant (variant_id),
  CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT fk_items_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE SET NULL ON UPDATE RESTRICT,
  CONSTRAINT chk_items_quantity CHECK (quantity > 0)
) ENGINE=InnoDB;

CREATE TABLE payments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  provider ENUM('stripe','adyen','paypal','bank transfer') NOT NULL,
  provider_ref VARBINARY(64) NOT NULL,
  amount DECIMAL(12,2) NOT NULL,
  fx_rate DOUBLE(12,6) NULL,
  captured BIT(1) NOT NULL DEFAULT b'0',
  flags BIT(8) NOT NULL DEFAULT b'00000000',
  raw_response LONGBLOB NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_payments_provider_ref (provider, provider_ref),
  CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB;

CREATE TABLE shipments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  order_id BIGINT UNSIGNED NOT NULL,
  warehouse_id SMALLINT UNSIGNED NOT NULL,
  carrier VARCHAR(40) NOT NULL,
  tracking_number VARCHAR(64) NULL,
  label_pdf MEDIUMBLOB NULL,
  customs_docs TINYBLOB NULL,
  shipped_at DATETIME NULL,
  delivered_at DATETIME NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_shipments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT fk_shipments_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id)
) ENGINE=InnoDB;

CREATE TABLE product_reviews (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  product_id INT UNSIGNED NOT NULL,
  customer_id INT UNSIGNED NULL,
  stars TINYINT(3) UNSIGNED NOT NULL,
  headline VARCHAR(150) NOT NULL,
  body TEXT NOT NULL,
  moderation_note LONGTEXT NULL,
  helpful_votes MEDIUMINT UNSIGNED NOT NULL DEFAULT 0,
  posted_at DATETIME NOT NULL DEFAULT NOW(),
  PRIMARY KEY (id),
  UNIQUE KEY uq_reviews_once (product_id, customer_id),
  FULLTEXT INDEX ft_reviews_text (headline, body),
  CONSTRAINT fk_reviews_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT fk_reviews_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL,
  CONSTRAINT chk_reviews_stars CHECK (stars BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE tags (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  label VARCHAR(50) NOT NULL,
  UNIQUE INDEX uq_tags_label (tenant_id, label),
  FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE product_tags (
  product_id INT UNSIGNED NOT NULL,
  tag_id INT UNSIGNED NOT NULL,
  tagged_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (product_id, tag_id),
  KEY idx_product_tags_tag (tag_id),
  CONSTRAINT fk_product_tags_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT fk_product_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Append-only audit trail: deliberately no foreign keys.
CREATE TABLE audit_events (
  id BIGINT(20) UNSIGNED ZEROFILL NOT NULL AUTO_INCREMENT,
  tenant_id INT(11) UNSIGNED NOT NULL,
  actor_user_id BIGINT UNSIGNED NULL,
  action VARCHAR(64) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(64) NOT NULL,
  payload JSON NOT NULL,
  ip_address VARBINARY(16) NULL COMMENT 'IPv4 or IPv6, packed',
  severity TINYINT NOT NULL DEFAULT 0,
  occurred_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_audit_entity (entity_type, entity_id),
  KEY idx_audit_tenant_time (tenant_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Append-only; no foreign keys on purpose';

-- No table options at all: the server's defaults apply.
CREATE TABLE exchange_rates (
  base_currency CHAR(3) NOT NULL,
  quote_currency CHAR(3) NOT NULL,
  rate_date DATE NOT NULL,
  rate DOUBLE NOT NULL,
  spread FLOAT(7,4) NULL,
  source VARCHAR(40) NOT NULL DEFAULT 'ecb',
  PRIMARY KEY (base_currency, quote_currency, rate_date)
);

-- Not tables: the parser must skip these (and name them in what it skipped).
DELIMITER //
CREATE TRIGGER trg_orders_bump_version BEFORE UPDATE ON orders
FOR EACH ROW
BEGIN
  IF NEW.status <> OLD.status THEN
    SET NEW.version = OLD.version + 1;
  END IF;
END//

CREATE FUNCTION fn_order_units(p_order_id BIGINT UNSIGNED) RETURNS INT UNSIGNED
READS SQL DATA
BEGIN
  DECLARE units INT UNSIGNED;
  SELECT COALESCE(SUM(quantity), 0) INTO units FROM order_items WHERE order_id = p_order_id;
  RETURN units;
END//
DELIMITER ;

CREATE VIEW v_order_totals AS
  SELECT o.tenant_id, o.id AS order_id, COUNT(i.line_no) AS line_count, SUM(i.quantity) AS units
  FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
  GROUP BY o.tenant_id, o.id;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
