extension StringProtocol {
    /// The text without the whitespace (newlines too) at either end, as `Character.isWhitespace`
    /// says: Foundation's `trimmingCharacters(in:)` without its character sets (which need ICU).
    public var trimmed: String { trimming(while: \.isWhitespace) }

    /// Spaces and tabs off both ends.
    package var trimmingSpaces: String {
        // Bytes when the text meets the spaces with ASCII on both sides: each space is then
        // a character of its own (a bank's every line is trimmed before the first frame).
        // Otherwise a space may belong to a cluster (a mark on it), as characters tell.
        switch utf8.withContiguousStorageIfAvailable(SpaceBounds.init) {
        case .allSpaces?:
            return ""
        case .asciiEdges(let first, let last)?:
            let start = utf8.index(utf8.startIndex, offsetBy: first)
            return String(self[start..<utf8.index(start, offsetBy: last + 1 - first)])
        case .otherEdges?, nil:
            return trimming { $0 == " " || $0 == "\t" }
        }
    }

    /// The text without the characters at either end for which `isEdge` holds.
    package func trimming(while isEdge: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isEdge($0) }), let last = lastIndex(where: { !isEdge($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Where the spaces and tabs at the ends of a text stop, read from its bytes.
private enum SpaceBounds {
    case allSpaces
    /// The offsets of the first and last bytes that are neither, both ASCII.
    case asciiEdges(Int, Int)
    /// Such a byte is part of a longer character: the characters must tell.
    case otherEdges

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let isText = { (byte: UInt8) in byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: isText), let last = bytes.lastIndex(where: isText) else {
            self = .allSpaces
            return
        }
        self = bytes[first] < 0x80 && bytes[last] < 0x80 ? .asciiEdges(first, last) : .otherEdges
    }
}
