import DesignEngine
import Foundation
import ModelExecution
import Requirements

/// The last model designed, reused while the requirements and the design choices stay the same.
///
/// The design stage needs the model several times for one answer (the answer itself, keeping the
/// step valid, the next question); comparing the inputs costs far less than designing again.
/// Copies of a `Conversation` share the cache, which is safe because a hit needs equal inputs.
final class DesignCache: @unchecked Sendable {
    // @unchecked Sendable: the stored values are only read or written with `lock` held.
    private let lock = NSLock()
    private var inputs: (requirements: Requirements, choices: DesignChoices)?
    private var model: DataModel?

    func model(for requirements: Requirements, choices: DesignChoices) -> DataModel {
        lock.lock()
        defer { lock.unlock() }
        if let model, let inputs, inputs.choices == choices, inputs.requirements == requirements { return model }
        let designed = ProvenDesign.design(requirements, choices: choices)
        inputs = (requirements, choices)
        model = designed
        return designed
    }
}
