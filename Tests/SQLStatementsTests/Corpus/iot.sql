INSERT INTO readings (device_id, sensor, ts, value) VALUES (1001, 'temp', '2024-05-01 10:00:00', 21.4), (1001, 'hum', '2024-05-01 10:00:00', 40.2), (1002, 'temp', '2024-05-01 10:00:00', 19.8)
SELECT ts, value FROM readings WHERE device_id = 1001 AND sensor = 'temp' AND ts >= '2024-05-01' AND ts < '2024-05-02' ORDER BY ts
SELECT ts, value FROM readings WHERE device_id = 1001 AND sensor = 'temp' ORDER BY ts DESC LIMIT 1
SELECT device_id, MAX(ts) FROM readings WHERE ts > NOW() - INTERVAL 5 MINUTE GROUP BY device_id
SELECT AVG(value), MIN(value), MAX(value) FROM readings WHERE device_id = 1001 AND ts BETWEEN '2024-05-01 00:00:00' AND '2024-05-01 23:59:59'
DELETE FROM readings WHERE ts < '2024-02-01' LIMIT 10000
SELECT * FROM devices WHERE serial = 'SN-77812-X'
UPDATE devices SET last_seen_at = '2024-05-01 10:00:03', firmware = '2.4.1' WHERE id = 1001
SELECT d.id, d.name FROM devices d WHERE d.site_id = 12 AND d.status != 'retired'
SELECT a.id, a.level, a.message FROM alerts a WHERE a.site_id = 12 AND a.resolved_at IS NULL ORDER BY a.raised_at DESC
INSERT INTO alerts (device_id, site_id, level, message, raised_at) VALUES (1001, 12, 'warn', 'temperature above threshold', NOW())
SELECT d.id, r.value FROM devices d JOIN readings_latest r ON r.device_id = d.id WHERE d.site_id = 12
REPLACE INTO readings_latest (device_id, sensor, ts, value) VALUES (1001, 'temp', '2024-05-01 10:00:00', 21.4)
SELECT DATE(ts) AS day, AVG(value) FROM readings WHERE device_id = 1001 GROUP BY DATE(ts)
LOAD DATA LOCAL INFILE '/tmp/readings.csv' INTO TABLE readings FIELDS TERMINATED BY ','
SELECT * FROM readings WHERE device_id IN (1001, 1002, 1003) AND ts >= '2024-05-01 09:00'
