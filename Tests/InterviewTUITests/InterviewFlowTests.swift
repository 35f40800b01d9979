import Foundation
import SchemaCheck
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports
@testable import InterviewTUI

/// The interview as interviewers run it: a plan, the question list, asked and skipped,
/// questions of one's own, follow-ups, anchors, no decision, pacing.
@Suite struct InterviewFlowTests {
    func state(plan: [Int]? = nil, duration: Int? = nil, bank: Bank? = nil, width: Int = 120, height: Int = 40) throws -> LiveState {
        let engine = SessionEngine(bank: try bank ?? BankLoader.load("machine-learning"), id: "flow", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000), durationSeconds: duration, plan: plan)
        return LiveState(engine: engine, size: Size(width: width, height: height))
    }

    @Test func aPlanChoosesAndOrdersTheQuestions() throws {
        let bank = try BankLoader.load("machine-learning")
        let plan = try #require(try InterviewPlan.make(questions: "1,3,7", tags: nil, bank: bank))
        #expect(plan == [0, 2, 6])
        #expect(try InterviewPlan.make(questions: "2,5,7-9", tags: nil, bank: bank) == [1, 4, 6, 7, 8])
        #expect(throws: InputError.self) { try InterviewPlan.make(questions: "0,3", tags: nil, bank: bank) }
        #expect(throws: InputError.self) { try InterviewPlan.make(questions: "3-2", tags: nil, bank: bank) }
        #expect(throws: InputError.self) { try InterviewPlan.make(questions: nil, tags: "no-such-tag", bank: bank) }
        #expect(InterviewPlan.fit(plan, bank: bank, durationSeconds: 180)?.contains("does not fit") == true)
        #expect(InterviewPlan.fit(plan, bank: bank, durationSeconds: 3600) == nil)

        var live = try state(plan: plan, duration: 180)
        #expect(LiveScreen.render(live).text.contains("Question 1/3"))
        Live.command("n", &live, at: 10)
        #expect(live.session.current == 2)
        #expect(LiveScreen.render(live).text.contains("Question 2/3"))
        Live.command("n", &live, at: 20)
        Live.press([.control("n")], &live, at: 20)
        #expect(live.session.wrappingUp, "after the plan's last: wrap-up")
    }

    @Test func theListJumpsAndWhatWasPassedIsNotAsked() throws {
        var live = try state()
        Live.command("g", &live, at: 1)
        #expect(LiveScreen.render(live).text.contains("Questions · number or ↑↓"))
        Live.press([.character("7"), .enter], &live, at: 2)
        #expect(live.session.current == 6 && live.overlay == nil)
        #expect((1...5).allSatisfy { !live.session.questions[$0].visited }, "nothing between was opened")
        Live.command("g", &live, at: 3)
        Live.press([.up, .up, .enter], &live, at: 3)
        #expect(live.session.current == 4)
        LiveReducer.reduce(&live, .tick, now: 5)
        let report = SessionReport(live.engine.snapshot(at: 5), file: "flow.json")
        #expect(report.questions.filter(\.asked).isEmpty, "opened for seconds with nothing gathered: not asked")
        Live.command("m", &live, at: 6)
        Live.command("g", &live, at: 7)
        Live.press([.character("1"), .enter], &live, at: 7)
        Live.command("x", &live, at: 7)
        let marked = SessionReport(live.engine.snapshot(at: 8), file: "flow.json")
        // The report lists questions as the interview numbered them: found by id.
        let fifth = try #require(marked.questions.first { $0.id == live.engine.questions[4].id })
        let first = try #require(marked.questions.first { $0.id == live.engine.questions[0].id })
        #expect(fifth.asked, "m marks it asked")
        #expect(first.skipped && !first.asked, "x skips it")
        #expect(Scorecard.render([marked], as: .markdown).contains("(skipped)"))
        LiveReducer.reduce(&live, .tick, now: 8 + SessionState.askedAfter)
        #expect(live.session.isAsked(0, at: live.now) == false, "a skipped question is never asked")
    }

    @Test func aQuestionOfOnesOwnComesAfterTheCurrentOne() throws {
        var live = try state(plan: [0, 1, 2])
        Live.command("+", &live, at: 1)
        for c in "How would you monitor drift?" { Live.press([.character(c)], &live, at: 1) }
        Live.press([.enter], &live, at: 2)
        #expect(live.session.current == 15 && live.session.order == [0, 15, 1, 2])
        #expect(LiveScreen.render(live).text.contains("Your question 2/4"))
        Live.command("r3", &live, at: 3)
        Live.type("mentions PSI", &live, at: 4)
        Live.command("n", &live, at: 5)
        #expect(live.session.current == 1)
        let file = live.engine.snapshot(at: 6)
        #expect(file.questions.count == 16 && file.questions[15].added == true && file.questions[15].prompt == "How would you monitor drift?")
        let report = SessionReport(file, file: "own.json")
        let own = try #require(report.questions.first { $0.added })
        #expect(own.number == 2 && own.rating == 3 && own.notes.first?.text == "mentions PSI", "numbered as asked: second")
        // It replays, resumes and reads back as the same session.
        let data = try file.encoded()
        SchemaCheck.expectValid(data, .session)
        let decoded = try SessionFile.decode(data, file: "own.json")
        #expect(decoded.finalState.order == [0, 15, 1, 2])
        var resumed = SessionEngine(file: decoded)
        #expect(resumed.questions.count == 16)
        resumed.perform(.reopen, at: 6)
        #expect(Timeline(decoded).state(at: 6).questions[15].rating == 3)
    }

    /// An own question has no answer key: its prompt and the notes, no empty panes. In
    /// wrap-up every question of the summary shows before the closing notes get rows.
    @Test func anOwnQuestionShowsItsPromptAndNotesAndWrapUpListsEveryQuestion() throws {
        var live = try state(plan: [0, 1, 4, 5, 8])
        live.size = Size(width: 120, height: 40)
        Live.command("+", &live, at: 1)
        Live.type("How would you monitor drift?", &live, at: 1)
        Live.press([.enter], &live, at: 2)
        let screen = LiveScreen.render(live).text
        #expect(screen.contains("How would you monitor drift?") && screen.contains("Notes"))
        for empty in ["Why ask", "Expected answer", "How to evaluate", "Rubric 0/0", "Esc v"] {
            #expect(!screen.contains(empty), "an own question shows \(empty)")
        }
        Live.command("w", &live, at: 3)
        let wrapUp = LiveScreen.render(live).text
        #expect(wrapUp.contains("How would you monitor drift?"), "the own question is in the summary")
        #expect(!wrapUp.contains("▼ more"), "every question of the summary is on screen")
    }

    @Test func followUpsAnchorsAndNoDecision() throws {
        var bank = try BankLoader.load("machine-learning")
        bank.questions[0].followUps = ["What if the labels are noisy?", "Where does semi-supervised fit?"]
        bank.questions[0].anchors = ["confuses the two", "names them only", "explains with examples", "adds trade-offs unprompted"]
        var live = try state(bank: bank)
        let screen = LiveScreen.render(live).text
        #expect(screen.contains("Follow-ups (Esc f, then N):") && screen.contains("1 [ ] What if the"))
        Live.command("f2", &live, at: 1)
        #expect(live.session.questions[0].followUpsAsked == [1])
        #expect(LiveScreen.render(live).text.contains("2 [x] Where does"))
        Live.command("r", &live, at: 2)
        let anchors = LiveScreen.render(live).text
        #expect(anchors.contains("adds trade-offs unprompted") && anchors.contains("4 strong yes"), "Esc r shows the anchors")
        Live.press([.character("4")], &live, at: 3)
        Live.command("w", &live, at: 3)
        Live.command("rd", &live, at: 3)
        #expect(live.session.recommendation == Rating.noDecision)
        #expect(LiveScreen.render(live).text.contains("no decision"))
        let report = SessionReport(live.engine.snapshot(at: 4), file: "f.json")
        #expect(report.questions[0].followUps.map(\.asked) == [false, true])
        #expect(Scorecard.render([report], as: .markdown).contains("no decision"))
    }

    @Test func pacingSaysBehindInWords() throws {
        var live = try state(plan: [0, 2, 6], duration: 180)
        LiveReducer.reduce(&live, .tick, now: 30)
        let text = LiveScreen.render(live).text
        #expect(text.contains("behind "), "three questions of 8 minutes in a 3-minute interview")
        let pace = try #require(Pacing.make(live))
        #expect(pace.role == .clockOver && pace.behindSeconds >= 300)
        var easy = try state(plan: [0], duration: 3600)
        LiveReducer.reduce(&easy, .tick, now: 30)
        #expect(LiveScreen.render(easy).text.contains("on time"))
        // The whole bank in the bank's own 45 minutes, on to question 2 at once: seconds
        // behind (question 1 still to ask), said on time.
        var full = try state(plan: nil, duration: 2700)
        Live.command("n", &full, at: 2)
        LiveReducer.reduce(&full, .tick, now: 5)
        #expect(LiveScreen.render(full).text.contains("on time"))
        #expect(Pacing.make(full)?.behindSeconds == 0)
        Live.command("s", &easy, at: 31)
        #expect(!LiveScreen.render(easy).text.contains("on time"), "never on a shared screen")
    }

    @Test func endingSaysWhatIsMissing() throws {
        var live = try state()
        Live.command("1", &live, at: 1)
        Live.command("q", &live, at: 1)
        let box = LiveScreen.render(live).text
        #expect(box.contains("Asked but not rated: 1") && box.contains("no recommendation yet"))
    }

    /// Before ending, the quit box says what the evidence check finds: a rating with no
    /// note, a note with a word a committee should not weigh.
    @Test func endingShowsTheEvidenceCheck() throws {
        var live = try state()
        live.size = Size(width: 120, height: 40)
        Live.command("r4", &live, at: 1)
        Live.command("n", &live, at: 2)
        Live.type("seemed nervous but solid", &live, at: 3)
        Live.command("q", &live, at: 4)
        let box = LiveScreen.render(live).text
        #expect(box.contains("Evidence check"), "\(box)")
        #expect(box.contains("nervous"), "the note with a word not to weigh is named")
    }

    @Test func discardAsksAndSaysWhatWouldBeLost() throws {
        var live = try state()
        Live.command("qd", &live, at: 1)
        #expect(LiveScreen.render(live).text.contains("Nothing was recorded"))
        Live.press([.escape], &live, at: 2)
        #expect(live.exit == nil && live.overlay == nil, "Esc keeps it")
        Live.command("1", &live, at: 3)
        Live.command("r2", &live, at: 3)
        Live.command("qd", &live, at: 3)
        let box = LiveScreen.render(live).text
        #expect(box.contains("1 tick") && box.contains("1 rating"), "says what would be lost")
        Live.press([.character("y")], &live, at: 4)
        #expect(live.exit == .discarded)
    }
}
