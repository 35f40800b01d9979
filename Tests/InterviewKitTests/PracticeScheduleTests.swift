import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

@Suite struct PracticeScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test func neverPractisedFirstThenDueByNeedThenLaterBySoonest() throws {
        let bank = try Fixtures.smallBank()
        let ids = bank.questions.map(\.id)  // first, second, third
        let history: [String: [PracticeSchedule.Attempt]] = [
            // Answered well yesterday and the day before: two successes, due in 2.5 days: later.
            ids[0]: [.init(date: daysAgo(2), quality: 4), .init(date: daysAgo(1), quality: 3)],
            // Answered badly a day ago: due at once, overdue by a day.
            ids[1]: [.init(date: daysAgo(1), quality: 1)],
        ]
        let order = PracticeSchedule.order(bank.questions, history: history, now: now).map(\.id)
        #expect(order == [ids[2], ids[1], ids[0]])
    }

    @Test func amongDueQuestionsTheMostOverdueComesFirst() throws {
        let bank = try Fixtures.smallBank()
        let ids = bank.questions.map(\.id)
        let history: [String: [PracticeSchedule.Attempt]] = [
            ids[0]: [.init(date: daysAgo(3), quality: 2)],
            ids[1]: [.init(date: daysAgo(10), quality: 4)],  // one success: due after 1 day, 9 days overdue
            ids[2]: [.init(date: daysAgo(1), quality: 1)],
        ]
        let order = PracticeSchedule.order(bank.questions, history: history, now: now).map(\.id)
        #expect(order == [ids[1], ids[0], ids[2]])
    }

    /// A failure restarts the count: a question failed an hour ago, after two successes, is
    /// due now; one answered well an hour ago is due tomorrow.
    @Test func aQuestionFailedAnHourAgoIsDueNowNotTomorrow() throws {
        let bank = try Fixtures.smallBank()
        let ids = bank.questions.map(\.id)
        let anHourAgo = now.addingTimeInterval(-3600)
        let failed: [PracticeSchedule.Attempt] = [.init(date: daysAgo(9), quality: 4), .init(date: daysAgo(3), quality: 3),
                                                  .init(date: anHourAgo, quality: 2)]
        let due = PracticeSchedule.nextDue(failed)
        #expect(due.date == anHourAgo && due.interval == 0)
        let history: [String: [PracticeSchedule.Attempt]] = [
            ids[0]: [.init(date: anHourAgo, quality: 4)],
            ids[1]: failed,
            ids[2]: [.init(date: daysAgo(2), quality: 3)],
        ]
        let order = PracticeSchedule.order(bank.questions, history: history, now: now).map(\.id)
        #expect(order == [ids[2], ids[1], ids[0]], "overdue by a day, due an hour ago, due tomorrow")
    }

    @Test func historyScoresRatingsOrRubricCoverageFromPracticeSessionsOnly() throws {
        let bank = try Fixtures.smallBank()
        var practice = SessionEngine(bank: bank, id: "p", mode: .practice, candidate: "me", interviewer: "",
                                     startedAt: daysAgo(1))
        practice.perform(.toggleRubric(0), at: 1)
        practice.perform(.toggleRubric(1), at: 1)
        practice.perform(.toggleRubric(2), at: 1)
        practice.perform(.next, at: 2)
        practice.perform(.rate(2), at: 3)
        var live = Fixtures.engine(bank)
        live.perform(.rate(4), at: 1)
        let history = PracticeSchedule.history([practice.snapshot(at: 4), live.snapshot(at: 2)])
        let ids = bank.questions.map(\.id)
        #expect(history[ids[0]]?.map(\.quality) == [4], "all rubric items ticked, no rating: quality 1 + 3 × 1")
        #expect(history[ids[1]]?.map(\.quality) == [2])
        #expect(history[ids[2]] == nil, "never opened")
    }
}

@Suite struct PracticeStatsTests {
    @Test func statsShowPracticeProgressApartFromInterviews() throws {
        let bank = try Fixtures.smallBank()
        var practice = SessionEngine(bank: bank, id: "p", mode: .practice, candidate: "me", interviewer: "",
                                     startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        practice.perform(.rate(2), at: 5)
        var live = Fixtures.engine(bank)
        live.perform(.rate(4), at: 5)
        let stats = SessionStats(folder: "f", sessions: [SessionReport(practice.snapshot(at: 6), file: "p.json"),
                                                          SessionReport(live.snapshot(at: 6), file: "l.json")], skipped: [])
        #expect(stats.banks.map(\.title) == ["Small", "Small (practice)"])
        #expect(stats.banks[1].questions.first?.averageRating == 2)
        #expect(stats.banks[0].questions.first?.averageRating == 4)
        #expect(stats.render().contains("practice"))
    }
}
