import SeededRandom

/// A schema of many small tables (`--tables N`): about 125 bytes a table, so 40,000 tables make
/// the 5 MB file a large monolith's schema export can be. Every other table has a foreign key to
/// a random earlier one and a unique key; the others a secondary index. Seeded, so the same `N`
/// gives the same bytes everywhere.
struct ManyTablesDump {
    var random = SeededGenerator(seed: 0x00DD_B0DE_4000_0001)
    private(set) var foreignKeys = 0

    mutating func text(tables: Int) -> String {
        var text = ""
        text.reserveCapacity(tables * 130)
        for index in 0..<tables {
            if index > 0 && index % 2 == 0 {
                let parent = random.int(0...(index - 1))
                foreignKeys += 1
                text += "CREATE TABLE t\(index) (id int PRIMARY KEY, name varchar(40) NOT NULL, p_id int, UNIQUE KEY (name), FOREIGN KEY (p_id) REFERENCES t\(parent) (id));\n"
            } else {
                text += "CREATE TABLE t\(index) (id int PRIMARY KEY, name varchar(40) NOT NULL, created_at datetime, KEY (created_at));\n"
            }
        }
        return text
    }
}
