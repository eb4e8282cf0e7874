CREATE TABLE t (id int);
INSERT INTO t VALUES (1, 'a;b'), (2, 'c\');
