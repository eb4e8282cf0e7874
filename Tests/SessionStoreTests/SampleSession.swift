import Foundation

/// A small stand-in for the real session document, with the same shape problems: nested objects,
/// arrays, snake_case keys and a field that is "a number or unknown".
struct SampleSession: Decodable, Equatable {
    var formatVersion: Int
    var name: String
    var requirements: SampleRequirements

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case name, requirements
    }

    /// A `session.json` as ddbmodel would write it, with escapes and non-ASCII text in it.
    static let document = #"""
        {
          "format_version": 1,
          "name": "orders",
          "requirements": {
            "application": "Online shop orders",
            "access_patterns": [
              { "id": "AP1", "description": "Get an order by id", "peak_rps": 120 },
              { "id": "AP2", "description": "List a customer's orders, newest first", "peak_rps": "unknown" },
              { "id": "AP3", "description": "Café menu – prices in €", "peak_rps": 3.5e1 },
              { "id": "AP4", "description": "Escapes \" \\ \n \u00e9 \ud83d\ude00", "peak_rps": 0 }
            ],
            "notes": null,
            "confirmed": true
          }
        }

        """#
}

struct SampleRequirements: Decodable, Equatable {
    var application: String
    var accessPatterns: [SampleAccessPattern]
    var notes: String?
    var confirmed: Bool

    enum CodingKeys: String, CodingKey {
        case application
        case accessPatterns = "access_patterns"
        case notes, confirmed
    }
}

struct SampleAccessPattern: Decodable, Equatable {
    var id: String
    var description: String
    var peakRPS: PeakRate

    enum CodingKeys: String, CodingKey {
        case id, description
        case peakRPS = "peak_rps"
    }
}

/// A number, or "unknown" when the user does not know yet.
enum PeakRate: Decodable, Equatable {
    case known(Double)
    case unknown

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self) {
            self = .known(value)
        } else if (try? container.decode(String.self)) == "unknown" {
            self = .unknown
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number or \"unknown\"")
        }
    }
}
