#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading by file descriptor: what the program used of FileHandle, which only full
/// Foundation has.
public enum FileReading {
    /// What is left to read from `descriptor`, stopping once more than `limit` bytes have
    /// come; nil when a read fails.
    public static func readToEnd(_ descriptor: Int32, limit: Int = .max) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            out += chunk[..<count]
        }
        return out
    }

    /// The last `count` bytes of the file at `path` (all of it when it is shorter); nil
    /// when it cannot be read.
    public static func tail(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size >= 0, lseek(descriptor, max(0, size - off_t(count)), SEEK_SET) >= 0 else { return nil }
        return readToEnd(descriptor)
    }
}
