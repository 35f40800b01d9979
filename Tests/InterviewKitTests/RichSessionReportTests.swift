import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports

/// The same rich session (issue 29) in every format: a plan of five with a question of the
/// interviewer's own, a skip, a follow-up, a pause, an undo, an interruption and a resume,
/// no decision, a reopening. Numbered as the interview numbered it, in the order asked.
@Suite struct RichSessionReportTests {
    static let ownQuestion = "Tell me about a time you changed your mind."

    static func session() throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "rich", candidate: "Ada Lovelace",
                                   interviewer: "Grace Hopper", startedAt: ReportFixtures.startedAt, plan: [0, 1, 4, 5, 8])
        engine.perform(.setNotes([NoteLine(at: 20, text: "Defines it with an example")]), at: 20)
        engine.perform(.toggleFollowUp(0), at: 30)
        engine.perform(.rate(3), at: 60)
        engine.perform(.addQuestion(ownQuestion), at: 70)                  // number 2, after the first
        engine.perform(.setNotes([NoteLine(at: 5, text: "Seemed nervous, maybe not a culture fit")]), at: 75)
        engine.perform(.rate(2), at: 100)
        engine.perform(.next, at: 110)                                     // bank question 2, number 3
        engine.perform(.rate(4), at: 140)                                  // rated with no note
        engine.perform(.togglePause, at: 150)
        engine.perform(.togglePause, at: 170)
        engine.perform(.toggleRubric(0), at: 175)
        engine.perform(.undo, at: 176)
        engine.perform(.next, at: 180)                                     // bank question 5, number 4
        engine.perform(.skip(reason: "Out of time for it"), at: 185)
        engine.perform(.interrupt, at: 200)
        var resumed = SessionEngine(file: try ReportFixtures.roundTrip(engine.snapshot(at: 200)))
        resumed.perform(.reopen, at: 200)
        resumed.perform(.next, at: 205)                                    // bank question 6, number 5
        resumed.perform(.setNotes([NoteLine(at: 10, text: "Walks through the trade-offs")]), at: 215)
        resumed.perform(.next, at: 240)                                    // bank question 9, number 6: not reached
        resumed.perform(.wrapUp, at: 245)
        resumed.perform(.recommend(Rating.noDecision), at: 260)
        resumed.perform(.end, at: 280)
        var reopened = SessionEngine(file: try ReportFixtures.roundTrip(resumed.snapshot(at: 280)))
        reopened.perform(.reopenEnded, at: 280)
        reopened.perform(.setClosingNotes([NoteLine(at: 0, text: "Ask a second interviewer.")]), at: 290)
        reopened.perform(.end, at: 300)
        return try ReportFixtures.roundTrip(reopened.snapshot(at: 300))
    }

    static func report() throws -> SessionReport { SessionReport(try session(), file: "rich.json") }

    @Test func theModelTellsTheInterviewAsItRan() throws {
        let report = try Self.report()
        let bank = try BankLoader.load("machine-learning")
        #expect(report.questions.map(\.number) == [1, 2, 3, 4, 5, 6], "numbered as asked")
        #expect(report.questions.map(\.prompt) == [bank.questions[0].prompt, Self.ownQuestion, bank.questions[1].prompt,
                                                   bank.questions[4].prompt, bank.questions[5].prompt, bank.questions[8].prompt])
        #expect(report.questions.map(\.bankNumber) == [1, nil, 2, 5, 6, 9])
        #expect(report.questions.map(\.state) == ["asked", "asked", "asked", "skipped", "asked", "not asked"])
        #expect(report.questions[1].added)
        #expect(report.questions[3].skipReason == "Out of time for it")
        #expect(report.questions[0].followUps.first?.asked == true)
        #expect(report.notInPlan == bank.questions.count - 5)
        #expect(report.recommendation == Rating.noDecision)
        #expect(report.totalSeconds == 260, "280 s less a 20 s pause; the amendment is not counted")
        #expect(report.amendingSeconds == 20)
        #expect(report.timeline.map(\.kind) == [.paused, .resumed, .undo, .interrupted, .resumedAfterInterruption, .ended,
                                                .reopenedAfterEnd, .ended])
        #expect(report.timeline[2].detail == "a tick on question 3")
        #expect(report.timeline[0].clockTime == "2027-01-15T08:02:30Z", "before the interruption: known")
        #expect(report.timeline[4].clockTime == nil, "after it: unknown")
        let first = try #require(report.questions[0].notes.first)
        #expect(first.interviewSeconds == 20)
        #expect(first.clockTime == "2027-01-15T08:00:20Z")
        #expect(report.questions[4].notes.first?.interviewSeconds == 215)
        #expect(report.questions[4].notes.first?.clockTime == nil)
        #expect(report.evidence.map(\.kind) == [.wordToAvoid, .wordToAvoid, .ratedWithoutNote, .askedUnrated])
        #expect(report.evidence.map(\.word) == ["nervous", "culture fit", nil, nil])
    }

    /// Every field of the model, in Markdown and HTML: a field no format renders fails
    /// here, and so does a new field until this test says how each format shows it.
    @Test func everyFormatRendersEveryFieldOfTheModel() throws {
        let report = try Self.report()
        let markdown = Scorecard.render([report], as: .markdown)
        let html = Scorecard.render([report], as: .html)
        let formats: [(String, String, (String) -> String)] = [
            ("Markdown", markdown, { ReportText.markdown($0, in: .inline) }), ("HTML", html, { ReportText.html($0) })]
        for (format, text, escape) in formats {
            func expectShown(_ fact: String, _ field: String) {
                #expect(text.contains(escape(fact)) || text.contains(fact), "\(format) leaves out \(field): \(fact)")
            }
            for q in report.questions {
                for child in Mirror(reflecting: q).children {
                    let field = (child.label ?? "").replacingOccurrences(of: "_", with: "")
                    guard let facts = Self.facts(of: q, field: field) else {
                        Issue.record("question field \(field): say how each format shows it")
                        continue
                    }
                    for fact in facts { expectShown(fact, "question \(q.number)'s \(field)") }
                }
            }
            for child in Mirror(reflecting: report).children {
                let field = (child.label ?? "").replacingOccurrences(of: "_", with: "")
                guard let facts = Self.facts(of: report, field: field) else {
                    Issue.record("report field \(field): say how each format shows it")
                    continue
                }
                for fact in facts { expectShown(fact, field) }
            }
        }
    }

    /// What shows a question's field, nil for a field this test does not know.
    static func facts(of q: SessionReport.QuestionReport, field: String) -> [String]? {
        switch field {
        case "number", "prompt": ["\(q.number). "]
        case "bankNumber", "id", "tags", "planned", "ratedAt", "budgetSeconds", "overBudget": []   // for tools; the time shows the budget
        case "elapsedSeconds": q.asked ? [ReportText.time(q.elapsedSeconds, budget: q.budgetSeconds)] : []
        case "asked", "skipped": q.skipped ? ["skipped"] : q.asked ? [] : ["not asked"]
        case "skipReason": q.skipReason.map { [$0] } ?? []
        case "added": q.added ? ["(added"] : []
        case "followUps": q.asked ? q.followUps.map(\.text) : []
        case "competencies": q.asked ? q.competencies : []
        case "rating": q.asked ? [ReportText.rating(q.rating)] : []
        case "rubric": q.asked ? q.rubric.map(\.text) : []
        case "notes": q.notes.flatMap { [$0.text, ReportText.stamp($0.at), ReportText.noteTimes($0)] }
        case "amendedAfterEnd": q.amendedAfterEnd ? [ReportText.amended] : []
        default: nil
        }
    }

    static func facts(of r: SessionReport, field: String) -> [String]? {
        switch field {
        case "file", "id", "status", "mode", "startedAt", "endedAt", "competencies", "questions": r.field(field)
        case "candidate", "interviewer": [r.candidate, r.interviewer]
        case "bank": [r.bank.title]
        case "recommendation": [ReportText.rating(r.recommendation)]
        case "closingNotes": r.closingNotes.map(\.text)
        case "totalSeconds": [ReportText.time(r.totalSeconds, budget: r.bank.durationSeconds)]
        case "notInPlan": [ReportText.notInPlan(r.notInPlan)]
        case "timeline": r.timeline.map(ReportText.timelineEntry)
        case "amendedAt": r.amendedAt.map { _ in [ReportText.amended] } ?? []
        case "amendingSeconds": r.amendedAt == nil ? [] : [Durations.clock(r.amendingSeconds)]
        case "overallAmended": r.overallAmended ? [ReportText.amended] : []
        case "uncoveredCompetencies": r.uncoveredCompetencies
        case "evidence": r.evidence.map(\.message)
        default: nil
        }
    }

    /// Every key of the model is in the JSON, every question in order, numbered as asked,
    /// no decision as `"noDecision"`.
    @Test func theJSONHasEveryFieldOfTheModel() throws {
        let report = try Self.report()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Scorecard.render([report], as: .json).utf8)) as? [String: Any])
        let session = try #require((json["sessions"] as? [[String: Any]])?.first)
        for child in Mirror(reflecting: report).children {
            let key = (child.label ?? "").replacingOccurrences(of: "_", with: "")
            #expect(session.keys.contains(key), "the JSON leaves out \(key)")
        }
        let questions = try #require(session["questions"] as? [[String: Any]])
        for child in Mirror(reflecting: report.questions[0]).children {
            let key = (child.label ?? "").replacingOccurrences(of: "_", with: "")
            #expect(questions.allSatisfy { $0.keys.contains(key) }, "the JSON leaves out a question's \(key)")
        }
        #expect(questions.compactMap { $0["number"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(session["recommendation"] as? String == "noDecision")
        #expect(session["notInPlan"] as? Int == 10)
    }

    /// The debrief, built from the same model, numbers and marks the questions alike.
    @Test func theDebriefTellsTheSame() throws {
        let debrief = try Debrief([("rich.json", try Self.session())])
        let markdown = debrief.render(as: .markdown)
        let report = try Self.report()
        for q in report.questions where q.asked || q.skipped {
            #expect(markdown.contains(ReportText.markdown(q.prompt, in: .inline)) || markdown.contains(q.prompt), "\(q.prompt)")
        }
        #expect(markdown.contains("skipped"))
        #expect(markdown.contains(Self.ownQuestion))
        let json = debrief.render(as: .json)
        #expect(json.contains("\"noDecision\""))
    }
}

private extension SessionReport {
    /// Fields shown by other fields' facts, or in the header by their values.
    func field(_ name: String) -> [String] {
        switch name {
        case "status": [status.rawValue]
        case "mode": [mode.rawValue]
        case "startedAt": [ReportText.date(startedAt)]
        default: []
        }
    }
}
