import MySQLSchema
import Requirements

/// Turns a parsed MySQL schema into entities and relationships, and re-applies a changed schema
/// to a session without losing the answers that still apply.
///
/// Each table becomes an entity, each column an attribute (MySQL type kept as its source), the
/// primary key the identifier, UNIQUE keys unique groups, foreign keys relationships child →
/// parent with the ON DELETE rule. Cardinalities are never guessed: imported relationships have
/// none until the user answers. Secondary and FULLTEXT indexes are kept as evidence of lookups.
public enum SchemaImporter {
    /// Applies `schema` to `requirements`. With `previous` (the schema of the last import), tables
    /// and columns are matched by their source names, so renames, sizes, exclusions, sensitivity
    /// marks and cardinalities survive; what changed is listed in the report.
    /// - Returns: the report and the names of entities added or changed (to review).
    public static func apply(_ schema: ParsedSchema, previous: ParsedSchema?, to requirements: inout Requirements)
        -> (report: SchemaImportReport, entitiesToReview: [String])
    {
        var report = baseReport(schema)
        var toReview: [String] = []
        var entityForTable: [String: String] = [:]
        // Looked up once per table: scanning the entities for each of 40,000 tables was most of
        // the time a large import took.
        var entityNamesBySourceTable: [String: String] = [:]
        for entity in requirements.entities {
            guard let table = entity.sourceTable?.lowercased(), entityNamesBySourceTable[table] == nil else { continue }
            entityNamesBySourceTable[table] = entity.name
        }
        var takenNames = Set(requirements.entities.map { $0.name.lowercased() })

        for table in schema.tables {
            let key = table.name.lowercased()
            if let existingName = entityNamesBySourceTable[key], let existing = requirements.entity(named: existingName) {
                let (updated, changes, warnings) = merge(table, into: existing, requirements: requirements, hadPrevious: previous != nil)
                report.changes += changes
                report.warnings += warnings
                if updated != existing {
                    try? requirements.updateEntity(named: existing.name, to: updated)
                    toReview.append(updated.name)
                }
                entityForTable[key] = updated.name
            } else {
                let name = EntityNaming.unique(EntityNaming.entityName(forTable: table.name), avoiding: takenNames)
                let entity = newEntity(named: name, from: table)
                do {
                    try requirements.addEntity(entity)
                    takenNames.insert(name.lowercased())
                    entityNamesBySourceTable[key] = name
                    toReview.append(name)
                    entityForTable[key] = name
                    if previous != nil { report.changes.append("added table \(table.name) (entity \(name))") }
                } catch {
                    report.warnings.append("Table \(table.name) was not imported: \(error.message)")
                }
            }
        }
        removeDroppedTables(schema, previous: previous, requirements: &requirements, report: &report)
        addRelationships(schema, entityForTable: entityForTable, requirements: &requirements, report: &report)
        return (report, toReview)
    }

    static func baseReport(_ schema: ParsedSchema) -> SchemaImportReport {
        var report = SchemaImportReport()
        report.tables = schema.tables.count
        report.columns = schema.tables.reduce(0) { $0 + $1.columns.count }
        report.primaryKeys = schema.tables.filter { !$0.primaryKey.isEmpty }.count
        report.uniqueKeys = schema.tables.reduce(0) { $0 + $1.uniqueKeys.count }
        report.foreignKeys = schema.tables.reduce(0) { $0 + $1.foreignKeys.count }
        report.problems = schema.diagnostics.map(\.description)
        report.skipped = SkippedSummary.lines(schema.skipped)
        for table in schema.tables where table.primaryKey.isEmpty {
            report.warnings.append("Table \(table.name) has no primary key: give its entity an identifier at the review.")
        }
        return report
    }

    static func newEntity(named name: String, from table: Table) -> Entity {
        var attributes: [Attribute] = []
        var attributeForColumn: [String: String] = [:]
        var taken = Set<String>()
        for column in table.columns {
            let attributeName = EntityNaming.unique(EntityNaming.attributeName(forColumn: column.name), avoiding: taken)
            taken.insert(attributeName.lowercased())
            attributeForColumn[column.name.lowercased()] = attributeName
            attributes.append(attribute(named: attributeName, from: column, table: table))
        }
        func names(_ columns: [String]) -> [String] { columns.compactMap { attributeForColumn[$0.lowercased()] } }
        let uniques = table.uniqueKeys.map { names($0.columnNames) }.filter { !$0.isEmpty && $0 != names(table.primaryKey) }
        var entity = Entity(name: name, attributes: attributes, identifier: names(table.primaryKey), uniqueGroups: uniques,
                            sourceTable: table.name, sourceIndexes: sourceIndexes(table, names))
        TableStatisticsEstimates.apply(table.statistics, to: &entity)
        return entity
    }

    static func attribute(named name: String, from column: Column, table: Table) -> Attribute {
        Attribute(name: name, type: attributeType(column.type), typicalSizeBytes: column.type.typicalSizeBytes,
                  source: SourceColumn(table: table.name, column: column.name, mysqlType: column.type.sqlText,
                                       dynamoDBType: column.type.dynamoDBType, nullable: column.nullable))
    }

    static func sourceIndexes(_ table: Table, _ names: ([String]) -> [String]) -> [SourceIndex] {
        table.indexes.map { SourceIndex(name: $0.name, kind: .secondary, attributes: names($0.columnNames)) }
            + table.fullTextIndexes.map { SourceIndex(name: $0.name, kind: .fulltext, attributes: names($0.columnNames)) }
    }

    /// The user-facing type for a MySQL column type.
    static func attributeType(_ type: ColumnType) -> AttributeType {
        switch type.name {
        case "date": return .date
        case "datetime", "timestamp", "time": return .datetime
        case "json": return .json
        case "set": return .set
        default: break
        }
        switch type.dynamoDBType {
        case .number: return .number
        case .binary: return .binary
        case .boolean: return .boolean
        case .stringSet, .numberSet, .binarySet: return .set
        case .map, .list: return .json
        case .string: return .string
        }
    }

    /// Updates an entity from its table's new definition, keeping the user's answers.
    static func merge(_ table: Table, into entity: Entity, requirements: Requirements, hadPrevious: Bool)
        -> (Entity, changes: [String], warnings: [String])
    {
        var updated = entity
        var changes: [String] = []
        var warnings: [String] = []
        var attributeForColumn: [String: String] = [:]
        for column in table.columns {
            if let index = updated.attributes.firstIndex(where: { $0.source?.column.lowercased() == column.name.lowercased() }) {
                var attribute = updated.attributes[index]
                let fresh = Self.attribute(named: attribute.name, from: column, table: table)
                if attribute.source?.mysqlType != fresh.source?.mysqlType {
                    changes.append("\(table.name).\(column.name): type \(attribute.source?.mysqlType ?? "?") → \(fresh.source?.mysqlType ?? "?")")
                    attribute.type = fresh.type
                }
                if attribute.excludedReason == SchemaImporter.removedColumnReason { attribute.excludedReason = nil }
                attribute.source = fresh.source
                updated.attributes[index] = attribute
                attributeForColumn[column.name.lowercased()] = attribute.name
            } else {
                let name = EntityNaming.unique(EntityNaming.attributeName(forColumn: column.name), avoiding: Set(updated.attributes.map { $0.name.lowercased() }))
                updated.attributes.append(attribute(named: name, from: column, table: table))
                attributeForColumn[column.name.lowercased()] = name
                changes.append("added column \(table.name).\(column.name)")
            }
        }
        let current = Set(table.columns.map { $0.name.lowercased() })
        var dropped = Set<String>()
        for index in updated.attributes.indices {
            guard let source = updated.attributes[index].source, !current.contains(source.column.lowercased()),
                  updated.attributes[index].excludedReason != SchemaImporter.removedColumnReason else { continue }
            let name = updated.attributes[index].name
            changes.append("removed column \(table.name).\(source.column)")
            let users = requirements.accessPatterns.filter { $0.entities.contains(entity.name) && patternUses($0, name) }.map { String($0.id) }
            if users.isEmpty && !entity.identifier.contains(name) {
                dropped.insert(name)
            } else {
                updated.attributes[index].excludedReason = SchemaImporter.removedColumnReason
                warnings.append("\(entity.name).\(name) is gone from the schema but still used\(users.isEmpty ? " as the identifier" : " by pattern\(users.count == 1 ? "" : "s") \(users.joined(separator: ", "))"): it is kept as not migrated; edit those first.")
            }
        }
        updated.attributes.removeAll { dropped.contains($0.name) }
        let names = Set(updated.attributes.map(\.name))
        updated.uniqueGroups = updated.uniqueGroups.filter { $0.allSatisfy(names.contains) }
        func mapped(_ columns: [String]) -> [String] { columns.compactMap { attributeForColumn[$0.lowercased()] } }
        if updated.identifier.isEmpty { updated.identifier = mapped(table.primaryKey) }
        for unique in table.uniqueKeys {
            let group = mapped(unique.columnNames)
            if !group.isEmpty, group != updated.identifier, !updated.uniqueGroups.contains(group) {
                updated.uniqueGroups.append(group)
                if hadPrevious { changes.append("added unique key \(table.name)(\(unique.columnNames.joined(separator: ", ")))") }
            }
        }
        updated.sourceIndexes = sourceIndexes(table, mapped)
        TableStatisticsEstimates.apply(table.statistics, to: &updated)
        return (updated, changes, warnings)
    }

    /// The reason recorded on an attribute whose column disappeared but which patterns still use.
    public static let removedColumnReason = "removed from the MySQL schema"

    static func patternUses(_ pattern: AccessPattern, _ attribute: String) -> Bool {
        if pattern.lookupAttributes.contains(attribute) || (pattern.filterAttributes ?? []).contains(attribute) { return true }
        if case .only(let names)? = pattern.attributes { return names.contains(attribute) }
        return false
    }

    static func removeDroppedTables(_ schema: ParsedSchema, previous: ParsedSchema?, requirements: inout Requirements, report: inout SchemaImportReport) {
        guard previous != nil else { return }
        let current = Set(schema.tables.map { $0.name.lowercased() })
        for entity in requirements.entities {
            guard let table = entity.sourceTable, !current.contains(table.lowercased()) else { continue }
            do {
                _ = try requirements.deleteEntity(named: entity.name)
                report.changes.append("removed table \(table) (entity \(entity.name) deleted)")
            } catch {
                report.changes.append("removed table \(table)")
                report.warnings.append("Table \(table) is gone but entity \(entity.name) is kept: \(error.message)")
            }
        }
    }

    static func addRelationships(_ schema: ParsedSchema, entityForTable: [String: String], requirements: inout Requirements, report: inout SchemaImportReport) {
        // Positions of the relationships already there, by their exact ends, built once.
        var existingPairs: [PairKey: Int] = [:]
        for (position, relationship) in requirements.relationships.enumerated() {
            let key = PairKey(parent: relationship.parent, child: relationship.child)
            if existingPairs[key] == nil { existingPairs[key] = position }
        }
        for table in schema.tables {
            for foreignKey in table.foreignKeys {
                guard let child = entityForTable[table.name.lowercased()] else { continue }
                guard let parent = entityForTable[foreignKey.referencedTable.lowercased()] else {
                    report.warnings.append("\(table.name)'s foreign key to \(foreignKey.referencedTable) points at a table that is not in the schema; no relationship was added.")
                    continue
                }
                let source = SourceForeignKey(name: foreignKey.name, columns: foreignKey.columns,
                                              referencedColumns: foreignKey.referencedColumns, onDelete: foreignKey.onDelete?.rawValue)
                let nullable = foreignKey.columns.contains { name in table.column(named: name)?.nullable ?? false }
                if let position = existingPairs[PairKey(parent: parent, child: child)] {
                    var existing = requirements.relationships[position]
                    existing.sourceForeignKey = source
                    try? requirements.updateRelationship(parent: parent, child: child, to: existing)
                    continue
                }
                var relationship = Relationship(parent: parent, child: child)
                // Evidence, not a guess: a NOT NULL foreign key means the child needs its parent.
                relationship.childExistsWithoutParent = nullable
                relationship.sourceForeignKey = source
                do {
                    try requirements.addRelationship(relationship)
                    existingPairs[PairKey(parent: parent, child: child)] = requirements.relationships.count - 1
                } catch {
                    report.warnings.append("The foreign key \(table.name) → \(foreignKey.referencedTable) was not added: \(error.message)")
                }
            }
        }
    }
}

/// A relationship's two ends in order, for finding an imported foreign key's relationship.
struct PairKey: Hashable {
    let parent: String
    let child: String
}

/// "skipped 120 INSERT statements; views: v_orders" lines for the import summary.
enum SkippedSummary {
    static func lines(_ skipped: [SkippedStatement]) -> [String] {
        var counts: [String: Int] = [:]
        var names: [String: [String]] = [:]
        var order: [String] = []
        for statement in skipped {
            let kind = statement.kind.rawValue
            if counts[kind] == nil { order.append(kind) }
            counts[kind, default: 0] += 1
            // mysqldump writes a view twice (a stand-in table, then the view): name it once.
            if let name = statement.name, !(names[kind] ?? []).contains(name) { names[kind, default: []].append(name) }
        }
        return order.map { kind in
            let count = counts[kind] ?? 0
            let named = names[kind].map { ": " + $0.joined(separator: ", ") } ?? ""
            return "\(count) \(kind) statement\(count == 1 ? "" : "s")\(named)"
        }
    }
}
