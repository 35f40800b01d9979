/// The bytes of one bracketed paste as they arrive from the terminal, read in chunks
/// up to the sequence that ends it; what came after that sequence in the last chunk
/// is kept apart, to be read as keys.
struct BracketedPaste {
    let end: [UInt8]
    private(set) var bytes: [UInt8] = []
    /// Bytes after the end sequence.
    private(set) var rest: [UInt8] = []
    private(set) var finished = false

    init(end: [UInt8]) {
        self.end = end
    }

    mutating func add(_ chunk: some Collection<UInt8>) {
        guard !finished else {
            rest.append(contentsOf: chunk)
            return
        }
        // The end sequence may straddle two chunks.
        let searchFrom = max(0, bytes.count - end.count + 1)
        bytes.append(contentsOf: chunk)
        guard !end.isEmpty, let found = bytes[searchFrom...].firstRange(of: end) else { return }
        rest = Array(bytes[found.upperBound...])
        bytes.removeSubrange(found.lowerBound...)
        finished = true
    }

    /// The pasted text as the notes hold it: CR LF and CR (what terminals send for a
    /// line break in a paste) become LF; bytes that are not UTF-8 become U+FFFD.
    var text: String {
        var lines: [UInt8] = []
        lines.reserveCapacity(bytes.count)
        var afterCR = false
        for byte in bytes {
            if byte == 10, afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 13
            lines.append(afterCR ? 10 : byte)
        }
        return String(decoding: lines, as: UTF8.self)
    }
}
