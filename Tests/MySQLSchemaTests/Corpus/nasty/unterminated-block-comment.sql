CREATE TABLE a (id int);
/* never closed
CREATE TABLE b (id int);
