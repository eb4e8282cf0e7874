import ContractExport
import Conversation
import DynamoDBAPI
import DynamoDBClient
import Foundation
import Requirements
import RequirementsYAML
import SessionStore

/// The sentence the command line prints for an error that ends a command.
///
/// Each module has its own error type with a message written for the user; this is the one
/// place that knows them all, so no error ever reaches the terminal as a Swift value dump such as
/// `PersistenceError.writeFailed(path: "…", reason: "…")`.
enum ErrorSentence {
    static func text(for error: any Error) -> String {
        switch error {
        case let error as StoreError: return error.message
        case let error as CommandFailure: return error.message
        case let error as ExportRefusal: return error.message
        case let error as RequirementsError: return error.message
        case let error as PersistenceError: return error.message
        case let error as RequirementsYAMLError: return error.message
        case let error as DynamoDBError: return error.message
        case let error as any LocalizedError where error.errorDescription != nil: return error.errorDescription ?? ""
        default:
            // An error type added later without a case here: still words, never a value dump.
            return "Unexpected error: \(error.localizedDescription)"
        }
    }
}
