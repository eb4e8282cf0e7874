import DesignEngine
import Requirements
import RequirementsYAML

/// Small requirement sets written as YAML inside tests, designed by the engine.
enum YAMLRequirements {
    static func load(_ yaml: String) throws -> Requirements {
        try RequirementsYAMLLoader.load(yaml: yaml, fileName: "test.yaml")
    }

    static func design(_ yaml: String, choices: DesignChoices = DesignChoices()) throws -> DataModel {
        DesignEngine.design(try load(yaml), choices: choices)
    }

    /// A read pattern in the YAML format, with every field answered.
    static func read(_ description: String, _ entities: String, equality: String, sort: String = "none", items: Int = 1,
                     peak: Double = 100, average: Double = 50, consistency: String = "eventual", attributes: String = "all",
                     filter: String = "[]") -> String {
        """
          - description: \(description)
            entities: [\(entities)]
            type: read
            equality: [\(equality)]
            sort: \(sort)
            filter: \(filter)
            items: \(items)
            peak_rps: \(peak)
            average_rps: \(average)
            consistency: \(consistency)
            latency: none
            attributes: \(attributes)

        """
    }

    static func write(_ description: String, _ entities: String, type: String = "write", equality: String = "", peak: Double = 10,
                      average: Double = 5, attributes: String = "all") -> String {
        """
          - description: \(description)
            entities: [\(entities)]
            type: \(type)
            equality: [\(equality)]
            sort: none
            filter: []
            items: 1
            peak_rps: \(peak)
            average_rps: \(average)
            consistency: strong
            latency: none
            attributes: \(attributes)

        """
    }

    /// Users (unique email) and their orders, the relationship described by `relationship`.
    static func usersAndOrders(relationship: String = "cardinality: avg 5 max 100\n    child_exists_without_parent: false", patterns: String) -> String {
        """
        entities:
          - name: User
            identifier: user_id
            unique: [email]
            attributes: [user_id:string:36, email:string:40, name:string:30]
          - name: Order
            identifier: order_id
            attributes: [order_id:string:36, user_id:string:36, status:string:10, total:number, created_at:datetime]
        relationships:
          - parent: User
            child: Order
            \(relationship)
        access_patterns:
        \(patterns)
        """
    }
}
