CREATE TABLE teams (
  id INT PRIMARY KEY,
  name VARCHAR(50) NOT NULL
);
CREATE TABLE users (
  id CHAR(36) PRIMARY KEY,
  email VARCHAR(100) NOT NULL UNIQUE,
  team_id INT REFERENCES teams (id),
  password_hash VARCHAR(100) NOT NULL
);
CREATE TABLE orders (
  user_id CHAR(36) NOT NULL,
  order_id CHAR(36) NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (user_id, order_id)
);
CREATE TABLE audit_log (
  id INT PRIMARY KEY,
  note TEXT
);
