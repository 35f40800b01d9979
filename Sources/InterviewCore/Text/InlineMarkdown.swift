/// Inline Markdown: `*emphasis*` or `_emphasis_`, `**strong**`, `` `code` `` and
/// backslash escapes. An opener without a closer on the same line stays literal.
public enum InlineMarkdown {
    public static func parse(_ text: String) -> [Span] {
        // Most paragraphs have no markup: no need to look at them a character at a time.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "\\") }) else {
            return text.isEmpty ? [] : [Span(text)]
        }
        let chars = Array(text)
        var spans: [Span] = []
        var current = ""
        var style: InlineStyle = []
        var i = 0

        func emit() {
            guard !current.isEmpty else { return }
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += current
            } else {
                spans.append(Span(current, style))
            }
            current = ""
        }
        /// Whether `marker` closes later on the line. Inside code nothing is escaped.
        func has(_ marker: [Character], from start: Int) -> Bool {
            var j = start
            while j + marker.count <= chars.count {
                if chars[j] == "\\", marker != ["`"] { j += 2; continue }
                if chars[j] == marker[0], marker.count == 1 || chars[j + 1] == marker[1] { return true }
                j += 1
            }
            return false
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_-#[".contains(chars[i + 1]), !style.contains(.code) {
                current.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                if style.contains(.code) {
                    emit(); style.remove(.code); i += 1; continue
                }
                if has(["`"], from: i + 1) {
                    emit(); style.insert(.code); i += 1; continue
                }
            } else if !style.contains(.code) {
                if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                    if style.contains(.strong) {
                        emit(); style.remove(.strong); i += 2; continue
                    }
                    if has(["*", "*"], from: i + 2) {
                        emit(); style.insert(.strong); i += 2; continue
                    }
                } else if c == "*" || c == "_" {
                    let before = i > 0 ? chars[i - 1] : " "
                    let after = i + 1 < chars.count ? chars[i + 1] : " "
                    if style.contains(.emphasis) {
                        if !(c == "_" && (after.isLetter || after.isNumber)) {
                            emit(); style.remove(.emphasis); i += 1; continue
                        }
                    } else if !(c == "_" && (before.isLetter || before.isNumber)),
                              !after.isWhitespace, has([c], from: i + 1) {
                        emit(); style.insert(.emphasis); i += 1; continue
                    }
                }
            }
            current.append(c)
            i += 1
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
            out += span.style.contains(.code) || !span.text.utf8.contains(where: Self.needsEscape)
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

    /// The bytes that `write` escapes outside code: backslash, backtick, asterisk, underscore.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }
}
