*/ CREATE TABLE t (id int) */;
CREATE TABLE ok (id int);
