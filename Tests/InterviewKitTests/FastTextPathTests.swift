import Testing
@testable import InterviewCore

/// The text routines the first frame waits for (reading the bank, drawing the screen) take
/// byte-level shortcuts where characters cost too much. Each shortcut must give what the
/// character-level rule gives: checked here against that rule, kept as an oracle, on texts
/// made to sit on the edges (marks on markers and spaces, a prepended sign, CR LF, wide
/// and non-Latin letters).
@Suite struct FastTextPathTests {
    /// Pieces the random texts are made of: markup, spaces, and characters that join the one
    /// before (a combining acute, a zero-width joiner) or the one after (U+0600, a prepended sign).
    static let pieces = ["*", "**", "_", "`", "\\", " ", "\t", "a", "Z", "7", "é", "e\u{0301}", "*\u{0301}", "_\u{0301}",
                         " \u{0301}", "\u{0600}", "\u{0600}*", "\u{200D}", "\r", "\r\n", "-", "#", "[", "—", "日", "👩‍💻", "ß", ".", ","]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func inlineMarkdownReadsAsTheCharacterRuleDoes() {
        for text in Self.texts(count: 20_000, seed: 7) + ["a *b* c", "**x** _y_ `z`", "\\*not\\*", "snake_case_name", "*é*", "_\u{0600}_", "a\r\n*b*", "*\r\n*", "\\\r\n*a*"] {
            #expect(InlineMarkdown.parse(text) == CharacterInlineMarkdown.parse(text), "\(text.debugDescription)")
        }
    }

    @Test func trimmingSpacesIsTheCharacterRule() {
        for text in Self.texts(count: 20_000, seed: 11) + ["  a  ", "\t\u{0301}x ", " \u{0600} ", "", "   "] {
            #expect(text.trimmingSpaces == text.trimming { $0 == " " || $0 == "\t" }, "\(text.debugDescription)")
        }
    }

    @Test func narrowBlocksAreOneCellByTheRule() {
        var narrow = 0
        for value in UInt32(0)...0x3000 where DisplayWidth.isNarrow(value) {
            let scalar = Unicode.Scalar(value)!
            let character = Character(scalar)
            #expect(DisplayWidth.byProperties(character.unicodeScalars, first: scalar) == 1, "U+\(String(value, radix: 16))")
            #expect(DisplayWidth.of(String(character)) == 1)
            narrow += 1
        }
        #expect(narrow == 0x260 + 0x18 + 0xA0)
        // A mark on a narrow character keeps the cluster one cell wide, as the rule says.
        #expect(DisplayWidth.of(Character("─\u{0301}")) == 1)
        #expect(DisplayWidth.of(Character("é")) == 1)
    }

    @Test func printableASCIIIsTheASCIIValueRule() {
        for text in Self.texts(count: 2_000, seed: 3) {
            for character in text {
                let byASCIIValue = character.asciiValue.map { $0 >= 0x20 && $0 < 0x7F } ?? false
                #expect(character.isPrintableASCII == byASCIIValue, "\(character.debugDescription)")
            }
        }
    }

    @Test func slugCountsCharactersAsBefore() {
        for text in Self.texts(count: 5_000, seed: 5) + ["Ünïcödé wörds", String(repeating: "e\u{0301}", count: 80)] {
            for limit in [3, 10, 60] {
                #expect(Slug.make(text, limit: limit) == Self.characterSlug(text, limit: limit), "\(text.debugDescription)")
            }
        }
    }

    /// The slug as it was made before its shortcut: counting the characters after each scalar.
    static func characterSlug(_ text: String, limit: Int) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                if out.count >= limit { break }
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "question" : out
    }
}

/// Inline Markdown read a Character at a time: the rule `InlineMarkdown.parse` keeps,
/// as it was written before it read by bytes.
private enum CharacterInlineMarkdown {
    static func parse(_ text: String) -> [Span] {
        guard text.utf8.contains(where: { "*_`\\".utf8.contains($0) }) else {
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
}
