import Foundation

/// Just enough of an ELF file to say whether it is stripped: its sections' names.
enum ELF {
    struct NotELF: Error, CustomStringConvertible {
        var description: String
    }

    /// The names of the sections of a 64-bit little-endian ELF file (`.text`, `.symtab`, …).
    static func sectionNames(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count > 64, data.prefix(4) == Data([0x7F, 0x45, 0x4C, 0x46]), data[4] == 2, data[5] == 1 else {
            throw NotELF(description: "\(path) is not a 64-bit little-endian ELF file")
        }
        func number(at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
        }
        let table = number(at: 0x28, size: 8), entrySize = number(at: 0x3A, size: 2)
        let count = number(at: 0x3C, size: 2), namesIndex = number(at: 0x3E, size: 2)
        let names = number(at: table + namesIndex * entrySize + 0x18, size: 8)
        return (0..<count).map { index in
            let start = names + number(at: table + index * entrySize, size: 4)
            let end = data[start...].firstIndex(of: 0) ?? data.endIndex
            return String(decoding: data[start..<end], as: UTF8.self)
        }
    }
}
