import DesignEngine

/// What one save writes: the session, and its model and contract as far as the gates allow.
///
/// The conversation designs the model once per change (`DesignCache`) and hands it here, so a
/// save never designs again: the files written are the model the user was just shown.
public struct SessionSnapshot: Sendable {
    public let state: SessionState
    /// The model, once the requirements gate is passed (`dynamodb_data_model.md` exists only then).
    public let model: DataModel?
    /// `migrationContract.json`'s bytes, once the design gate is passed.
    public let contract: [UInt8]?

    public init(state: SessionState, model: DataModel?, contract: [UInt8]?) {
        self.state = state
        self.model = model
        self.contract = contract
    }
}

extension Conversation {
    /// The session as the next save writes it.
    public var snapshot: SessionSnapshot {
        SessionSnapshot(state: state,
                        model: state.gates.requirements.isPassed ? dataModel : nil,
                        contract: state.gates.design.isPassed ? contractBytes : nil)
    }
}
