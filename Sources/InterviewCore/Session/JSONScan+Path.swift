#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the value at a coding path is, for the range errors found after decoding: the
/// decoder names the path, the file's reader wants the line and column.
extension JSONScan {
    /// The offset of the value at `path` (object keys and array indices from the top), or
    /// of the deepest value on the way there that exists; nil if the document is not an
    /// object or array at the top.
    static func offset(of path: [any CodingKey], in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.skipSpace()
            var found = scanner.index
            for key in path {
                guard let next = try? scanner.enter(key) else { return found }
                found = next
            }
            return found
        }
    }
}

extension JSONScan.Scanner {
    /// Moves from the container at `index` to the value `key` names in it; returns its offset.
    mutating func enter(_ key: any CodingKey) throws(JSONScan.Problem) -> Int {
        if current == UInt8(ascii: "["), let wanted = key.intValue {
            index += 1
            skipSpace()
            var n = 0
            while current != UInt8(ascii: "]") {
                if n == wanted { return index }
                try value(depth: 1)
                skipSpace()
                guard current == UInt8(ascii: ",") else { throw problem("no such element") }
                index += 1
                skipSpace()
                n += 1
            }
            throw problem("no such element")
        }
        guard current == UInt8(ascii: "{") else { throw problem("not a container") }
        index += 1
        skipSpace()
        let wanted = Array(key.stringValue.utf8)
        while current == UInt8(ascii: "\"") {
            let name = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw problem("no such key") }
            index += 1
            skipSpace()
            if decoded(name) == wanted { return index }
            try value(depth: 1)
            skipSpace()
            guard current == UInt8(ascii: ",") else { break }
            index += 1
            skipSpace()
        }
        throw problem("no such key")
    }
}
