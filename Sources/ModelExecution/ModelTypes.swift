import DesignEngine

/// The design engine's names for types whose DynamoDB API namesakes this module also sees.
typealias ModelProjection = Projection
