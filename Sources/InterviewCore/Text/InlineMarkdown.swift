/// Inline Markdown: `*emphasis*` or `_emphasis_`, `**strong**`, `` `code` `` and
/// backslash escapes. An opener without a closer on the same line stays literal.
public enum InlineMarkdown {
    public static func parse(_ text: String) -> [Span] {
        // Most paragraphs have no markup: no need to look at them a character at a time.
        guard text.anyByte(isMarker) else {
            return text.isEmpty ? [] : [Span(text)]
        }
        // A character at a time, as the reader sees them, but compared by a code: its byte
        // when it is one ASCII character, 0 otherwise (no marker is anything else); text
        // between markers is copied a run at a time. Building Characters one by one was
        // most of the cost of reading a bank, which the first frame waits for.
        var codes: [UInt8] = []
        var starts: [String.Index] = []
        if !text.anyByte({ $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) {
            // ASCII but CR LF (one character of two bytes): a character per byte.
            codes = Array(text.utf8)
            starts = Array(text.utf8.indices)
        } else {
            codes.reserveCapacity(text.utf8.count)
            starts.reserveCapacity(text.utf8.count + 1)
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                let character = text.utf8[index]
                codes.append(character < 0x80 && text.utf8.index(after: index) == next ? character : 0)
                starts.append(index)
                index = next
            }
        }
        starts.append(text.endIndex)
        let count = codes.count
        var spans: [Span] = []
        var current = ""
        var style: InlineStyle = []
        var i = 0
        let (backslash, backtick, star, underscore) = (UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"))

        func emit() {
            guard !current.isEmpty else { return }
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += current
            } else {
                spans.append(Span(current, style))
            }
            current = ""
        }
        /// Whether `marker` (one or two of a byte) closes later on the line. Inside code nothing is escaped.
        func has(_ marker: UInt8, twice: Bool = false, from start: Int) -> Bool {
            var j = start
            let length = twice ? 2 : 1
            while j + length <= count {
                if codes[j] == backslash, marker != backtick { j += 2; continue }
                if codes[j] == marker, !twice || codes[j + 1] == marker { return true }
                j += 1
            }
            return false
        }
        func character(_ at: Int) -> Character { at >= 0 && at < count ? text[starts[at]] : " " }
        /// Appends the characters from `i` up to the next one that may be markup.
        func copyRun() {
            var j = i + 1
            while j < count, codes[j] != backslash, codes[j] != backtick, codes[j] != star, codes[j] != underscore { j += 1 }
            current += text[starts[i]..<starts[j]]
            i = j
        }

        while i < count {
            let c = codes[i]
            if c == backslash, i + 1 < count, codes[i + 1] != 0, "\\`*_-#[".utf8.contains(codes[i + 1]), !style.contains(.code) {
                current.append(character(i + 1))
                i += 2
                continue
            }
            if c == backtick {
                if style.contains(.code) {
                    emit(); style.remove(.code); i += 1; continue
                }
                if has(backtick, from: i + 1) {
                    emit(); style.insert(.code); i += 1; continue
                }
            } else if !style.contains(.code) {
                if c == star, i + 1 < count, codes[i + 1] == star {
                    if style.contains(.strong) {
                        emit(); style.remove(.strong); i += 2; continue
                    }
                    if has(star, twice: true, from: i + 2) {
                        emit(); style.insert(.strong); i += 2; continue
                    }
                } else if c == star || c == underscore {
                    let (before, after) = (character(i - 1), character(i + 1))
                    if style.contains(.emphasis) {
                        if !(c == underscore && (after.isLetter || after.isNumber)) {
                            emit(); style.remove(.emphasis); i += 1; continue
                        }
                    } else if !(c == underscore && (before.isLetter || before.isNumber)),
                              !after.isWhitespace, has(c, from: i + 1) {
                        emit(); style.insert(.emphasis); i += 1; continue
                    }
                }
            }
            copyRun()
        }
        emit()
        return spans
    }

    /// Writes spans back as inline Markdown: markers only where the style changes, and
    /// escapes for what would otherwise be read as markup.
    public static func write(_ spans: [Span]) -> String {
        var out = ""
        var current: InlineStyle = []
        for span in spans where !span.text.isEmpty {
            out += transition(from: current, to: span.style)
            current = span.style
            // Most text has nothing to escape: append it whole rather than per character.
            out += span.style.contains(.code) || !span.text.anyByte(Self.isMarker)
                ? span.text
                : span.text.reduce(into: "") { acc, c in
                    if "\\`*_".contains(c) { acc.append("\\") }
                    acc.append(c)
                }
        }
        return out + transition(from: current, to: [])
    }

    /// The markers between two styles, in the order `parse` reads a run of them: code
    /// closes first (nothing is markup inside it), then `**` before `*` whether each opens
    /// or closes (a run of asterisks is read two at a time first), then code opens.
    private static func transition(from old: InlineStyle, to new: InlineStyle) -> String {
        let toggled = old.symmetricDifference(new)
        // Inside code `*` is text: a change of emphasis or strength closes it and opens it again.
        let restyled = !toggled.subtracting(.code).isEmpty
        var markers = old.contains(.code) && (!new.contains(.code) || restyled) ? "`" : ""
        if toggled.contains(.strong) { markers += "**" }
        if toggled.contains(.emphasis) { markers += "*" }
        if new.contains(.code), !old.contains(.code) || restyled { markers += "`" }
        return markers
    }

    /// The bytes that may begin markup, which `write` escapes outside code: backslash,
    /// backtick, asterisk, underscore.
    private static func isMarker(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }
}

extension String {
    /// Whether a byte of the text's UTF-8 passes `test`, read from its contiguous bytes
    /// when it has them (a native string has): banks are read at every start.
    func anyByte(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
    }
}
