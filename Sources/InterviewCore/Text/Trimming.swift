extension StringProtocol {
    /// The text without the whitespace (newlines too) at either end, as `Character.isWhitespace`
    /// says: Foundation's `trimmingCharacters(in:)` without its character sets (which need ICU).
    public var trimmed: String { trimming(while: \.isWhitespace) }

    /// Spaces and tabs off both ends.
    package var trimmingSpaces: String { trimming { $0 == " " || $0 == "\t" } }

    /// The text without the characters at either end for which `isEdge` holds.
    package func trimming(while isEdge: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isEdge($0) }), let last = lastIndex(where: { !isEdge($0) }) else { return "" }
        return String(self[first...last])
    }
}
