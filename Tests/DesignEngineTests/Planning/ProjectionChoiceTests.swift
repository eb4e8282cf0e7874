import DesignEngine
import Foundation
import Testing

/// A projection chosen at the design stage, as `session.json` stores it.
@Suite struct ProjectionChoiceTests {
    @Test(arguments: [
        (Projection.keysOnly, #"{"type":"KEYS_ONLY"}"#),
        (Projection.all, #"{"type":"ALL"}"#),
        (Projection.include(["title", "price"]), #"{"attributes":["title","price"],"type":"INCLUDE"}"#),
    ])
    func storedAsTypeAndAttributes(projection: Projection, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(ProjectionChoice(projection)), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(ProjectionChoice.self, from: Data(json.utf8)).projection == projection)
    }

    /// A hand-edited type that is not a projection is refused with the choices, not dropped.
    @Test func anUnknownTypeIsRefused() {
        #expect {
            try JSONDecoder().decode(ProjectionChoice.self, from: Data(#"{"type":"SOME"}"#.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == "\"SOME\" is not a projection; expected KEYS_ONLY, INCLUDE or ALL"
        }
    }
}
