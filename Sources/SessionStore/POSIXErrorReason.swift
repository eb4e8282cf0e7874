import Glibc

/// Turns an `errno` value into the short reason shown inside `StoreError` messages.
///
/// The common cases get plain words and a hint (users hit "disk full" and "permission denied", not
/// `ENOSPC`); anything else falls back to the C library's own text so nothing is hidden.
enum POSIXErrorReason {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT:
            return "the disk is full (free some space and try again)"
        case EACCES, EPERM:
            return "permission denied (check the folder's owner and permissions)"
        case ENOENT:
            return "the folder does not exist"
        case ENOTDIR:
            return "a part of the path is a file, not a folder"
        case EROFS:
            return "the file system is read-only"
        case EISDIR:
            return "it is a folder, not a file"
        case EIO:
            return "an input/output error occurred (the disk may be failing)"
        default:
            return String(cString: strerror(code)) + " (errno \(code))"
        }
    }
}
