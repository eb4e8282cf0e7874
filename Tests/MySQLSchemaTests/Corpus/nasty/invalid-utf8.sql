CREATE TABLE `café` (`naÿme` varchar(10) COMMENT 'Ã( bad');
-- latin1 comment: été
