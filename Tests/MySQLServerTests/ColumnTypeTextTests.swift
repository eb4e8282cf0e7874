import Testing

/// The type normalization both sides go through: only spellings the server treats as identical
/// may become equal.
@Suite struct ColumnTypeTextTests {
    @Test(arguments: [
        ("int(11)", "int", 11),
        ("int(10) unsigned", "int unsigned", 10),
        ("bigint(20) unsigned zerofill", "bigint unsigned zerofill", 20),
        ("tinyint(1)", "tinyint", 1),
        ("INT UNSIGNED", "int unsigned", nil),
        ("year(4)", "year", nil),
        ("time(0)", "time", nil),
        ("datetime(6)", "datetime(6)", nil),
        ("decimal(10, 2)", "decimal(10,2)", nil),
        ("DECIMAL (12,4) UNSIGNED", "decimal(12,4) unsigned", nil),
        ("enum('XS', 'one size, fits all','it''s')", "enum('XS','one size, fits all','it''s')", nil),
    ] as [(String, String, Int?)])
    func normalizes(_ written: String, _ expected: String, _ width: Int?) {
        let normalized = ColumnTypeText.normalize(written)
        #expect(normalized.text == expected)
        #expect(normalized.displayWidth == width)
    }

    @Test func keepsWhatTheServerDistinguishes() {
        #expect(ColumnTypeText.normalize("varchar(255)").text != ColumnTypeText.normalize("varchar(25)").text)
        #expect(ColumnTypeText.normalize("datetime(3)").text != ColumnTypeText.normalize("datetime").text)
        #expect(ColumnTypeText.normalize("enum('A')").text != ColumnTypeText.normalize("enum('a')").text)
        #expect(ColumnTypeText.normalize("float(7,4)").text != ColumnTypeText.normalize("float").text)
    }

    @Test func readsEnumMembersAsTheServerQuotesThem() {
        #expect(ColumnTypeText.members(of: "enum('pending','paid, awaiting stock','it''s complicated','on hold (''manual'')')")
            == ["pending", "paid, awaiting stock", "it's complicated", "on hold ('manual')"])
        #expect(ColumnTypeText.members(of: "set('say \"thanks\"','')") == ["say \"thanks\"", ""])
        #expect(ColumnTypeText.members(of: "varchar(10)").isEmpty)
    }
}
