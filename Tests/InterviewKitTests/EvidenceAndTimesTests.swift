import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports

/// The evidence check (issue 29): a pure function of the report model, warning, never blocking.
@Suite struct EvidenceCheckTests {
    static func report(_ perform: (inout SessionEngine) -> Void) throws -> SessionReport {
        var engine = SessionEngine(bank: try ReportFixtures.bank(), id: "e", candidate: "Ada", interviewer: "Grace",
                                   startedAt: ReportFixtures.startedAt)
        perform(&engine)
        return SessionReport(try ReportFixtures.roundTrip(engine.snapshot(at: 1000)), file: "e.json")
    }

    @Test func aRatingBeforeAnyNoteIsFlagged() throws {
        let report = try Self.report { engine in
            engine.perform(.rate(3), at: 10)
            engine.perform(.setNotes([NoteLine(at: 20, text: "Explains the gap")]), at: 20)
        }
        #expect(report.evidence.map(\.kind) == [.ratedBeforeNote])
        #expect(report.evidence[0].message == "Question 1: rated before any note was written")
        let noted = try Self.report { engine in
            engine.perform(.setNotes([NoteLine(at: 5, text: "Explains the gap")]), at: 5)
            engine.perform(.rate(3), at: 10)
        }
        #expect(noted.evidence.isEmpty, "\(noted.evidence)")
    }

    @Test func aRecommendationFarFromTheRatingsIsFlagged() throws {
        let report = try Self.report { engine in
            for (index, rating) in [1, 2, 2].enumerated() {
                if index > 0 { engine.perform(.next, at: Double(index * 100)) }
                engine.perform(.setNotes([NoteLine(at: 1, text: "Answer \(index)")]), at: Double(index * 100 + 1))
                engine.perform(.rate(rating), at: Double(index * 100 + 2))
            }
            engine.perform(.wrapUp, at: 400)
            engine.perform(.recommend(4), at: 401)
        }
        #expect(report.evidence.map(\.message) == ["Recommend 4, ratings average 1.7"])
    }

    @Test func wordsToAvoidAreWholeWordsAndATeamCanAddItsOwn() throws {
        let report = try Self.report { engine in
            engine.perform(.setNotes([NoteLine(at: 1, text: "Her AGE came up; talked about the garage and hobbies")]), at: 1)
            engine.perform(.rate(3), at: 2)
        }
        #expect(report.evidence.map(\.word) == ["age"], "garage is not age")
        #expect(report.evidence[0].note == "Her AGE came up; talked about the garage and hobbies", "names the note")
        let extended = EvidenceCheck.warnings(report, words: EvidenceCheck.words(adding: ["Hobbies"]))
        #expect(extended.map(\.word) == ["age", "hobbies"])
        let config = try Config.parse("avoid_words = [\"hobbies\", \"where they live\"]\n", file: "config.toml",
                                      folder: URL(fileURLWithPath: "/c"), home: URL(fileURLWithPath: "/h"))
        #expect(config.avoidWords == ["hobbies", "where they live"])
        #expect(throws: InputError.self) {
            try Config.parse("avoid_words = \"hobbies\"\n", file: "config.toml", folder: URL(fileURLWithPath: "/c"),
                             home: URL(fileURLWithPath: "/h"))
        }
    }

    @Test func shortLinesForTheWrapUpScreen() {
        let warnings = (1...8).map { (n: Int) in
            EvidenceWarning(kind: .askedUnrated, question: n, word: nil, note: nil, message: "Question \(n): asked, not rated")
        }
        #expect(EvidenceCheck.lines(warnings, limit: 4) == ["Question 1: asked, not rated", "Question 2: asked, not rated",
                                                           "Question 3: asked, not rated", "… and 5 more"])
        #expect(EvidenceCheck.lines([]).isEmpty)
    }
}

/// One rounding rule for every clock: down, as the screen shows it (issue 29: the wrap-up
/// said 01:01 where the report said 01:02 for the same question).
@Suite struct RoundingRuleTests {
    @Test func theReportRoundsAsTheScreenDoes() throws {
        var engine = SessionEngine(bank: try ReportFixtures.bank(), id: "r", candidate: "Ada", interviewer: "Grace",
                                   startedAt: ReportFixtures.startedAt)
        engine.perform(.rate(3), at: 1)
        engine.perform(.next, at: 61.6)
        let file = try ReportFixtures.roundTrip(engine.snapshot(at: 61.6))
        let screen = Int(file.finalState.questionElapsed(0, at: 61.6))   // what the live screen and wrap-up show
        let report = SessionReport(file, file: "r.json")
        #expect(screen == 61)
        #expect(report.questions[0].elapsedSeconds == screen)
        #expect(file.questions[0].elapsedSeconds == screen, "the session file's summary")
        #expect(Durations.wholeSeconds(61.9999999) == 62, "the millisecond the events are stamped to comes first")
        #expect(Durations.wholeSeconds(-1) == 0 && Durations.wholeSeconds(.nan) == 0)
    }
}

/// `stats` columns in terminal cells: CJK and emoji names line up.
@Suite struct StatsDisplayWidthTests {
    @Test func wideNamesLineUp() {
        let table = SessionStats.table(header: ["NAME", "SESSIONS"], rows: [["山田太郎", "3"], ["Ada 🚀", "12"], ["Bo", "1"]],
                                       rightAligned: [1], indent: "")
        let lines = table.split(separator: "\n")
        let ends = lines.map { DisplayWidth.of($0) }
        #expect(Set(ends).count == 1, "every row ends in the same column:\n\(table)")
        #expect(SessionStats.cell("山田太郎山田太郎", 9) == "山田太郎…", "cut to 9 cells, not 9 characters")
    }
}
