#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells, without reading a file, that it may have changed since the index read it:
/// its size and modification time (to the nanosecond). A file whose stamp changed is
/// read again and its content hash compared; one whose stamp did not is taken as it was.
struct FileStamp: Hashable, Sendable {
    var size: Int64
    var mtimeNanoseconds: Int64

    /// The stamp of the file at `path` (links followed, as the readers follow them), or nil.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        mtimeNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    init(size: Int64, mtimeNanoseconds: Int64) {
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}
