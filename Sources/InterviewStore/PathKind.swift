#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, following symbolic links: a folder, or a file (anything else).
/// FileManager's `fileExists(atPath:isDirectory:)` takes an `ObjCBool`, which only
/// full Foundation has.
public enum PathKind: Sendable {
    case file, folder

    /// Nil when nothing is there (or it cannot be looked at).
    public init?(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self = info.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }
}
