/// Writes a large, realistic mysqldump-style schema: many tables with varied columns, keys,
/// foreign keys, checks and partitions, plus the header and per-table SET/DROP/LOCK lines.
/// Deterministic, with no dependencies, so the same file can be compiled into a timing tool.
enum LargeSchemaGenerator {
    /// The SQL text, and how many tables it defines.
    static func dump(tables: Int, columnsPerTable: ClosedRange<Int> = 40...120) -> String {
        var random = LinearCongruential(seed: 42)
        var sql = """
            -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
            --
            -- Host: localhost    Database: big
            -- ------------------------------------------------------
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            /*!50503 SET NAMES utf8mb4 */;
            /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

            """
        let types = [
            "int NOT NULL", "bigint unsigned DEFAULT NULL", "tinyint(1) NOT NULL DEFAULT '0'", "smallint DEFAULT '7'",
            "decimal(12,2) NOT NULL DEFAULT '0.00'", "double DEFAULT NULL", "varchar(255) NOT NULL DEFAULT ''",
            "varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL", "char(36) NOT NULL", "text",
            "mediumtext COMMENT 'long, long text; with a semicolon'", "json DEFAULT NULL", "datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)",
            "timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", "date DEFAULT NULL",
            "enum('draft','active','archived','it''s gone') NOT NULL DEFAULT 'draft'", "set('a','b','c') DEFAULT NULL",
            "varbinary(16) DEFAULT NULL", "blob", "bit(1) NOT NULL DEFAULT b'0'", "point /*!80003 SRID 4326 */ DEFAULT NULL",
            "int GENERATED ALWAYS AS ((`c1` + 1)) VIRTUAL",
        ]
        for table in 0..<tables {
            let name = "table_\(table)"
            let columnCount = Int(random.next(in: columnsPerTable))
            sql += """

                --
                -- Table structure for table `\(name)`
                --

                DROP TABLE IF EXISTS `\(name)`;
                /*!40101 SET @saved_cs_client     = @@character_set_client */;
                /*!50503 SET character_set_client = utf8mb4 */;
                CREATE TABLE `\(name)` (
                  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
                  `c1` int NOT NULL DEFAULT '0',

                """
            for column in 2..<columnCount {
                let type = types[Int(random.next(in: 0...UInt64(types.count - 1)))]
                sql += "  `c\(column)` \(type) COMMENT 'column \(column) of \(name)',\n"
            }
            if table > 0 { sql += "  `parent_id` bigint unsigned DEFAULT NULL,\n" }
            sql += "  PRIMARY KEY (`id`),\n  UNIQUE KEY `uq_\(name)_c1` (`c1`),\n  KEY `idx_\(name)_c1_id` (`c1`,`id` DESC)"
            if table > 0 {
                sql += ",\n  KEY `fk_\(name)_parent` (`parent_id`),\n"
                sql += "  CONSTRAINT `fk_\(name)_parent` FOREIGN KEY (`parent_id`) REFERENCES `table_\(table - 1)` (`id`) ON DELETE CASCADE"
            }
            sql += ",\n  CONSTRAINT `chk_\(name)` CHECK ((`c1` >= 0))\n"
            sql += ") ENGINE=InnoDB AUTO_INCREMENT=\(table * 7 + 1) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='table \(table)';\n"
            sql += "/*!40101 SET character_set_client = @saved_cs_client */;\n\n"
            sql += "LOCK TABLES `\(name)` WRITE;\n/*!40000 ALTER TABLE `\(name)` DISABLE KEYS */;\n"
            sql += "/*!40000 ALTER TABLE `\(name)` ENABLE KEYS */;\nUNLOCK TABLES;\n"
        }
        sql += "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n-- Dump completed\n"
        return sql
    }

    /// A tiny deterministic generator, so the text is the same on every platform.
    struct LinearCongruential {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + (state >> 33) % (range.upperBound - range.lowerBound + 1)
        }

        mutating func next(in range: ClosedRange<Int>) -> UInt64 {
            next(in: UInt64(range.lowerBound)...UInt64(range.upperBound))
        }
    }
}
