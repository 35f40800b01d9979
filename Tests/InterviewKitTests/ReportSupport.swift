import Foundation
import Testing
import InterviewCore

/// Sessions for the report and stats tests, built with the engine the way a live
/// interview builds them.
enum ReportFixtures {
    static let bankText = """
    ---
    title: Report fixture
    duration: 20m
    ---
    ## What is overfitting, and how do you *prevent* it?
    id: overfitting
    time: 3m
    ### Expected answer
    Fits noise.
    ### Rubric
    - [ ] Defines overfitting
    - [ ] Train vs validation gap
    - [ ] Names a remedy (`dropout`, early stopping)

    ## Bias | variance: the trade-off?
    id: bias-variance
    time: 2m
    ### Expected answer
    Both matter.
    ### Rubric
    - [ ] Bias
    - [ ] Variance

    ## Tell me about a past project.
    id: past-project
    time: 5m
    ### Expected answer
    A project.

    ## Never asked?
    id: never-asked
    time: 4m
    ### Expected answer
    Nothing.
    ### Rubric
    - [ ] Something
    """

    static func bank() throws -> Bank {
        try BankParser.parse(bytes: Array(bankText.utf8), file: "fixture.md")
    }

    static let startedAt = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    /// The golden session: wide characters, an emoji, a `<script>`, an escape sequence,
    /// Markdown that must stay text, a pause, a question over budget, one never asked.
    static func goldenSession() throws -> SessionFile {
        var engine = SessionEngine(bank: try bank(), id: "5f0c2a9e-golden", candidate: "Ada <Lovelace> & Co",
                                   interviewer: "Grace Hopper", startedAt: startedAt)
        engine.perform(.toggleRubric(0), at: 20)
        engine.perform(.setNotes([NoteLine(at: 12, text: "候補者は正則化を説明した 🚀")]), at: 30)
        engine.perform(.toggleRubric(2), at: 40)
        engine.perform(.setNotes([
            NoteLine(at: 12, text: "候補者は正則化を説明した 🚀"),
            NoteLine(at: 45, text: "<script>alert('x')</script> & \"quotes\""),
            NoteLine(at: 61.5, text: "\u{1B}[31mred\u{1B}[0m and a\ttab"),
            NoteLine(at: 90, text: "# not a heading | not a cell *not emphasis* [no](link)"),
        ]), at: 95)
        engine.perform(.rate(3), at: 150)
        engine.perform(.next, at: 200)                 // question 1: 200 s of 180
        engine.perform(.toggleRubric(1), at: 210)
        engine.perform(.togglePause, at: 230)
        engine.perform(.togglePause, at: 300)
        engine.perform(.setNotes([NoteLine(at: 25, text: "1. not a list"), NoteLine(at: 40, text: "- nor this")]), at: 315)
        engine.perform(.rate(2), at: 318)
        engine.perform(.next, at: 320)                 // question 2: 50 s of 120
        engine.perform(.setNotes([NoteLine(at: 10, text: "Built a ranking model; owns the pipeline end to end.")]), at: 400)
        engine.perform(.rate(4), at: 480)
        engine.perform(.wrapUp, at: 500)               // question 3: 180 s of 300; question 4 never opened
        engine.perform(.recommend(3), at: 520)
        engine.perform(.setClosingNotes([NoteLine(at: 530, text: "Strong fundamentals; probe MLOps next."),
                                         NoteLine(at: 540, text: "Would hire 👍")]), at: 545)
        engine.perform(.end, at: 560)
        engine.markEnded(now: startedAt.addingTimeInterval(600))
        return try roundTrip(engine.snapshot(at: 560))
    }

    /// Through JSON and back, as a report reads it.
    static func roundTrip(_ file: SessionFile) throws -> SessionFile {
        try SessionFile.decode(try file.encoded(), file: "fixture.json")
    }

    /// A plain session on the fixture bank: `seconds` on each of the first questions
    /// (one entry per question opened), with those ratings.
    static func simpleSession(id: String, candidate: String, startedAt: Date, seconds: [Double], ratings: [Int?],
                              recommendation: Int? = nil) throws -> SessionFile {
        var engine = SessionEngine(bank: try bank(), id: id, candidate: candidate, interviewer: "Grace",
                                   startedAt: startedAt)
        var t = 0.0
        for (index, duration) in seconds.enumerated() {
            if index > 0 { engine.perform(.next, at: t) }
            if let rating = ratings[index] { engine.perform(.rate(rating), at: t + 1) }
            t += duration
        }
        engine.perform(.wrapUp, at: t)
        if let recommendation { engine.perform(.recommend(recommendation), at: t + 1) }
        engine.perform(.end, at: t + 2)
        return try roundTrip(engine.snapshot(at: t + 2))
    }
}

/// Compares `actual` with `Golden/NAME`; `INTERVIEW_RECORD_SNAPSHOTS=1 swift test`
/// writes the files anew (review the diff); a missing file fails.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["INTERVIEW_RECORD_SNAPSHOTS"] != nil {
        try? Data(actual.utf8).write(to: url, options: .atomic)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(url.path); record it with INTERVIEW_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "(end)"
        let want = line < e.count ? String(e[line]) : "(end)"
        Issue.record("differs from Golden/\(name) at line \(line + 1):\n  got:  \(got)\n  want: \(want)",
                     sourceLocation: sourceLocation)
    }
}
