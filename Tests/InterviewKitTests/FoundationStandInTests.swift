import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewPrivacy

/// The program's stand-ins for what it used of full Foundation (docs/architecture.md) give
/// what Foundation gives, checked here against Foundation itself (tests may import it).
@Suite struct FoundationStandInTests {
    static let texts = ["", "  ", "Ada", "  Ada Lovelace \t", "\n ada\r\n", "\u{00A0}Zoë\u{2003}", "é", "👩‍💻 x", "ｆｕｌｌ width",
                        "José García", "Straße", "ﬁne", "ÅNGSTRÖM", "łódź", "a\u{0301}b", "İstanbul", "<SUMMARY>x</Summary>"]

    @Test func fixedPointIsPrintfs() {
        for value in [0, 0.05, 0.25, 0.35, 1.45, 2.05, 2.5, 3.75, -0.05, 1023.95, 1e20, .pi] {
            #expect(fixedPoint(value, decimals: 1) == String(format: "%.1f", value))
            #expect(fixedPoint(value, decimals: 3) == String(format: "%.3f", value))
        }
    }

    @Test func paddedIsNSStringsPadding() {
        for text in Self.texts {
            for length in [0, 1, 3, 8, 20] {
                #expect(text.padded(toLength: length) == text.padding(toLength: length, withPad: " ", startingAt: 0), "\(text) to \(length)")
            }
        }
    }

    @Test func trimmedIsTrimmingWhitespaceAndNewlines() {
        for text in Self.texts {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
        }
    }

    @Test func foldedIsFoldingCaseAndDiacritics() {
        for text in Self.texts where text != "İstanbul" {
            #expect(text.folded() == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), "\(text)")
            #expect(text.folded(ignoringWidth: true)
                    == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil), "\(text)")
        }
    }

    @Test func caseInsensitiveSearchFindsWhatFoundationFinds() {
        let needles = ["<summary", "</summary>", "ada", "STRASSE", "x", " and for ", "é"]
        for text in Self.texts + ["look for X and for Y", "a </SUMMARY> b </summary>"] {
            for needle in needles {
                let found = text.firstRange(ofIgnoringCase: needle)
                let foundation = text.range(of: needle, options: .caseInsensitive)
                // Foundation folds `ß` to `ss` when it searches; the program's markers are ASCII.
                if text == "Straße" { continue }
                #expect(found == foundation, "\(needle) in \(text)")
            }
        }
        #expect("<B>bold</b> <b>".removingAll(ignoringCase: "<b>") == "bold</b> ")
    }

    @Test func candidateNameIsReplacedAsTheRegularExpressionDid() {
        let texts = ["ask ada about Acme", "Ada Lovelace met ADA.", "adam and _ada and ada_ and éada and adaé",
                     "Ask Ada Lovelace about the engine", "Did ada's team at Lovelaceworks ship it?", "no name here",
                     "ada\u{0301} and ada1 and 1ada and ada-b", "José asked jose and JOSÉ",
                     "ask ΝΊΚΟΣ about it", "νίκοσ and Νίκος"]
        // Greek: a final ς, a σ and a Σ are one letter to a case-insensitive match.
        for name in ["Ada Lovelace", "José", "A B", "Ada", "Νίκος"] {
            let mine = CandidateName(name, replacement: "Candidate $1 \\0")
            for text in texts {
                #expect(mine.replaced(in: text).map { [$0.text, "\($0.characters)"] } == Self.regexReplaced(name, in: text), "\(name) in \(text)")
            }
        }
    }

    /// What `CandidateName` did before, with NSRegularExpression.
    static func regexReplaced(_ name: String, in text: String) -> [String]? {
        let words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let forms = Set(([words.joined(separator: " ")] + words).filter { $0.count >= 2 })
        let alternatives = forms.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        guard !alternatives.isEmpty, let pattern = try? NSRegularExpression(
            pattern: "(?<![\\w])(?:" + alternatives.joined(separator: "|") + ")(?![\\w])", options: [.caseInsensitive]) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        let matches = pattern.matches(in: text, range: range)
        guard !matches.isEmpty else { return nil }
        let characters = matches.compactMap { Range($0.range, in: text) }.reduce(0) { $0 + text[$1].unicodeScalars.count }
        let replaced = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: "Candidate $1 \\0"))
        return [replaced, "\(characters)"]
    }
}
