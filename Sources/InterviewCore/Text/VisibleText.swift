/// How characters that must never reach a terminal or a file raw are shown instead:
/// C0 controls in caret notation (`^[` for ESC), DEL as `^?`, C1 controls and
/// bidirectional overrides as `<U+XXXX>`, a tab as one space. The screen (the canvas)
/// and every report use this one rule, so a note reads the same everywhere.
public enum VisibleText {
    /// Whether a scalar must not be written as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The visible form of a character, or nil when it is safe as it is.
    public static func mark(_ character: Character) -> String? {
        if character.isPrintableASCII { return nil }
        guard character.unicodeScalars.contains(where: isUnsafe) else { return nil }
        var out = ""
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if v == 0x09 { out += " " }
            else if v < 0x20 { out += "^" + String(UnicodeScalar(UInt8(v + 0x40))) }
            else if v == 0x7F { out += "^?" }
            else if isUnsafe(scalar) { out += "<U+" + String(v, radix: 16, uppercase: true) + ">" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The text with every unsafe character shown as its mark.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return text.reduce(into: "") { out, character in
            if let mark = mark(character) { out += mark } else { out.append(character) }
        }
    }

    /// A whole text file with every unsafe character shown as its mark, but for what lays
    /// it out: tabs and line breaks (LF, CRLF). What `import` reads of an article.
    public static func visibleKeepingLayout(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\t" && $0 != "\n" }) else { return text }
        return text.reduce(into: "") { out, character in
            if character != "\t", character != "\n", character != "\r\n", let mark = mark(character) { out += mark } else { out.append(character) }
        }
    }

    /// For messages printed on a terminal (stderr, stdout): each line made visible, the
    /// line breaks kept. A CR before a line break is shown too (`^M`): it would move
    /// the cursor back over what the line said.
    public static func visibleLines(_ text: String) -> String {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { visible(String(String.UnicodeScalarView($0))) }
            .joined(separator: "\n")
    }
}
