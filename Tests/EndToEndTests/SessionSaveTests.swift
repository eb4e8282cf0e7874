import Conversation
import DataModelDocument
import DDBModelCommands
import Foundation
import ModelExecution
import Requirements
import RequirementsYAML
import SessionStore
import Testing
import TestSupport

/// A save writes the model and the contract it is handed, designed once by the conversation,
/// and never designs again (docs/session-format.md).
@Suite struct SessionSaveTests {
    /// A session past the requirements and design gates, in a fresh folder.
    static func approvedDesign() throws -> (Conversation, SessionFolder, URL) {
        var state = SessionState(name: "shop")
        state.requirements = try RequirementsYAMLLoader.load(yaml: SampleRequirements.ecommerceYAML, fileName: "ecommerce.requirements.yaml")
        var conversation = Conversation(state: state, clock: FixedClock.now)
        conversation.beginReview()
        for line in ["accept the catalog service creates products", "yes"] + Array(repeating: "yes", count: 6) + ["yes"] {
            _ = conversation.handle(line)
        }
        #expect(conversation.state.gates.design.isPassed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let folder = try SessionFolder.create(name: "shop", in: root)
        return (conversation, folder, root)
    }

    @Test func theSnapshotCarriesTheConversationsModelAndContract() throws {
        let (conversation, _, root) = try Self.approvedDesign()
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = conversation.snapshot
        #expect(snapshot.model == conversation.dataModel)
        #expect(snapshot.contract == conversation.contractBytes)
    }

    /// Handed a model and a contract other than the session's own, the save writes exactly those:
    /// had it designed again, the files would hold the session's.
    @Test func theSaveWritesWhatItIsHandedWithoutDesigning() throws {
        let (conversation, folder, root) = try Self.approvedDesign()
        defer { try? FileManager.default.removeItem(at: root) }
        var other = conversation.state.requirements
        try other.deletePattern(try #require(other.accessPatterns.last).id)
        let otherModel = ProvenDesign.design(other, choices: conversation.state.designChoices)
        #expect(otherModel != conversation.dataModel)
        let otherContract = Array("[]\n".utf8)

        try SessionFile(folder: folder).save(SessionSnapshot(state: conversation.state, model: otherModel, contract: otherContract))

        let document = try #require(FileManager.default.contents(atPath: folder.dataModelDocument.path))
        #expect([UInt8](document) == DataModelDocument.renderUTF8(otherModel, requirements: conversation.state.requirements))
        #expect(FileManager.default.contents(atPath: folder.contractFile.path) == Data(otherContract))
    }

    /// A snapshot without a model or contract (their gates open) removes the files.
    @Test func filesOfAnOpenGateAreRemoved() throws {
        let (conversation, folder, root) = try Self.approvedDesign()
        defer { try? FileManager.default.removeItem(at: root) }
        try SessionFile(folder: folder).save(conversation.snapshot)
        #expect(FileManager.default.fileExists(atPath: folder.contractFile.path))
        try SessionFile(folder: folder).save(SessionSnapshot(state: conversation.state, model: conversation.dataModel, contract: nil))
        #expect(!FileManager.default.fileExists(atPath: folder.contractFile.path))
        #expect(FileManager.default.fileExists(atPath: folder.dataModelDocument.path))
        try SessionFile(folder: folder).save(SessionSnapshot(state: conversation.state, model: nil, contract: nil))
        #expect(!FileManager.default.fileExists(atPath: folder.dataModelDocument.path))
    }
}
