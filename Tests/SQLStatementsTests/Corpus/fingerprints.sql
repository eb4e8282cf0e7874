select id,total from orders o where customer_id=? and status in(?+) order by created_at desc limit ?
insert into orders (id, customer_id, total) values(?+)
select * from `orders` where id = ? for update
update orders set status=? where id=?
select * from products where title like ? limit ?
select * from t where a between ? and ? and b is ? and c <> ?
replace into customers (id, email) values(?+)
select c.name from shop.customers c join orders o on o.customer_id = c.id where c.id in(?+)
