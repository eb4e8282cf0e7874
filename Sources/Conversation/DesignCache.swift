import DesignEngine
import Foundation
import MigrationContract
import ModelExecution
import Requirements

/// The last model designed and its contract, reused while the requirements and the design
/// choices stay the same.
///
/// One answer needs the model several times (the answer itself, keeping the step valid, the next
/// question, the save) and the contract twice (its gate's text and the file); comparing the
/// inputs costs far less than designing again. Copies of a `Conversation` share the cache, which
/// is safe because a hit needs equal inputs.
final class DesignCache: @unchecked Sendable {
    // @unchecked Sendable: the stored values are only read or written with `lock` held.
    private let lock = NSLock()
    private var inputs: (requirements: Requirements, choices: DesignChoices)?
    private var model: DataModel?
    private var contract: [UInt8]?

    func model(for requirements: Requirements, choices: DesignChoices) -> DataModel {
        lock.lock()
        defer { lock.unlock() }
        return cachedModel(for: requirements, choices: choices)
    }

    /// The exact bytes of `migrationContract.json` for the model of these inputs.
    func contract(for requirements: Requirements, choices: DesignChoices) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let model = cachedModel(for: requirements, choices: choices)
        if let contract { return contract }
        let built = ContractBuilder.bytes(model, requirements: requirements)
        contract = built
        return built
    }

    /// Called with `lock` held; a new design drops the old contract.
    private func cachedModel(for requirements: Requirements, choices: DesignChoices) -> DataModel {
        if let model, let inputs, inputs.choices == choices, inputs.requirements == requirements { return model }
        let designed = ProvenDesign.design(requirements, choices: choices)
        inputs = (requirements, choices)
        model = designed
        contract = nil
        return designed
    }
}
