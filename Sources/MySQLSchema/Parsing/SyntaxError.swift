/// A problem the parser noticed in a statement it could still read (an unknown type name, a
/// VARCHAR without a length): reported, and the statement applies.
struct ParserNote {
    var token: Token
    var message: String
}

/// Why a statement cannot be read: the offending token and what was expected there.
struct SyntaxError: Error {
    var token: Token
    var message: String
}
