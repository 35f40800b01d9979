import Foundation

/// A candidate's name where an interviewer may have typed it: the whole name or any word
/// of it (two letters or more), as a word, in any case ("ask ada about Acme" for Ada
/// Lovelace). `anonymize` replaces it so in the prompts of the questions of one's own.
struct CandidateName {
    private let pattern: NSRegularExpression?
    private let template: String

    init(_ name: String, replacement: String) {
        let words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let forms = Set(([words.joined(separator: " ")] + words).filter { $0.count >= 2 })
        // Longest first, so that the whole name goes as one.
        let alternatives = forms.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        pattern = alternatives.isEmpty ? nil
            : try? NSRegularExpression(pattern: "(?<![\\w])(?:" + alternatives.joined(separator: "|") + ")(?![\\w])", options: [.caseInsensitive])
        template = NSRegularExpression.escapedTemplate(for: replacement)
    }

    /// `text` with the name replaced, and how many characters (Unicode scalars) of the
    /// name went; nil when the name is not in it.
    func replaced(in text: String) -> (text: String, characters: Int)? {
        guard let pattern else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        let matches = pattern.matches(in: text, range: range)
        guard !matches.isEmpty else { return nil }
        let characters = matches.compactMap { Range($0.range, in: text) }.reduce(0) { $0 + text[$1].unicodeScalars.count }
        return (pattern.stringByReplacingMatches(in: text, range: range, withTemplate: template), characters)
    }
}
