/// The bytes of one UTF-8 character as they arrive from the terminal, possibly over
/// several reads.
struct PartialUTF8 {
    enum Result: Equatable {
        case complete(Unicode.Scalar)
        case incomplete
        /// Not UTF-8: shown as U+FFFD rather than dropped silently.
        case invalid
    }

    private var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }

    mutating func removeAll() { bytes.removeAll() }

    mutating func add(_ byte: UInt8) -> Result {
        bytes.append(byte)
        guard let length = Self.length(leading: bytes[0]), bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            bytes.removeAll()
            return .invalid
        }
        guard bytes.count == length else { return .incomplete }
        defer { bytes.removeAll() }
        guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { return .invalid }
        return .complete(scalar)
    }

    private static func length(leading byte: UInt8) -> Int? {
        switch byte {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: nil
        }
    }
}
