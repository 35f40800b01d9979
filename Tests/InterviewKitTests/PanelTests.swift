import Foundation
import SchemaCheck
@testable import InterviewCore
@testable import InterviewReports
@testable import InterviewStore
import Testing

/// Panel sessions built as the program builds them: an engine, a rating per question (nil
/// for none), then the file's link to its panel.
enum PanelFixtures {
    static func session(_ name: String, id: String, panel: SessionFile.Panel? = nil, ratings: [Int?], notes: [String] = [],
                        recommendation: Int? = nil, ended: Bool = true, mode: SessionMode = .live) throws -> SessionReport {
        let bank = try BankLoader.load("machine-learning")
        var engine = SessionEngine(bank: bank, id: id, mode: mode, candidate: "Ada Lovelace", interviewer: name,
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        var t = 1.0
        for (index, rating) in ratings.enumerated() {
            if index > 0 { engine.perform(.next, at: t) }
            if let rating { engine.perform(.rate(rating), at: t + 1) }
            if index < notes.count { engine.perform(.setNotes([NoteLine(at: 1, text: notes[index])]), at: t + 2) }
            t += 70
        }
        if let recommendation {
            engine.perform(.wrapUp, at: t)
            engine.perform(.recommend(recommendation), at: t + 1)
        }
        if ended { engine.perform(.end, at: t + 2) }
        var file = engine.snapshot(at: t + 2)
        file.panel = panel
        return SessionReport(file, file: "\(id).json")
    }

    static func second(_ lead: String, to id: String) -> SessionFile.Panel { .init(interview: id, role: .second, lead: lead) }
    static func shadow(_ lead: String, to id: String) -> SessionFile.Panel { .init(interview: id, role: .shadow, lead: lead) }
}

@Suite struct PanelFileTests {
    @Test func aMembersLinkIsSavedReadBackAndNamedInReports() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.rate(3), at: 1)
        var file = engine.snapshot(at: 2)
        let solo = String(decoding: try file.encoded(), as: UTF8.self)
        #expect(!solo.contains("\"panel\""), "a solo interview's file is as before")
        file.panel = SessionFile.Panel(interview: "lead-id", role: .second, lead: "Ada Lovelace")
        let data = try file.encoded()
        #expect(try SessionFile.decode(data, file: "m.json").panel == file.panel)
        let summary = try SessionSummary.decode(data, file: "m.json")
        #expect(summary.panel == file.panel, "stats reads it")
        let report = try #require(SessionReport(summary, file: "m.json"))
        #expect(report.panel == file.panel)
        #expect(Scorecard.render([report], as: .markdown).contains("| Panel | second to Ada Lovelace |"))
    }

    @Test func aMembersSessionHasTheLeadsQuestionsAndPlanAndNoneOfItsMarks() throws {
        var lead = Fixtures.engine(try Fixtures.smallBank())
        lead.perform(.toggleRubric(0), at: 1)
        lead.perform(.rate(4), at: 2)
        lead.perform(.addQuestion("The lead's own?"), at: 3)
        let file = lead.snapshot(at: 4)
        let member = PanelMember.engine(joining: file, id: "m", interviewer: "Alan", role: .shadow, startedAt: Date())
        #expect(member.file.panel == SessionFile.Panel(interview: "test-session", role: .shadow, lead: "Grace"))
        #expect(member.file.candidate == "Ada" && member.file.interviewer == "Alan")
        #expect(member.questions.map(\.id) == Array(file.questions.filter { $0.added != true }.map(\.id)))
        #expect(member.state.questions.allSatisfy { $0.rating == nil && !$0.rubric.contains(true) })
        #expect(member.file.plan == file.plan && member.file.bank == file.bank)
    }
}

@Suite struct PanelGroupTests {
    @Test func membersGroupWithTheirLeadAndEverythingElseStaysApart() throws {
        let lead = try PanelFixtures.session("Ada", id: "L", ratings: [3])
        let second = try PanelFixtures.session("Bob", id: "S", panel: PanelFixtures.second("Ada", to: "L"), ratings: [2])
        let shadow = try PanelFixtures.session("Cy", id: "C", panel: PanelFixtures.shadow("Ada", to: "L"), ratings: [3])
        let solo = try PanelFixtures.session("Dee", id: "D", ratings: [4])
        let practice = try PanelFixtures.session("Ed", id: "P", panel: PanelFixtures.second("Ada", to: "L"), ratings: [1], mode: .practice)
        let panels = PanelGroups.panels([second, solo, lead, practice, shadow])
        #expect(panels.map { $0.map(\.id) } == [["L", "S", "C"]], "the lead first, then the members as found")
        #expect(PanelGroups.role(of: lead) == .lead && PanelGroups.role(of: shadow) == .shadow)
    }
}

@Suite struct PanelDebriefTests {
    func panel(secondEnded: Bool) throws -> [SessionReport] {
        [try PanelFixtures.session("Ada", id: "L", ratings: [4, 3, 2], notes: ["clear", "fine", "shaky"], recommendation: 3),
         try PanelFixtures.session("Bob", id: "S", panel: PanelFixtures.second("Ada", to: "L"), ratings: [3, 3, 4],
                                   notes: ["ok", "ok", "strong"], recommendation: 4, ended: secondEnded),
         try PanelFixtures.session("Cy", id: "C", panel: PanelFixtures.shadow("Ada", to: "L"), ratings: [1, 1, 1], recommendation: 1)]
    }

    @Test func theDebriefWaitsForEveryMemberAndPartialShowsOnlyWhatIsIn() throws {
        let open = try panel(secondEnded: false)
        #expect(PanelDebrief.unsubmitted(open).map(\.title) == ["Bob (second)"])
        let partial = PanelDebrief(open, partial: true)
        let text = partial.markdown()
        #expect(text.contains("**PARTIAL**: not submitted yet: Bob (second), in-progress"))
        #expect(!text.contains("| Bob (second) |"), "nothing of a member who has not submitted")
        #expect(partial.questions.allSatisfy { row in row.marks.allSatisfy { partial.members[$0.member].name != "Bob" } })
        #expect(PanelDebrief.unsubmitted(try panel(secondEnded: true)).isEmpty)
    }

    @Test func questionsComeByDisagreementWithTheMeanAndShadowsApart() throws {
        let debrief = PanelDebrief(try panel(secondEnded: true), partial: false)
        // Spreads: question 3 |2−4| = 2, question 1 |4−3| = 1, question 2 0.
        #expect(debrief.questions.prefix(3).map(\.spread) == [2, 1, 0])
        let top = debrief.questions[0]
        #expect(top.mean == 3, "(2 + 4) / 2: the shadow's 1 is not in it")
        #expect(top.marks.map(\.notes) == [["shaky"], ["strong"]])
        #expect(top.shadows.map(\.rating) == [1])
        #expect(debrief.recommendation.mean == 3.5)
        #expect(PanelDebrief.implied(3.5) == "between yes and strong yes" && PanelDebrief.implied(2.4) == "no")
        let text = debrief.markdown()
        #expect(text.contains("| Cy (shadow), apart | 1 strong no |"))
        #expect(text.contains("| **mean** | 3: yes | |"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(debrief.json().utf8)) as? [String: Any])
        let first = try #require((json["questions"] as? [[String: Any]])?.first)
        #expect(first["spread"] as? Double == 2 && first["implied"] as? String == "yes")
        #expect((first["shadows"] as? [[String: Any]])?.first?["name"] as? String == "Cy")
        #expect(json["partial"] as? Bool == false)
        SchemaCheck.expectValid(debrief.json(), .panelDebrief)
        SchemaCheck.expectValid(PanelDebrief(try panel(secondEnded: false), partial: true).json(), .panelDebrief)
    }
}

@Suite struct CalibrationTests {
    @Test func weightedKappaIsTheHandComputedValue() {
        // A = 1 2 3 4, B = 1 2 4 4: the only disagreement (3, 4) weighs 1/9, so Σw·O = 1/4 · 1/9 = 1/36.
        // Chance: A's shares ¼ each, B's ¼ ¼ 0 ½; Σw·E = ¼ · (19 + 9 + 7 + 13)/36 = 1/3. κ = 1 − (1/36)/(1/3) = 11/12.
        #expect(abs(WeightedKappa.quadratic([(1, 1), (2, 2), (3, 4), (4, 4)])! - 11.0 / 12) < 1e-12)
        // Opposite ends both ways: Σw·O = 1, Σw·E = ½ · ½ · 2 = ½, κ = 1 − 2 = −1.
        #expect(abs(WeightedKappa.quadratic([(1, 4), (4, 1)])! + 1) < 1e-12)
        #expect(WeightedKappa.quadratic([(2, 2), (3, 3)]) == 1)
        #expect(WeightedKappa.quadratic([(3, 3), (3, 3)]) == nil, "one rating throughout: chance cannot disagree")
        #expect(WeightedKappa.quadratic([]) == nil)
    }

    @Test func meanDifferencesAndKappaOfPanelsAgainstHandComputedNumbers() throws {
        let reports = [
            try PanelFixtures.session("Ada", id: "L1", ratings: [4, 3, 2]),
            try PanelFixtures.session("Bob", id: "S1", panel: PanelFixtures.second("Ada", to: "L1"), ratings: [3, 3, 1]),
            try PanelFixtures.session("Cy", id: "C1", panel: PanelFixtures.shadow("Ada", to: "L1"), ratings: [4, 2, 2]),
            try PanelFixtures.session("Bob", id: "L2", ratings: [2]),
            try PanelFixtures.session("Ada", id: "S2", panel: PanelFixtures.second("Bob", to: "L2"), ratings: [4]),
            try PanelFixtures.session("Dee", id: "solo", ratings: [1, 1]),
        ]
        let c = Calibration(sessions: reports.map(StatsSession.init))
        #expect(c.panels == 2)
        // Ada − Bob on the four answers both rated: 4−3, 3−3, 2−1, 4−2 → 1, 0, 1, 2: mean 1.
        #expect(c.interviewers.map(\.name) == ["Ada", "Bob"])
        #expect(c.interviewers.map(\.meanDifference) == [1, -1] && c.interviewers.map(\.shared) == [4, 4])
        #expect(c.interviewers.allSatisfy { !$0.flagged }, "four shared ratings are not enough to flag")
        // Pairs (Ada, Bob): (4,3) (3,3) (2,1) (4,2). Σw·O = ¼ · (1 + 0 + 1 + 4)/9 = 1/6; Ada's shares 2:¼ 3:¼ 4:½,
        // Bob's 1:¼ 2:¼ 3:½; Σw·E = (0.1875 + 0.3125 + 1.875)/9 = 2.375/9; κ = 1 − (1/6)/(2.375/9) = 7/19.
        let pair = try #require(c.pairs.first)
        #expect(pair.first == "Ada" && pair.second == "Bob" && pair.shared == 4)
        #expect(abs(pair.kappa! - 7.0 / 19) < 1e-12)
        #expect(c.overall.shared == 4 && abs(c.overall.kappa! - 7.0 / 19) < 1e-12)
        // Cy against the panel's mean: 4 − 3.5, 2 − 3, 2 − 1.5 → +0.5, −1, +0.5: mean 0 over 3; never in the pairs.
        #expect(c.shadows.map(\.name) == ["Cy"] && c.shadows[0].shared == 3 && c.shadows[0].meanDifference == 0)
        #expect(!c.pairs.contains { $0.first == "Cy" || $0.second == "Cy" })
    }

    @Test func anOffsetOfHalfAPointOverFiveSharedRatingsIsFlagged() throws {
        let five = [
            try PanelFixtures.session("Ada", id: "L", ratings: [4, 4, 3, 3, 2]),
            try PanelFixtures.session("Bob", id: "S", panel: PanelFixtures.second("Ada", to: "L"), ratings: [3, 4, 3, 2, 2]),
        ]
        // Ada − Bob: 1, 0, 0, 1, 0 → 0.4 (not flagged); one more shared rating with 1 → 0.5 over 6.
        #expect(Calibration(sessions: five.map(StatsSession.init)).interviewers.map(\.flagged) == [false, false])
        let six = [
            try PanelFixtures.session("Ada", id: "L", ratings: [4, 4, 3, 3, 2, 2]),
            try PanelFixtures.session("Bob", id: "S", panel: PanelFixtures.second("Ada", to: "L"), ratings: [3, 4, 3, 2, 2, 1]),
        ]
        let c = Calibration(sessions: six.map(StatsSession.init))
        #expect(c.interviewers.map(\.meanDifference) == [0.5, -0.5])
        #expect(c.interviewers.map(\.flagged) == [true, true])
        let stats = SessionStats(folder: "/s", sessions: six, skipped: [])
        #expect(stats.render().contains("+0.5 ⚑"))
        #expect(stats.calibrationOnly(.csv).contains("interviewer,Ada,,6,0.50,,true"))
        #expect(stats.json().contains("\"calibration\""))
    }
}
