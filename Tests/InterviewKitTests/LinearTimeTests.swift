import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports
@testable import InterviewPrivacy
import InterviewSamples

/// Work that must stay linear in the size of the text: sizes at which the quadratic
/// versions ran for minutes (a 40,000-line note took 446 s to redact, release build),
/// so that this suite would not finish with them. No time is measured here: `scripts/bench`
/// does (docs/benchmarks.md).
@Suite struct LinearTimeTests {
    /// `redact --deleted` on a pasted page of 40,000 lines, of which ten were deleted
    /// during the interview: those go from the log, the rest stays.
    @Test func redactingWhatWasDeletedFromAHugePastedNote() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        let page = (0..<40_000).map { NoteLine(at: 1, text: "line \($0) of the pasted page") }
        engine.perform(.setNotes(page), at: 2)
        engine.perform(.setNotes(Array(page[..<100]) + Array(page[110...])), at: 3)
        engine.perform(.interrupt, at: 4)
        let file = engine.snapshot(at: 4)
        let document = RedactionDocument(file: file, name: "s.json")
        #expect(document.sections.first?.entries.map(\.text) == (100..<110).map { "line \($0) of the pasted page" })
        let outcome = try document.apply(document.textWithoutDeleted, file: "notes.txt", now: Date())
        let saved = String(decoding: try outcome.file.encoded(), as: UTF8.self)
        #expect(!saved.contains("line 105 of the pasted page"))
        #expect(saved.contains("line 110 of the pasted page") && saved.contains("line 39999 of the pasted page"))
        #expect(outcome.file.questions[0].notes.count == 39_990)
    }

    /// The HTML report of a question whose prompt is a whole pasted page (200,000
    /// characters): its chart label is cut to fit, summed once.
    @Test func anHTMLReportOfAHugePrompt() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.addQuestion(String(repeating: "Why would a model overfit? ", count: 7_500)), at: 1)
        engine.perform(.markAsked, at: 2)
        engine.perform(.end, at: 3)
        let html = Scorecard.render([SessionReport(engine.snapshot(at: 3), file: "s.json")], as: .html)
        let label = try #require(html.firstMatch(of: /">\d+\. Why would a model/))
        let shown = html[label.range.upperBound...].prefix { $0 != "<" }
        #expect(shown.hasSuffix("…") && shown.count < 40, "\(shown)")
    }

    /// The finder says what `contains` says, text by text (by scalars), on random texts
    /// over a small alphabet, where texts overlap, nest and repeat.
    @Test func theSubstringFinderAgreesWithContains() {
        var random = SeededRandom(seed: 26)
        func text(_ length: ClosedRange<Int>) -> [Unicode.Scalar] {
            (0..<Int.random(in: length, using: &random)).map { _ in ["a", "b", "c", "é"][Int.random(in: 0...3, using: &random)] }
        }
        for _ in 0..<300 {
            let haystack = text(0...60)
            let needles = (0..<Int.random(in: 0...12, using: &random)).map { _ in text(0...6) }
            let expected = needles.map { needle in
                needle.isEmpty || (0...max(0, haystack.count - needle.count)).contains { start in
                    start + needle.count <= haystack.count && haystack[start..<(start + needle.count)].elementsEqual(needle)
                }
            }
            // The haystack in parts, as the notes' lines are: a text may span two.
            let cut = Int.random(in: 0...haystack.count, using: &random)
            let parts = [TextRemoval.string(Array(haystack[..<cut])), TextRemoval.string(Array(haystack[cut...]))]
            #expect(SubstringFinder(needles).found(in: parts) == expected, "\(haystack) \(needles)")
        }
    }
}
