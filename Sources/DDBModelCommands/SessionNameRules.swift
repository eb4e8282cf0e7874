/// What a session name may be: it becomes a folder name, so no separators and no `..`.
enum SessionNameRules {
    /// The problem with the name, or nil when it is valid.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "The session name is empty." }
        if name.contains("/") || name.contains("\\") {
            return "The session name \"\(name)\" contains a path separator; give a plain name such as shop (use --sessions-dir to choose the folder)."
        }
        if name == "." || name.contains("..") { return "The session name \"\(name)\" cannot contain \"..\"." }
        if name.hasPrefix("-") || name.hasPrefix(".") { return "The session name \"\(name)\" cannot start with \"-\" or \".\"." }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "The session name contains control characters."
        }
        if name.utf8.count > 100 { return "The session name is longer than 100 bytes." }
        return nil
    }
}
