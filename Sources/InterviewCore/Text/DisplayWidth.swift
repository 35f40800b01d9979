/// How many terminal cells a grapheme cluster takes: 2 for East Asian wide and
/// emoji-presentation characters, 0 for marks and invisible format characters
/// standing alone, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if character.isPrintableASCII { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // The screen's own borders, dashes and quotes, and accented Latin letters: looking
        // up their Unicode properties cost more than the rest of drawing a frame.
        if isNarrow(first.value), scalars.index(after: scalars.startIndex) == scalars.endIndex { return 1 }
        return byProperties(scalars, first: first)
    }

    /// The rule itself, from the first character's Unicode properties.
    static func byProperties(_ scalars: Character.UnicodeScalarView, first: Unicode.Scalar) -> Int {
        if scalars.count > 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        let v = first.value
        if isWide(v) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format where v != 0x00AD: return 0
        default: return 1
        }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // Most cells hold one printable ASCII character.
        if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F { return 1 }
        // Or a border's piece: one scalar of a narrow block.
        let scalars = text.unicodeScalars
        if let first = scalars.first, isNarrow(first.value), scalars.index(after: scalars.startIndex) == scalars.endIndex { return 1 }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether the scalar is of a block whose every character stands alone one cell wide
    /// (no mark, no format character, no emoji; FastTextPathTests checks each against the
    /// rule): Latin-1 and Latin Extended letters, general punctuation's dashes, quotes and
    /// bullets, box drawing and block elements.
    public static func isNarrow(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0...0x2FF, 0x2010...0x2027, 0x2500...0x259F: true
        default: false
        }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(v) }
    }
}

extension Character {
    /// One printable ASCII character, most of what a screen shows: the width and the
    /// visible form skip their Unicode work for it. Cheaper than `asciiValue`, which first
    /// compares the character with CR LF.
    public var isPrintableASCII: Bool {
        let bytes = utf8
        guard let first = bytes.first, first >= 0x20, first < 0x7F else { return false }
        return bytes.count == 1
    }
}
