/// A candidate's name where an interviewer may have typed it: the whole name or any word
/// of it (two letters or more), as a word, in any case ("ask ada about Acme" for Ada
/// Lovelace). `anonymize` replaces it so in the prompts of the questions of one's own.
///
/// Matched scalar by scalar, each compared case-folded, with no word character (letter, mark,
/// digit, `_`) just before or after: what a case-insensitive `(?<!\w)(?:…)(?!\w)` finds.
struct CandidateName {
    /// The forms of the name, lowercased scalar by scalar; longest first, so that the
    /// whole name goes as one.
    private let forms: [[String]]
    private let replacement: String

    init(_ name: String, replacement: String) {
        let words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let forms = Set(([words.joined(separator: " ")] + words).filter { $0.count >= 2 })
        self.forms = forms.sorted { ($0.count, $0) > ($1.count, $1) }.map(Self.lowercased)
        self.replacement = replacement
    }

    /// `text` with the name replaced, and how many characters (Unicode scalars) of the
    /// name went; nil when the name is not in it.
    func replaced(in text: String) -> (text: String, characters: Int)? {
        let scalars = Array(text.unicodeScalars)
        let lowered = Self.lowercased(text)
        var out = String.UnicodeScalarView()
        var characters = 0
        var index = 0
        while index < scalars.count {
            let form = index > 0 && Self.isWord(scalars[index - 1]) ? nil : forms.first { form in
                let end = index + form.count
                return end <= scalars.count && lowered[index..<end].elementsEqual(form)
                    && (end == scalars.count || !Self.isWord(scalars[end]))
            }
            if let form {
                out.append(contentsOf: replacement.unicodeScalars)
                characters += form.count
                index += form.count
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return characters == 0 ? nil : (String(out), characters)
    }

    /// Upper case then lower, scalar by scalar: so a final `ς`, a `σ` and a `Σ` are all `σ`,
    /// as case folding (the regular expression's case-insensitive match) has them.
    private static func lowercased(_ text: String) -> [String] {
        text.unicodeScalars.map { String($0.properties.uppercaseMapping).lowercased() }
    }

    /// A character of a word as regular expressions' `\w` has it.
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: true
        default: scalar.properties.isAlphabetic || scalar == "\u{200C}" || scalar == "\u{200D}"
        }
    }
}
