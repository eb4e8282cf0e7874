import Foundation

extension VersionedJSONLoader {
    /// Turns a `DecodingError` into a message with the JSON path of the bad value, because "The data
    /// couldn't be read because it isn't in the correct format" gives the user nowhere to look.
    static func decodingFailure(_ error: any Error, path: String) -> StoreError {
        guard let decodingError = error as? DecodingError else {
            return StoreError.decodingFailed(path: path, codingPath: "", detail: error.localizedDescription)
        }
        switch decodingError {
        case .typeMismatch(_, let context):
            return StoreError.decodingFailed(
                path: path, codingPath: jsonPath(context.codingPath), detail: context.debugDescription)
        case .valueNotFound(let type, let context):
            return StoreError.decodingFailed(
                path: path, codingPath: jsonPath(context.codingPath),
                detail: "expected a value of type \(type) but found null")
        case .keyNotFound(let key, let context):
            return StoreError.decodingFailed(
                path: path, codingPath: jsonPath(context.codingPath + [key]),
                detail: "this required field is missing")
        case .dataCorrupted(let context):
            // With the syntax already checked, JSONDecoder says "not valid JSON" with no path only for
            // numbers it cannot represent (1e999, or 1.5 where a whole number is expected).
            let detail =
                context.codingPath.isEmpty && context.underlyingError == nil
                    && context.debugDescription.contains("not valid JSON")
                ? "a number is out of range, or has a fraction where a whole number is expected"
                : context.debugDescription
            return StoreError.decodingFailed(path: path, codingPath: jsonPath(context.codingPath), detail: detail)
        @unknown default:
            return StoreError.decodingFailed(path: path, codingPath: "", detail: error.localizedDescription)
        }
    }

    /// `requirements.access_patterns[3].peak_rps`: keys joined by dots, array indexes in brackets.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }
}
