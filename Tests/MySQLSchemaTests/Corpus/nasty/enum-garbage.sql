CREATE TABLE t (e enum(1, 2), s set(), x enum('a' 'b',));
