import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports

/// An ended interview opened again (`resume --reopen`): recorded as an event, and the
/// report marks what was added after the end, from the events and from the summary alike.
@Suite struct AmendTests {
    @Test func whatChangesAfterTheEndIsMarked() throws {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "amend", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.rate(2), at: 10)
        engine.perform(.next, at: 20)
        engine.perform(.end, at: 30)
        var reopened = SessionEngine(file: engine.snapshot(at: 30))
        let plain = reopened.perform(.reopen, at: 30)
        #expect(!plain, "an ended interview is not reopened by a plain resume")
        let amending = reopened.perform(.reopenEnded, at: 30)
        #expect(amending)
        #expect(reopened.state.status == .inProgress)
        reopened.perform(.toggleRubric(0), at: 35)
        reopened.perform(.end, at: 40)
        let file = reopened.snapshot(at: 40)
        #expect(file.events.contains { $0.type == .reopenedAfterEnd && $0.at == 30 })

        let report = SessionReport(file, file: "amend.json")
        #expect(report.amendedAt == 30)
        #expect(report.questions[1].amendedAfterEnd, "the tick after the end")
        #expect(!report.questions[0].amendedAfterEnd, "the rating before it")
        #expect(!report.overallAmended)
        let markdown = Scorecard.render([report], as: .markdown)
        #expect(markdown.contains("### 2. ") && markdown.contains(ReportText.amended))
        #expect(markdown.components(separatedBy: ReportText.amended).count == 3, "the header and question 2, nothing else")

        let summary = try SessionSummary.decode(try file.encoded(), file: "amend.json")
        #expect(SessionReport(summary, file: "amend.json") == report, "the summary says the same")
    }
}

/// A reopening is an amendment with its own time: the interview's clocks stopped when it
/// ended (issue 29: a total of 02:15 became 02:25 after `resume --reopen`).
@Suite struct AmendTimeTests {
    @Test func reopenedTimeIsNotAddedToTheInterviewsClocks() throws {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "amend-time", candidate: "Ada",
                                   interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.rate(2), at: 100)
        engine.perform(.next, at: 120)
        engine.perform(.end, at: 135)
        let ended = SessionReport(engine.snapshot(at: 135), file: "a.json")
        var reopened = SessionEngine(file: engine.snapshot(at: 135))
        reopened.perform(.reopenEnded, at: 135)
        reopened.perform(.toggleRubric(0), at: 140)
        #expect(reopened.state.totalElapsed(at: 145) == 135, "the live total stands still while amending")
        reopened.perform(.end, at: 145)
        let file = reopened.snapshot(at: 145)
        let amended = SessionReport(file, file: "a.json")
        #expect(amended.totalSeconds == ended.totalSeconds)
        #expect(amended.totalSeconds == 135)
        #expect(amended.questions.map(\.elapsedSeconds) == ended.questions.map(\.elapsedSeconds))
        #expect(file.finalState.amendingSeconds == 10, "the amendment keeps its own time")
    }
}

/// The report rolls ratings up per competency, and names those the interview left uncovered.
@Suite struct CompetencyReportTests {
    @Test func ratingsRollUpPerCompetency() throws {
        let bank = try BankLoader.load("machine-learning")
        var engine = SessionEngine(bank: bank, id: "c", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000), plan: [0, 1])
        engine.perform(.rate(3), at: 10)
        engine.perform(.next, at: 20)
        engine.perform(.rate(1), at: 30)
        let report = SessionReport(engine.snapshot(at: 40), file: "c.json")
        let first = Set(bank.questions[0].competencies), second = Set(bank.questions[1].competencies)
        #expect(!first.isEmpty && !second.isEmpty)
        for competency in report.competencies {
            let expected = [first.contains(competency.name) ? 3.0 : nil, second.contains(competency.name) ? 1.0 : nil].compactMap { $0 }
            #expect(competency.averageRating == expected.reduce(0, +) / Double(expected.count), "\(competency.name)")
        }
        let all = Set(bank.questions.flatMap(\.competencies))
        #expect(Set(report.uncoveredCompetencies) == all.subtracting(first.union(second)))
        let markdown = Scorecard.render([report], as: .markdown)
        #expect(markdown.contains("## Competencies") && markdown.contains("Not covered:"))
    }
}
