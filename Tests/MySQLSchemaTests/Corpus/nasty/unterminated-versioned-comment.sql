/*!40101 SET NAMES utf8 ;
CREATE TABLE a (id int);
