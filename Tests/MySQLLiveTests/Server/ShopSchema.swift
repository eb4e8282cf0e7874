/// A small shop's schema for the live schema read: five tables with foreign keys of every common
/// action, unique keys (one of two columns), plain and prefix indexes, a view, a trigger and a
/// procedure; `orders` gets 500 rows (the statistics check), `order_lines` 1,000.
enum ShopSchema {
    static let database = "shop"
    static let orderRows = 500

    static let sql = """
        CREATE TABLE customers (
          id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
          email VARCHAR(191) NOT NULL,
          name VARCHAR(100) NOT NULL,
          country CHAR(2) NOT NULL DEFAULT 'DE',
          created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
          PRIMARY KEY (id),
          UNIQUE KEY uq_customers_email (email),
          KEY idx_customers_name (name(20))
        ) ENGINE=InnoDB COMMENT='people who buy';
        CREATE TABLE products (
          sku VARCHAR(32) NOT NULL,
          title VARCHAR(200) NOT NULL,
          price DECIMAL(10,2) NOT NULL,
          status ENUM('active','retired') NOT NULL DEFAULT 'active',
          attributes JSON NULL,
          PRIMARY KEY (sku)
        ) ENGINE=InnoDB;
        CREATE TABLE orders (
          id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
          customer_id BIGINT UNSIGNED NOT NULL,
          placed_at DATETIME NOT NULL,
          status VARCHAR(20) NOT NULL,
          total DECIMAL(12,2) NOT NULL,
          note TEXT NULL,
          PRIMARY KEY (id),
          KEY idx_orders_customer_placed (customer_id, placed_at),
          CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
            ON DELETE RESTRICT ON UPDATE CASCADE
        ) ENGINE=InnoDB;
        CREATE TABLE order_lines (
          order_id BIGINT UNSIGNED NOT NULL,
          line_no SMALLINT UNSIGNED NOT NULL,
          sku VARCHAR(32) NULL,
          quantity INT NOT NULL,
          PRIMARY KEY (order_id, line_no),
          UNIQUE KEY uq_lines_order_sku (order_id, sku),
          CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
          CONSTRAINT fk_lines_product FOREIGN KEY (sku) REFERENCES products (sku) ON DELETE SET NULL ON UPDATE CASCADE
        ) ENGINE=InnoDB;
        CREATE TABLE addresses (
          customer_id BIGINT UNSIGNED NOT NULL,
          kind ENUM('billing','shipping') NOT NULL,
          line1 VARCHAR(200) NOT NULL,
          PRIMARY KEY (customer_id, kind),
          CONSTRAINT fk_addresses_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
        ) ENGINE=InnoDB;
        CREATE VIEW recent_orders AS SELECT id, customer_id, total FROM orders WHERE placed_at > '2024-01-01';
        CREATE TRIGGER orders_total_check BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = GREATEST(NEW.total, 0);
        CREATE PROCEDURE orders_of(IN who BIGINT UNSIGNED) SELECT * FROM orders WHERE customer_id = who;
        INSERT INTO customers (email, name)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 50)
          SELECT CONCAT('c', i, '@example.com'), CONCAT('Customer ', i) FROM n;
        INSERT INTO products (sku, title, price)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 20)
          SELECT CONCAT('SKU-', i), CONCAT('Product ', i), i * 3.5 FROM n;
        INSERT INTO orders (customer_id, placed_at, status, total)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < \(orderRows))
          SELECT i % 50 + 1, '2024-03-01' + INTERVAL i HOUR, 'placed', i * 2.25 FROM n;
        INSERT INTO order_lines (order_id, line_no, sku, quantity)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
          SELECT (i + 1) DIV 2, i % 2 + 1, CONCAT('SKU-', i % 20 + 1), i % 5 + 1 FROM n;
        ANALYZE TABLE customers, products, orders, order_lines, addresses;
        """
}
