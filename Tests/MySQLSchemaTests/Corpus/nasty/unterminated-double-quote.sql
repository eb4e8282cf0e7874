CREATE TABLE t (id int COMMENT "no end);
