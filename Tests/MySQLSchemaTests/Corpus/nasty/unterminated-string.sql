CREATE TABLE a (id int);
CREATE TABLE t (id int DEFAULT 'oops);
CREATE TABLE u (id int);
