/// The bytes of a bracketed paste as they arrive from the terminal, read in chunks up
/// to the sequence that ends it. A paste that starts right after the end (two pastes
/// back to back, in the same read) goes on in the same text; anything else after the
/// end is kept apart, to be read as keys.
struct BracketedPaste {
    let start: [UInt8]
    let end: [UInt8]
    private(set) var bytes: [UInt8] = []
    /// Bytes after the end sequence.
    private(set) var rest: [UInt8] = []
    private(set) var finished = false
    /// Where the end sequence may begin: not inside a paste already ended.
    private var searchFrom = 0

    init(start: [UInt8], end: [UInt8]) {
        self.start = start
        self.end = end
    }

    mutating func add(_ chunk: some Collection<UInt8>) {
        guard !finished else {
            rest.append(contentsOf: chunk)
            return
        }
        bytes.append(contentsOf: chunk)
        guard !end.isEmpty, let found = bytes[searchFrom...].firstRange(of: end) else {
            // The end sequence may straddle two chunks.
            searchFrom = max(searchFrom, bytes.count - end.count + 1)
            return
        }
        let after = Array(bytes[found.upperBound...])
        bytes.removeSubrange(found.lowerBound...)
        searchFrom = bytes.count
        if !start.isEmpty, after.starts(with: start) {
            add(after.dropFirst(start.count))
        } else {
            rest = after
            finished = true
        }
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
