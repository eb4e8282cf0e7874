SELECT r.id, r.name, r.capacity FROM rooms r WHERE r.hotel_id = 14 AND r.capacity >= 2
SELECT * FROM reservations WHERE room_id = 301 AND check_in < '2024-07-10' AND check_out > '2024-07-05'
INSERT INTO reservations (room_id, guest_id, check_in, check_out, status) VALUES (301, 5522, '2024-07-05', '2024-07-10', 'held')
UPDATE reservations SET status = 'confirmed', confirmed_at = NOW() WHERE id = 88001 AND status = 'held'
DELETE FROM reservations WHERE status = 'held' AND created_at < NOW() - INTERVAL 15 MINUTE
SELECT res.id, res.check_in, h.name FROM reservations res JOIN rooms r ON r.id = res.room_id JOIN hotels h ON h.id = r.hotel_id WHERE res.guest_id = 5522 ORDER BY res.check_in DESC
SELECT a.date, a.available FROM availability a WHERE a.room_type_id = 9 AND a.date BETWEEN '2024-07-05' AND '2024-07-09' FOR UPDATE
UPDATE availability SET available = available - 1 WHERE room_type_id = 9 AND date BETWEEN '2024-07-05' AND '2024-07-09' AND available > 0
SELECT * FROM guests WHERE email = 'li@example.org'
SELECT h.id, h.name, h.city FROM hotels h WHERE h.city = 'Lisbon' AND h.stars >= 4 ORDER BY h.rating DESC LIMIT 20
SELECT MIN(rate), MAX(rate) FROM room_rates WHERE room_type_id = 9 AND stay_date >= '2024-07-01' AND stay_date < '2024-08-01'
SELECT s.id, s.starts_at FROM slots s WHERE s.provider_id = 61 AND s.starts_at >= '2024-06-03 08:00' AND s.starts_at < '2024-06-04 00:00' AND s.booked = 0 ORDER BY s.starts_at
UPDATE slots SET booked = 1, booking_id = 7001 WHERE id = 4412 AND booked = 0
SELECT p.id, p.name FROM providers p WHERE p.specialty = 'dentist' AND p.city_id = 3 AND p.accepts_new = 1
INSERT INTO payments (reservation_id, amount, currency, provider_ref) VALUES (88001, 450.00, 'EUR', 'pi_3N')
SELECT * FROM payments WHERE provider_ref = 'pi_3N'
SELECT res.*, g.name FROM reservations res STRAIGHT_JOIN guests g ON g.id = res.guest_id WHERE res.id = 88001
SELECT COUNT(*) FROM reservations WHERE hotel_id = 14 AND check_in = CURDATE()
